package org.reportremove.industry.entity;

import org.reportremove.signals.entity.SignalType;

import java.util.Map;
import java.util.Optional;

/**
 * The names signal types have in the feed: those of the hasher-matcher-actioner (python-threatexchange's
 * {@code SignalType.get_name()}), so that platforms running it can load the feed as it is. Its MD5 type is named
 * {@code video_md5} though it digests any file's bytes; it has no SHA-256 type, so {@code sha256} is ours.
 */
public final class FeedSignalType {

    private static final Map<String, String> NAMES = Map.of("PDQ", "pdq", "MD5", "video_md5", "SHA256", "sha256",
            "VPDQ", "vpdq");

    private FeedSignalType() {
    }

    /** The feed's name for a type, or empty for a type the feed does not carry. */
    public static Optional<String> nameOf(SignalType type) {
        return Optional.ofNullable(NAMES.get(type.name()));
    }

    /** The feed's name for a type stored under our name. */
    public static String nameOf(String storedName) {
        String name = NAMES.get(storedName);
        if (name == null) {
            throw new IllegalArgumentException("no feed name for a signal type");
        }
        return name;
    }
}
