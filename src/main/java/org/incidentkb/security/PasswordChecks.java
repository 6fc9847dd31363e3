package org.incidentkb.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.SignInBusyException;

/**
 * The bcrypt checks of sign-ins, a bounded number at once ({@code kb.security.login.concurrent-checks}, half the
 * cores by default) and never while holding a database connection: a flood of failing sign-ins then takes at most
 * that share of the CPU and no connection, and anonymous reads go on. A check that waits longer than
 * {@code kb.security.login.check-wait} for its turn is refused with {@link SignInBusyException} (503).
 */
@ApplicationScoped
public class PasswordChecks {

    private final Semaphore turns;
    private final Duration wait;

    public PasswordChecks(KbConfig config) {
        int concurrent = config.security().login().concurrentChecks()
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        this.turns = new Semaphore(concurrent, true);
        this.wait = config.security().login().checkWait();
    }

    /** Whether the password matches the bcrypt hash. */
    public boolean matches(char[] password, String hash) {
        try {
            if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SignInBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInBusyException();
        }
        try {
            return BcryptUtil.matches(new String(password), hash);
        } finally {
            turns.release();
        }
    }

    /**
     * Spends the time of a real check, so that response times do not tell which user names exist; always false.
     */
    public boolean spendAsIfChecking(char[] password) {
        matches(password, DummyHash.VALUE);
        return false;
    }

    /** How long a sign-in waits for its turn. */
    public Duration maxWait() {
        return wait;
    }

    /** A hash no password matches, made on first use (not while the service starts). */
    private static final class DummyHash {
        static final String VALUE = BcryptUtil.bcryptHash("not a password of anyone");
    }
}
