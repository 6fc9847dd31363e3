package org.incidentkb.security;

import org.incidentkb.common.Roles;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;
import org.incidentkb.common.KbConfig;

/**
 * Gives every identity the roles its roles imply (admin → editor → reader), and, while reads are public
 * (kb.security.public-reads, the default), the reader role to anonymous callers too. Resources then simply say
 * which role an operation needs.
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    private final boolean publicReads;

    public RoleHierarchy(KbConfig config) {
        this.publicReads = config.security().publicReads();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Set<String> roles = new HashSet<>();
        identity.getRoles().forEach(role -> roles.addAll(Roles.implied(role)));
        if (publicReads) {
            roles.add(Roles.READER);
        }
        if (roles.equals(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(roles).build());
    }
}
