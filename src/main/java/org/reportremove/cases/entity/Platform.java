package org.reportremove.cases.entity;

/**
 * Places a young person can name without a URL. {@code OTHER} with a name covers the rest.
 */
public enum Platform {
    INSTAGRAM, SNAPCHAT, TIKTOK, WHATSAPP, TELEGRAM, DISCORD, FACEBOOK, X, REDDIT, YOUTUBE, ONLYFANS, ROBLOX,
    WEBSITE, OTHER
}
