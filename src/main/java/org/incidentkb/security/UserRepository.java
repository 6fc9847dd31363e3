package org.incidentkb.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    public Optional<User> findByName(String username) {
        return find("usernameKey", User.key(username)).firstResultOptional();
    }
}
