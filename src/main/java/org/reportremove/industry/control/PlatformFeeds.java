package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.industry.entity.FeedNotSubscribed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which lists of the feed each platform client is subscribed to
 * ({@code reportremove.industry.platform.<client id>.lists}): a platform sees the signals of those lists only, and
 * one subscribed to none is refused rather than shown an empty feed that it would take for "nothing to block". A
 * platform may also have hourly limits of its own (a large platform reads more often than a small one).
 */
@ApplicationScoped
public class PlatformFeeds {

    static final String PREFIX = "reportremove.industry.platform.";
    static final String SUFFIX = ".lists";

    public Set<String> listsOf(String platform) {
        Set<String> subscribed = lists(ConfigProvider.getConfig(), platform);
        if (subscribed.isEmpty()) {
            throw new FeedNotSubscribed();
        }
        return subscribed;
    }

    /**
     * Every platform subscribed to at least one list, with its lists, in the order of their client ids: who is told
     * of a withdrawal, each of the signals of its own lists only.
     */
    public Map<String, Set<String>> subscriptions() {
        Config config = ConfigProvider.getConfig();
        Map<String, Set<String>> subscribed = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length()) {
                String platform = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
                Set<String> lists = lists(config, platform);
                if (!lists.isEmpty()) {
                    subscribed.put(platform, lists);
                }
            }
        }
        return new LinkedHashMap<>(subscribed);
    }

    private static Set<String> lists(Config config, String platform) {
        List<String> lists = config.getOptionalValues(PREFIX + platform + SUFFIX, String.class).orElse(List.of());
        return Set.copyOf(lists.stream().map(String::trim).filter(l -> !l.isEmpty()).toList());
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
