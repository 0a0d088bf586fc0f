package org.reportremove.cases.entity;

/**
 * How a counsellor may follow up, when the young person agrees to it.
 */
public enum ContactMethod {
    /** A message in the app's inbox. */
    APP_MESSAGE,
    /** A live chat the young person joins from the app. */
    CHAT
}
