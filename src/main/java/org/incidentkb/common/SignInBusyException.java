package org.incidentkb.common;

/**
 * A sign-in whose password could not be checked in time because as many checks as the service allows at once were
 * running (a flood of sign-ins); the cause of the AuthenticationFailedException the provider fails with, answered 503
 * with Retry-After. Nothing was guessed: it does not count against the login throttle.
 */
public class SignInBusyException extends RuntimeException {

    public SignInBusyException() {
        super("Too many sign-ins are being checked", null, false, false);
    }
}
