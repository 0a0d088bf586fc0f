package org.reportremove.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.reportremove.platform.web.Roles;

/**
 * Who is calling, from the verified access token, in the terms the audit trail uses. For a helpline system
 * acting for a named counsellor, the actor is {@code <client>:<counsellor>}, so every audit row says which
 * counsellor acted.
 */
@RequestScoped
public class Caller {

    public static final String COUNSELLOR_CLAIM = "counsellor_id";

    @Inject
    JsonWebToken token;

    /** The account id of a young person, or the partner client's id. */
    public String subject() {
        return token.getSubject();
    }

    public String actorId() {
        String counsellor = token.getClaim(COUNSELLOR_CLAIM);
        return counsellor == null ? token.getSubject() : token.getSubject() + ":" + counsellor;
    }

    /** The caller as the actor of what it does. */
    public Actor actor() {
        return new Actor(role(), actorId());
    }

    public ActorRole role() {
        if (token.getGroups().contains(Roles.OPERATOR)) {
            return ActorRole.OPERATOR;
        }
        if (token.getGroups().contains(Roles.COUNSELLOR)) {
            return ActorRole.COUNSELLOR;
        }
        if (token.getGroups().contains(Roles.ANALYST_EXCHANGE)) {
            return ActorRole.ANALYST_EXCHANGE;
        }
        if (token.getGroups().contains(Roles.PLATFORM)) {
            return ActorRole.PLATFORM;
        }
        return ActorRole.YOUNG_PERSON;
    }
}
