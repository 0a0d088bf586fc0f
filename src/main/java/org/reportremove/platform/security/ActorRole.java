package org.reportremove.platform.security;

/**
 * Who acted. {@code SYSTEM} is the service itself (workers, schedules).
 */
public enum ActorRole {
    YOUNG_PERSON,
    COUNSELLOR,
    ANALYST_EXCHANGE,
    OPERATOR,
    PLATFORM,
    SYSTEM
}
