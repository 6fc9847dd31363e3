package org.incidentkb.security;

import org.incidentkb.common.Audited;
import org.incidentkb.common.Roles;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A user who signs in with HTTP Basic: a name, a bcrypt hash of the password (never the password) and roles. */
@Entity
@Table(name = "kb_user")
public class User extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_user_seq")
    @SequenceGenerator(name = "kb_user_seq", sequenceName = "kb_user_seq", allocationSize = 50)
    private Long id;

    private String username;

    @Column(name = "username_key")
    private String usernameKey;

    @Column(name = "password_hash")
    private String passwordHash;

    /** Comma-separated role names. */
    private String roles;

    /**
     * The one form a user name is compared in (creation, sign-in, the login throttle): lower case, nothing else.
     * Names are stored without surrounding space (creation refuses any), so {@code " admin"} is no name of anyone.
     */
    public static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
        this.usernameKey = key(username);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Set<String> getRoles() {
        return roles == null || roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void setRoles(Set<String> roles) {
        this.roles = Roles.ALL.stream().filter(roles::contains).collect(Collectors.joining(","));
    }

}
