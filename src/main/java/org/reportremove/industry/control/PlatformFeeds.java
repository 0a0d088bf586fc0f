package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.industry.entity.FeedNotSubscribed;

import java.util.List;
import java.util.Set;

/**
 * Which lists of the feed each platform client is subscribed to
 * ({@code reportremove.industry.platform.<client id>.lists}): a platform sees the signals of those lists only, and
 * one subscribed to none is refused rather than shown an empty feed that it would take for "nothing to block". A
 * platform may also have hourly limits of its own (a large platform reads more often than a small one).
 */
@ApplicationScoped
public class PlatformFeeds {

    static final String PREFIX = "reportremove.industry.platform.";

    public Set<String> listsOf(String platform) {
        Config config = ConfigProvider.getConfig();
        List<String> lists = config.getOptionalValues(PREFIX + platform + ".lists", String.class).orElse(List.of());
        Set<String> subscribed = Set.copyOf(lists.stream().map(String::trim).filter(l -> !l.isEmpty()).toList());
        if (subscribed.isEmpty()) {
            throw new FeedNotSubscribed();
        }
        return subscribed;
    }

    /**
     * The platform's own hourly allowance of a kind of call ({@code reportremove.industry.platform.<client
     * id>.<limit>}, for example {@code snapshots-per-hour}), or {@code everyPlatform} when it has none.
     */
    public int perHour(String platform, String limit, int everyPlatform) {
        return ConfigProvider.getConfig().getOptionalValue(PREFIX + platform + "." + limit, Integer.class)
                .orElse(everyPlatform);
    }
}
