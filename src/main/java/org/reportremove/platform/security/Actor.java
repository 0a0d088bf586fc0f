package org.reportremove.platform.security;

import java.util.Objects;

/**
 * Who did something, as the audit trail names them: a role and a pseudonymous id (an account id, a partner
 * client's id with the acting counsellor, or the name of a part of the service itself).
 */
public record Actor(ActorRole role, String id) {

    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
    }

    /** The service itself: a worker, a schedule or a check that no person started. */
    public static Actor system(String part) {
        return new Actor(ActorRole.SYSTEM, part);
    }

    public static Actor youngPerson(String accountId) {
        return new Actor(ActorRole.YOUNG_PERSON, accountId);
    }
}
