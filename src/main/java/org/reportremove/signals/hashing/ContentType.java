package org.reportremove.signals.hashing;

/** What an item is, in the words of the case API. */
public enum ContentType {
    PHOTO,
    VIDEO
}
