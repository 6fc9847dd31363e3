package org.incidentkb.common;

import java.time.Duration;

/**
 * A login refused because of too many failed attempts, as the cause of the AuthenticationFailedException the
 * provider fails with; answered 429 with Retry-After.
 */
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
