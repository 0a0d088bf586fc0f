package org.reportremove.platform.web;

/**
 * The audiences of the service, as roles carried in access tokens ({@code groups} claim).
 * Each audience has its own resources under its own path prefix.
 */
public final class Roles {

    public static final String YOUNG_PERSON = "young-person";
    public static final String COUNSELLOR = "counsellor";
    public static final String ANALYST_EXCHANGE = "analyst-exchange";
    public static final String OPERATOR = "operator";
    /** A participating platform reading the industry feed and sending back what it blocked and removed. */
    public static final String PLATFORM = "platform";

    private Roles() {
    }
}
