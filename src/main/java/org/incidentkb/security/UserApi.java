package org.incidentkb.security;

import org.incidentkb.common.Roles;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API records of users. No record ever carries a password hash out. */
public final class UserApi {

    private UserApi() {
    }

    /** Passwords: long enough to resist guessing, short enough for bcrypt (which reads 72 bytes). */
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 72;

    @Schema(name = "Role", enumeration = { Roles.READER, Roles.EDITOR, Roles.ADMIN },
            description = "reader: read (when reads are not public); editor: also create and change; admin: also "
                    + "delete, import and manage users")
    public enum Role {
        reader, editor, admin
    }

    /** What a user name may hold: no space, no control character, nothing a look-alike could pad. */
    static final String USER_NAME = "[A-Za-z0-9._@-]{1,100}";
    private static final java.util.regex.Pattern USER_NAME_PATTERN = java.util.regex.Pattern.compile(USER_NAME);

    /** Whether this is a name a user could have; sign-in refuses others without looking them up. */
    static boolean isUserName(String name) {
        return name != null && USER_NAME_PATTERN.matcher(name).matches();
    }

    @Schema(name = "UserInput", description = "A new user")
    public record UserInput(
            @NotBlank @Size(max = 100) @Pattern(regexp = USER_NAME, message = "may hold letters, digits and . _ @ - only")
            @Schema(example = "analyst") String username,
            @NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD)
            @Schema(description = "12 to 72 characters; stored only as a bcrypt hash", example = "correct-horse-battery")
            String password,
            @NotEmpty @Size(max = 3) @Schema(example = "[\"editor\"]") Set<@NotNull Role> roles) {
    }

    @Schema(name = "UserRoles", description = "A user's new roles")
    public record RolesInput(
            @NotEmpty @Size(max = 3) @Schema(example = "[\"reader\"]") Set<@NotNull Role> roles,
            @Schema(description = "The version this write is based on; a stale one is refused with 409", example = "0")
            Long version) {
    }

    @Schema(name = "PasswordChange", description = "A new password for the signed-in user")
    public record PasswordChange(
            @NotNull @Size(max = MAX_PASSWORD) @Schema(example = "correct-horse-battery") String currentPassword,
            @NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) @Schema(example = "staple-battery-horse")
            String newPassword) {
    }

    @Schema(name = "User", description = "A user, without any password or hash")
    public record UserView(
            @Schema(example = "1") Long id,
            @Schema(example = "0") long version,
            @Schema(example = "admin") String username,
            @Schema(example = "[\"admin\"]") List<String> roles,
            Instant createdAt,
            Instant updatedAt) {

        static UserView from(User u) {
            return new UserView(u.getId(), u.getVersion(), u.getUsername(), List.copyOf(u.getRoles()),
                    u.getCreatedAt(), u.getUpdatedAt());
        }
    }

    @Schema(name = "Me", description = "Who the request is signed in as")
    public record Me(
            @Schema(example = "admin") String username,
            @Schema(description = "Granted roles, implied ones included", example = "[\"admin\", \"editor\", \"reader\"]")
            List<String> roles,
            @Schema(description = "basic or bearer", example = "basic") String scheme) {
    }
}
