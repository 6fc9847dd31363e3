package org.incidentkb.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Remembers, for a minute, which stored state of a user a name and password passed the bcrypt check against, so a
 * client sending HTTP Basic on every request does not pay a bcrypt check (tens of milliseconds of CPU) on each.
 * Keyed by a SHA-256 of name and password, never the password itself. An entry only counts while the user's row still
 * has the id and version it was checked against ({@link UserService.Credentials#stamp()}): any change to the user, a
 * deletion included, on this instance or another sharing the database, makes it worthless at once, and a check still
 * in flight when the user changed cannot bring the old state back.
 */
@ApplicationScoped
public class VerifiedLogins {

    private final Cache<String, String> entries = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000).build();

    /** Whether this name and password passed the check against exactly this stored state of the user. */
    public boolean matches(String username, char[] password, UserService.Credentials stored) {
        return stored.stamp().equals(entries.getIfPresent(key(username, password)));
    }

    public void put(String username, char[] password, UserService.Credentials stored) {
        entries.put(key(username, password), stored.stamp());
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
