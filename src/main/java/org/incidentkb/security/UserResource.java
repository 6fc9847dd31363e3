package org.incidentkb.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.incidentkb.common.ETags;
import org.incidentkb.common.EntityTags;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Paging;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Roles;
import org.incidentkb.security.UserApi.UserView;

/** Serves {@link UserOperations}. */
public class UserResource implements UserOperations {

    private final UserService service;
    private final EntityTags tags;
    private final SecurityIdentity identity;

    public UserResource(UserService service, EntityTags tags, SecurityIdentity identity) {
        this.service = service;
        this.tags = tags;
        this.identity = identity;
    }

    @Override
    public Response list(PageParams pages, UriInfo uri) {
        Paging paging = pages.paging();
        return Paging.ok(paging.result(service.list(paging), uri));
    }

    @Override
    public Response create(UserApi.UserInput input, UriInfo uri) {
        UserView created = service.create(input);
        return tags.created(uri, created.id(), created.version(), created);
    }

    @Override
    public Response get(long id) {
        UserView user = service.get(id).orElseThrow(() -> ProblemException.notFound("User", id));
        return tags.ok(user.version(), user);
    }

    @Override
    public Response setRoles(long id, String ifMatch, UserApi.RolesInput input) {
        UserView user = service.setRoles(id, input, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("User", id));
        return tags.ok(user.version(), user);
    }

    @Override
    public Response delete(long id, String ifMatch) {
        if (!service.delete(id, ETags.expectedVersion(ifMatch))) {
            throw ProblemException.notFound("User", id);
        }
        return Response.noContent().build();
    }

    @Override
    public UserApi.Me me() {
        List<String> roles = Roles.ALL.stream().filter(identity.getRoles()::contains).toList();
        String scheme = identity.getAttribute("scheme") == null ? "bearer" : identity.getAttribute("scheme");
        return new UserApi.Me(identity.getPrincipal().getName(), roles, scheme);
    }

    @Override
    public Response changePassword(UserApi.PasswordChange change) {
        if (!"basic".equals(identity.getAttribute("scheme"))) {
            throw new ProblemException(403, "urn:incident-kb:problem:forbidden", "Forbidden", "Signed in with a "
                    + "token from the identity provider: change the password there", null);
        }
        service.changePassword(identity.getPrincipal().getName(), change);
        return Response.noContent().build();
    }

}
