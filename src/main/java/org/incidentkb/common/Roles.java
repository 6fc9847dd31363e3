package org.incidentkb.common;

import java.util.List;
import java.util.Set;

/**
 * The three roles. They nest: an admin is also an editor, an editor also a reader (the security package's RoleHierarchy adds the
 * implied roles to every identity, whether it came from HTTP Basic or a bearer JWT).
 */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    /** Highest first. */
    public static final List<String> ALL = List.of(ADMIN, EDITOR, READER);

    private Roles() {
    }

    /** The role with the roles it implies. */
    public static Set<String> implied(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, EDITOR, READER);
            case EDITOR -> Set.of(EDITOR, READER);
            case READER -> Set.of(READER);
            default -> Set.of();
        };
    }
}
