package org.incidentkb.security;

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
            return;
        }
        if (generated) {
            LOG.warnf("Created the user 'admin' with the generated password %s (shown only this once; change it "
                    + "with PUT /api/v1/users/me/password, or set KB_ADMIN_PASSWORD before the first start)", password);
        } else {
            LOG.info("Created the user 'admin' with the password from KB_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
