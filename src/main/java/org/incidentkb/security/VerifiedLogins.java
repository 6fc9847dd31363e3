package org.incidentkb.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers, for a minute, credentials whose bcrypt check passed, so a client sending HTTP Basic on every request
 * does not pay a bcrypt check (tens of milliseconds of CPU) on each. Keyed by a SHA-256 of name and password, never
 * the password itself. Any change to users (password, roles, deletion) forgets everything.
 */
@ApplicationScoped
public class VerifiedLogins {

    private final Cache<String, UserService.Login> entries = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000).build();

    public Optional<UserService.Login> get(String username, char[] password) {
        return Optional.ofNullable(entries.getIfPresent(key(username, password)));
    }

    public void put(String username, char[] password, UserService.Login login) {
        entries.put(key(username, password), new UserService.Login(login.username(), Set.copyOf(login.roles())));
    }

    public void forgetAll() {
        entries.invalidateAll();
    }

    private static String key(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(User.key(username).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
