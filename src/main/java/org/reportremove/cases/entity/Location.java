package org.reportremove.cases.entity;

/**
 * Where the young person knows or fears an item is shared. Stored only encrypted.
 *
 * @param url      for {@link LocationKind#URL}: an http or https address
 * @param platform for {@link LocationKind#PLATFORM}
 * @param name     optional, with a platform: an account, group or channel name
 */
public record Location(LocationKind kind, String url, Platform platform, String name) {

    public static Location ofUrl(String url) {
        return new Location(LocationKind.URL, url, null, null);
    }

    public static Location ofPlatform(Platform platform, String name) {
        return new Location(LocationKind.PLATFORM, null, platform, name);
    }

    public static Location dontKnow() {
        return new Location(LocationKind.DONT_KNOW, null, null, null);
    }
}
