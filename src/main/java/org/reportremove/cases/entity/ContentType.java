package org.reportremove.cases.entity;

/**
 * What kind of item a young person reports.
 */
public enum ContentType {
    PHOTO,
    VIDEO
}
