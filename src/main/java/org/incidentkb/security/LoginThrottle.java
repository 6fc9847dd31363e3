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

    /** Failed attempts, attempts being checked now, and the end of the lock the failures earned. */
    record Failures(int count, int checking, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        /** The record to keep: none once nothing is counted, checked or locked. */
        Failures orNone() {
            return count == 0 && checking == 0 && lockedUntil == null ? null : this;
        }
    }

    /** What {@link #reserve} decided for an attempt. */
    public enum Reservation {
        /** Check the password, then report the outcome: {@link #failed}, {@link #succeeded} or {@link #released}. */
        RESERVED,
        /** As many attempts as may still fail before the lock are being checked: ask again in a moment. */
        WAIT,
        /** Refused: {@link #lockedFor} says for how long. */
        LOCKED
    }

    /** How long the key is still locked; zero when it may try. */
    public Duration lockedFor(String key, Instant now) {
        Failures f = failures.getIfPresent(key);
        return f == null || !f.lockedAt(now) ? Duration.ZERO : Duration.between(now, f.lockedUntil());
    }

    /**
     * Reserves an attempt before its password is checked. Failures plus attempts being checked never exceed
     * {@code kb.security.login.max-failures} (after a lock has passed, one attempt is checked at a time), so guesses
     * sent in parallel are throttled exactly like guesses sent one after another: of 40 sent at once, five are
     * checked and, when they fail, the rest are refused as locked.
     */
    public Reservation reserve(String key, Instant now) {
        Reservation[] decided = { Reservation.RESERVED };
        failures.asMap().compute(key, (k, f) -> {
            if (f == null) {
                return new Failures(0, 1, null);
            }
            if (f.lockedAt(now)) {
                decided[0] = Reservation.LOCKED;
                return f;
            }
            // Up to the failures left before the lock, checked at once; one at a time once a lock has passed.
            if (f.checking() >= Math.max(1, maxFailures - f.count())) {
                decided[0] = Reservation.WAIT;
                return f;
            }
            return new Failures(f.count(), f.checking() + 1, f.lockedUntil());
        });
        return decided[0];
    }

    /** A reserved attempt failed: counted, and once there are enough the key is locked (longer each time). */
    public void failed(String key, Instant now) {
        failures.asMap().compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            int checking = f == null ? 0 : Math.max(0, f.checking() - 1);
            if (count < maxFailures) {
                return new Failures(count, checking, null);
            }
            Duration wait = lock.multipliedBy(1L << Math.min(count - maxFailures, 20));
            return new Failures(count, checking, now.plus(wait.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : wait));
        });
    }

    /** A reserved attempt succeeded: the failures are forgotten. */
    public void succeeded(String key) {
        failures.asMap().computeIfPresent(key, (k, f) -> new Failures(0, Math.max(0, f.checking() - 1), null).orNone());
    }

    /** A reserved attempt could not be checked (the service was busy): no guess was made. */
    public void released(String key) {
        failures.asMap().computeIfPresent(key,
                (k, f) -> new Failures(f.count(), Math.max(0, f.checking() - 1), f.lockedUntil()).orNone());
    }

    /**
     * The throttle's key: the name without surrounding white space (any, tabs included) in lower case, and the
     * address. Sign-in refuses such names outright, but their failures still count against the name they pad.
     */
    public static String key(String username, String address) {
        return username.strip().toLowerCase(Locale.ROOT) + "|" + address;
    }
}
