package org.incidentkb.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.incidentkb.common.LoginThrottledException;
import org.incidentkb.common.ReadRouting;
import org.incidentkb.common.SignInBusyException;
import org.jboss.logging.Logger;

/**
 * Checks HTTP Basic credentials against the users in the database, with throttling of repeated failures.
 * Every sign-in reads the user's row as committed now, on the primary, so a deleted, demoted or re-passworded user
 * loses its rights on every instance the moment that change commits; only the bcrypt check is remembered
 * ({@link VerifiedLogins}), for that very state of the row. The check runs between two reads of the row, holding no
 * connection ({@link PasswordChecks}); when the user changed meanwhile the sign-in starts over.
 */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Identity attributes: the signed-in user's id and the version of its row when it signed in. */
    static final String USER_ID = "userId";
    static final String USER_VERSION = "userVersion";

    private static final Logger LOG = Logger.getLogger(DatabaseIdentityProvider.class);
    /** A user that changes this often while one sign-in is being checked is refused rather than chased. */
    private static final int ATTEMPTS = 3;
    private static final long WAIT_STEP_MILLIS = 10;

    private final UserService users;
    private final LoginThrottle throttle;
    private final VerifiedLogins verified;
    private final PasswordChecks checks;

    public DatabaseIdentityProvider(UserService users, LoginThrottle throttle, VerifiedLogins verified,
            PasswordChecks checks) {
        this.users = users;
        this.throttle = throttle;
        this.verified = verified;
        this.checks = checks;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        // Throttled under the name as it would be compared, so " admin" or "ADMIN\t" count against "admin".
        String key = LoginThrottle.key(username, clientAddress(request));
        Duration locked = throttle.lockedFor(key, Instant.now());
        if (!locked.isZero()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(new LoginThrottledException(locked)));
        }
        char[] password = request.getPassword().getPassword();
        return context.runBlocking(() -> {
            Optional<UserService.Credentials> login = check(username, password, key);
            if (login.isEmpty()) {
                LOG.debugf("Failed login for user name of %d characters", username.length());
                throw new AuthenticationFailedException("Wrong user name or password");
            }
            return identity(request, login.get());
        });
    }

    /**
     * The user's credentials when the password is right for the row as committed now. Always against the primary: a
     * replica may not have seen a password change or a removal yet.
     */
    private Optional<UserService.Credentials> check(String username, char[] password, String key) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // A name no user can have (space, control characters, too long) is a failed login like a wrong password.
            Optional<UserService.Credentials> stored = !UserApi.isUserName(username) ? Optional.empty()
                    : ReadRouting.onPrimary(() -> users.credentials(username));
            if (stored.isPresent() && verified.matches(username, password, stored.get())) {
                return stored;
            }
            // A guess, or a first sign-in: counted by the throttle before it is checked.
            reserve(key);
            if (stored.isPresent() && verified.matches(username, password, stored.get())) {
                throttle.succeeded(key); // checked by a request of the same client while this one waited its turn
                return stored;
            }
            boolean right;
            try {
                right = stored.isPresent() ? checks.matches(password, stored.get().passwordHash())
                        : checks.spendAsIfChecking(password);
            } catch (RuntimeException e) {
                throttle.released(key);
                throw e instanceof SignInBusyException busy ? new AuthenticationFailedException(busy) : e;
            }
            if (!right) {
                throttle.failed(key, Instant.now());
                return Optional.empty();
            }
            throttle.succeeded(key);
            UserService.Credentials user = stored.get();
            // The check took a while: the user may have been changed or deleted meanwhile, and must not sign in as
            // it was (nor be remembered so).
            if (ReadRouting.onPrimary(() -> users.isUnchanged(user.id(), user.version()))) {
                verified.put(username, password, user);
                return stored;
            }
        }
        return Optional.empty();
    }

    /**
     * Waits while as many attempts as may still fail are being checked for this key (a client signing in on several
     * connections at once), up to {@code kb.security.login.check-wait}; refuses a locked key.
     */
    private void reserve(String key) {
        long deadline = System.nanoTime() + checks.maxWait().toNanos();
        while (true) {
            switch (throttle.reserve(key, Instant.now())) {
                case RESERVED -> {
                    return;
                }
                case LOCKED -> throw new AuthenticationFailedException(new LoginThrottledException(
                        max(throttle.lockedFor(key, Instant.now()), Duration.ofSeconds(1))));
                case WAIT -> {
                    if (System.nanoTime() > deadline) {
                        throw new AuthenticationFailedException(new SignInBusyException());
                    }
                    try {
                        Thread.sleep(WAIT_STEP_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AuthenticationFailedException(new SignInBusyException());
                    }
                }
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The principal is the user's name as stored, so /users/me and the audit trail name one user one way. */
    private static SecurityIdentity identity(UsernamePasswordAuthenticationRequest request,
            UserService.Credentials login) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(login.username()))
                .addCredential(request.getPassword()).addRoles(login.roles()).addAttribute("scheme", "basic")
                .addAttribute(USER_ID, login.id()).addAttribute(USER_VERSION, login.version()).build();
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || rc.request().remoteAddress() == null) {
            return "?";
        }
        return rc.request().remoteAddress().hostAddress();
    }
}
