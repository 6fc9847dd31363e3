package org.incidentkb.security;

import org.incidentkb.common.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
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
    private final VerifiedLogins verified;

    public UserService(UserRepository users, VerifiedLogins verified) {
        this.users = users;
        this.verified = verified;
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
        if (users.findByName(input.username()).isPresent()) {
            throw ProblemException.conflict("A user named '" + input.username().trim() + "' already exists");
        }
        User user = new User();
        user.setUsername(input.username());
        user.setPasswordHash(BcryptUtil.bcryptHash(input.password()));
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
        Optional<User> found = users.findByIdOptional(id);
        found.ifPresent(user -> {
            ETags.check("User " + id, ifMatch, input.version(), user.getVersion());
            Set<String> roles = names(input.roles());
            if (user.getRoles().contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
                requireAnotherAdmin(user);
            }
            user.setRoles(roles);
            users.flush();
            verified.forgetAll();
        });
        return found.map(UserView::from);
    }

    @Transactional
    public boolean delete(long id, Long ifMatch) {
        users.lockAll();
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
        verified.forgetAll();
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
        verified.forgetAll();
    }

    /** Who signed in: the user's name as stored (whatever case the client typed) and roles. */
    public record Login(String username, Set<String> roles) {
    }

    /** The user's stored name and roles when the password is right; empty otherwise (no such user included). */
    @Transactional
    public Optional<Login> verify(String username, char[] password) {
        Optional<User> user = users.findByName(username);
        if (user.isEmpty()) {
            // Spend the same time as a real check, so response times do not tell which names exist.
            BcryptUtil.matches(new String(password), DummyHash.VALUE);
            return Optional.empty();
        }
        return BcryptUtil.matches(new String(password), user.get().getPasswordHash())
                ? Optional.of(new Login(user.get().getUsername(), user.get().getRoles())) : Optional.empty();
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
        verified.forgetAll();
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

    /** A hash no password matches, made on first use (not while the service starts). */
    private static final class DummyHash {
        static final String VALUE = BcryptUtil.bcryptHash("not a password of anyone");
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
