package org.incidentkb.security;

import org.incidentkb.common.Roles;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    private final org.incidentkb.common.Database database;

    public UserRepository(org.incidentkb.common.Database database) {
        this.database = database;
    }

    public Optional<User> findByName(String username) {
        return find("usernameKey", User.key(username)).firstResultOptional();
    }

    /**
     * Locks every user row until the transaction ends (users are few), so that changes to who is an admin run one
     * after the other: two admins demoting each other at the same moment cannot both see the other as the admin
     * who remains.
     */
    public void lockAll() {
        var users = org.incidentkb.common.schema.Tables.KB_USER;
        database.flushed(sql -> sql.select(users.ID).from(users).orderBy(users.ID).forUpdate().fetch());
    }

    /** How many users other than this one hold the admin role, as committed now (a query, not the session cache). */
    public long adminsOtherThan(long id) {
        return count("roles like ?1 and id <> ?2", "%" + Roles.ADMIN + "%", id);
    }

    public long admins() {
        return count("roles like ?1", "%" + Roles.ADMIN + "%");
    }
}
