package org.incidentkb.security;

import org.incidentkb.common.LoginThrottledException;
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
import org.incidentkb.common.ReadRouting;
import org.jboss.logging.Logger;

/** Checks HTTP Basic credentials against the users in the database, with throttling of repeated failures. */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(DatabaseIdentityProvider.class);

    private final UserService users;
    private final LoginThrottle throttle;
    private final VerifiedLogins verified;

    public DatabaseIdentityProvider(UserService users, LoginThrottle throttle, VerifiedLogins verified) {
        this.users = users;
        this.throttle = throttle;
        this.verified = verified;
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
        Optional<UserService.Login> known = verified.get(username, password);
        if (known.isPresent()) {
            return Uni.createFrom().item(identity(request, known.get()));
        }
        return context.runBlocking(() -> {
            // A name no user can have (space, control characters, too long) is a failed login like a wrong password.
            // Always against the primary: a replica may not have seen a password change or a removal yet.
            Optional<UserService.Login> login = !UserApi.isUserName(username) ? Optional.empty()
                    : ReadRouting.onPrimary(() -> users.verify(username, password));
            if (login.isEmpty()) {
                throttle.failed(key, Instant.now());
                LOG.debugf("Failed login for user name of %d characters", username.length());
                throw new AuthenticationFailedException("Wrong user name or password");
            }
            throttle.succeeded(key);
            verified.put(username, password, login.get());
            return identity(request, login.get());
        });
    }

    /** The principal is the user's name as stored, so /users/me and the audit trail name one user one way. */
    private static SecurityIdentity identity(UsernamePasswordAuthenticationRequest request, UserService.Login login) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(login.username()))
                .addCredential(request.getPassword()).addRoles(login.roles()).addAttribute("scheme", "basic").build();
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || rc.request().remoteAddress() == null) {
            return "?";
        }
        return rc.request().remoteAddress().hostAddress();
    }
}
