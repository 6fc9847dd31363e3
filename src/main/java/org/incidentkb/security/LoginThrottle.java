package org.incidentkb.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.incidentkb.common.KbConfig;

/**
 * Slows password guessing: after kb.security.login.max-failures failed logins for one user name from one client
 * address, further attempts from there are refused without checking the password, for a lock time that doubles
 * with each further failure (up to an hour). A success clears the count. Keyed by name and address together, so a
 * guesser cannot lock the real user out from elsewhere. Counts are forgotten an hour after the last failure, and at
 * most 100,000 are kept.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration MAX_LOCK = Duration.ofHours(1);

    private final int maxFailures;
    private final Duration lock;
    private final Cache<String, Failures> failures = Caffeine.newBuilder().expireAfterWrite(MAX_LOCK)
            .maximumSize(100_000).build();

    public LoginThrottle(KbConfig config) {
        this.maxFailures = config.security().login().maxFailures();
        this.lock = config.security().login().lockTime();
    }

    record Failures(int count, Instant lockedUntil) {
    }

    /** How long the key is still locked; zero when it may try. */
    public Duration lockedFor(String key, Instant now) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    public void failed(String key, Instant now) {
        failures.asMap().compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            if (count < maxFailures) {
                return new Failures(count, null);
            }
            Duration wait = lock.multipliedBy(1L << Math.min(count - maxFailures, 20));
            return new Failures(count, now.plus(wait.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : wait));
        });
    }

    public void succeeded(String key) {
        failures.invalidate(key);
    }

    /**
     * The throttle's key: the name without surrounding white space (any, tabs included) in lower case, and the
     * address. Sign-in refuses such names outright, but their failures still count against the name they pad.
     */
    public static String key(String username, String address) {
        return username.strip().toLowerCase(Locale.ROOT) + "|" + address;
    }
}
