package org.incidentkb.security;

import org.incidentkb.common.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.incidentkb.common.ETags;
import org.incidentkb.common.Paging;
import org.incidentkb.common.ProblemException;
import org.incidentkb.security.UserApi.PasswordChange;
import org.incidentkb.security.UserApi.UserInput;
import org.incidentkb.security.UserApi.UserView;

/** Users and their roles; passwords are stored only as bcrypt hashes. */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final SecurityIdentity caller;

    public UserService(UserRepository users, SecurityIdentity caller) {
        this.users = users;
        this.caller = caller;
    }

    public Paging.Slice<UserView> list(Paging paging) {
        var query = users.findAll(io.quarkus.panache.common.Sort.by("usernameKey"));
        return new Paging.Slice<>(query.page(paging.panache()).list().stream().map(UserView::from).toList(),
                query.count());
    }

    public Optional<UserView> get(long id) {
        return users.findByIdOptional(id).map(UserView::from);
    }

    public Optional<UserView> byName(String username) {
        return users.findByName(username).map(UserView::from);
    }

    @Transactional
    public UserView create(UserInput input) {
        requireBcryptLength("password", input.password());
        String hash = BcryptUtil.bcryptHash(input.password()); // before the lock: other user changes need not wait
        users.lockAll();
        requireCallerUnchanged();
        if (users.findByName(input.username()).isPresent()) {
            throw ProblemException.conflict("A user named '" + input.username().trim() + "' already exists");
        }
        User user = new User();
        user.setUsername(input.username());
        user.setPasswordHash(hash);
        user.setRoles(names(input.roles()));
        users.persist(user);
        users.flush();
        return UserView.from(user);
    }

    /** Creates a user unless one of that name exists; for the first start. Returns whether it created one. */
    @Transactional
    public boolean createIfAbsent(String username, String password, Set<String> roles) {
        if (users.count() > 0) {
            return false;
        }
        User user = new User();
        user.setUsername(username);
        user.setPasswordHash(BcryptUtil.bcryptHash(password));
        user.setRoles(roles);
        users.persist(user);
        users.flush();
        return true;
    }

    @Transactional
    public Optional<UserView> setRoles(long id, UserApi.RolesInput input, Long ifMatch) {
        users.lockAll();
        requireCallerUnchanged();
        Optional<User> found = users.findByIdOptional(id);
        found.ifPresent(user -> {
            ETags.check("User " + id, ifMatch, input.version(), user.getVersion());
            Set<String> roles = names(input.roles());
            if (user.getRoles().contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
                requireAnotherAdmin(user);
            }
            user.setRoles(roles);
            users.flush();
        });
        return found.map(UserView::from);
    }

    @Transactional
    public boolean delete(long id, Long ifMatch) {
        users.lockAll();
        requireCallerUnchanged();
        Optional<User> found = users.findByIdOptional(id);
        if (found.isEmpty()) {
            return false;
        }
        User user = found.get();
        ETags.check("User " + id, ifMatch, null, user.getVersion());
        if (user.getRoles().contains(Roles.ADMIN)) {
            requireAnotherAdmin(user);
        }
        users.delete(user);
        return true;
    }

    /** Changes the signed-in user's password after checking the current one. */
    @Transactional
    public void changePassword(String username, PasswordChange change) {
        User user = users.findByName(username).orElseThrow(() -> new ProblemException(403,
                "urn:incident-kb:problem:forbidden", "Forbidden",
                "Only users of this service (HTTP Basic) have a password to change here", null));
        requireBcryptLength("newPassword", change.newPassword());
        if (!BcryptUtil.matches(change.currentPassword(), user.getPasswordHash())) {
            throw ProblemException.invalid("currentPassword", "is not the current password");
        }
        user.setPasswordHash(BcryptUtil.bcryptHash(change.newPassword()));
    }

    /**
     * Who signed in: the user's name as stored (whatever case the client typed), roles, and the id and version of the
     * row they were read from (every change to a user, its password or roles, raises the version).
     */
    public record Credentials(long id, String username, String passwordHash, Set<String> roles, long version) {

        /** The stored state these credentials were read from: changes whenever the user does. */
        public String stamp() {
            return id + ":" + version;
        }
    }

    /** The user's stored credentials, as committed now; empty when no user has that name. */
    @Transactional
    public Optional<Credentials> credentials(String username) {
        return users.findByName(username).map(u -> new Credentials(u.getId(), u.getUsername(), u.getPasswordHash(),
                Set.copyOf(u.getRoles()), u.getVersion()));
    }

    /** Whether the user still exists unchanged since it was read at this version. */
    @Transactional
    public boolean isUnchanged(long id, long version) {
        return users.count("id = ?1 and version = ?2", id, version) == 1;
    }

    /**
     * The way back in when no user holds the admin role (for instance after two admins demoted each other before
     * that was serialised): gives the user {@code username} the admin role and this password, creating it if need
     * be. Does nothing while any admin exists. Returns whether it restored one.
     */
    @Transactional
    public boolean restoreAdminIfNone(String username, String password) {
        users.lockAll();
        if (users.admins() > 0) {
            return false;
        }
        User user = users.findByName(username).orElseGet(() -> {
            User created = new User();
            created.setUsername(username);
            users.persist(created);
            return created;
        });
        user.setPasswordHash(BcryptUtil.bcryptHash(password));
        java.util.Set<String> roles = new java.util.HashSet<>(user.getRoles());
        roles.addAll(Roles.implied(Roles.ADMIN));
        user.setRoles(roles);
        users.flush();
        return true;
    }

    /** Whether any user holds the admin role. */
    public boolean hasAdmin() {
        return users.admins() > 0;
    }

    /** bcrypt reads 72 bytes and ignores the rest, so a longer password would be silently shortened: refused. */
    private static void requireBcryptLength(String field, String password) {
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > UserApi.MAX_PASSWORD) {
            throw ProblemException.invalid(field, "must be at most " + UserApi.MAX_PASSWORD + " bytes in UTF-8 "
                    + "(bcrypt ignores the rest)");
        }
    }

    /**
     * Refuses the request when its caller, a user of this service, was deleted or changed (roles, password) after it
     * signed in: a request authenticated a moment before its user lost its rights must not use them once that change
     * has been answered. Callers hold the lock of {@link UserRepository#lockAll}, so the change either committed before
     * (and is seen here) or waits for this transaction. Bearer-token callers are the identity provider's to revoke.
     */
    private void requireCallerUnchanged() {
        Long id = caller.getAttribute(DatabaseIdentityProvider.USER_ID);
        Long version = caller.getAttribute(DatabaseIdentityProvider.USER_VERSION);
        if (id == null || version == null) {
            return;
        }
        if (users.count("id = ?1 and version = ?2", id, version) != 1) {
            throw new ProblemException(401, "urn:incident-kb:problem:unauthorized", "Unauthorized",
                    "Your user was changed or deleted while this request was under way; sign in again", null);
        }
    }

    /** Callers hold the lock of {@link UserRepository#lockAll}, so the count cannot change before they commit. */
    private void requireAnotherAdmin(User user) {
        if (users.adminsOtherThan(user.getId()) == 0) {
            throw ProblemException.conflict("User " + user.getUsername() + " is the last admin; make another user "
                    + "admin first");
        }
    }

    private static Set<String> names(Set<UserApi.Role> roles) {
        return roles.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
