package org.incidentkb.security;

import org.incidentkb.common.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.util.Base64;
import org.incidentkb.common.KbConfig;
import org.jboss.logging.Logger;

/**
 * On the first start against a database without users, creates the user {@code admin} with the password from
 * kb.admin.password (KB_ADMIN_PASSWORD), or a random one printed once in the log. Two instances starting together
 * are safe: the user name is unique, so one insert wins and the other instance says nothing of a password.
 * <p>
 * When users exist but none is an admin (the way back in after losing the last one), a start with
 * kb.admin.password set gives the user {@code admin} that password and the admin role, and says so in the log; a
 * start without it logs an error saying how to restore one.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final KbConfig config;

    public AdminBootstrap(UserService users, KbConfig config) {
        this.users = users;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        boolean generated = config.admin().password().isEmpty();
        String password = config.admin().password().orElseGet(AdminBootstrap::randomPassword);
        boolean created;
        try {
            created = users.createIfAbsent("admin", password, Roles.implied(Roles.ADMIN));
        } catch (PersistenceException e) {
            LOG.info("The admin user was created by another instance starting at the same time");
            return;
        }
        if (!created) {
            restoreIfNoAdmin();
            return;
        }
        if (generated) {
            LOG.warnf("Created the user 'admin' with the generated password %s (shown only this once; change it "
                    + "with PUT /api/v1/users/me/password, or set KB_ADMIN_PASSWORD before the first start)", password);
        } else {
            LOG.info("Created the user 'admin' with the password from KB_ADMIN_PASSWORD");
        }
    }

    public void restoreIfNoAdmin() {
        if (users.hasAdmin()) {
            return;
        }
        if (config.admin().password().isEmpty()) {
            LOG.error("No user holds the admin role, so nobody can manage users, delete or import. To restore one, "
                    + "start the service with KB_ADMIN_PASSWORD set: the user 'admin' then gets the admin role and "
                    + "that password");
            return;
        }
        try {
            if (users.restoreAdminIfNone("admin", config.admin().password().get())) {
                LOG.warn("RESTORED AN ADMIN: no user held the admin role, so the user 'admin' was given it and the "
                        + "password from KB_ADMIN_PASSWORD. Change that password (PUT /api/v1/users/me/password)");
            }
        } catch (PersistenceException e) {
            LOG.info("An admin was restored by another instance starting at the same time");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
