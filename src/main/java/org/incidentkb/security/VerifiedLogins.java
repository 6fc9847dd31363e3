package org.incidentkb.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a minute, credentials whose bcrypt check passed, so a client sending HTTP Basic on every request
 * does not pay a bcrypt check (tens of milliseconds of CPU) on each. Keyed by a SHA-256 of name and password, never
 * the password itself. Any change to users (password, roles, deletion) forgets everything.
 */
@ApplicationScoped
public class VerifiedLogins {

    private static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Set<String> roles, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Optional<Set<String>> get(String username, char[] password) {
        Entry entry = entries.get(key(username, password));
        if (entry == null || entry.expires().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(entry.roles());
    }

    public void put(String username, char[] password, Set<String> roles) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(username, password), new Entry(Set.copyOf(roles), Instant.now().plus(TTL)));
    }

    public void forgetAll() {
        entries.clear();
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
