package org.reportremove.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.reportremove.cases.entity.Location;
import org.reportremove.cases.entity.Platform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Platforms' own pages for reporting something, from the configuration
 * ({@code reportremove.progress.reporting-page.<PLATFORM>}): where the analysts could not act, a young person can
 * still report it on the platform they named.
 */
@ApplicationScoped
public class ReportingPages {

    static final String PREFIX = "reportremove.progress.reporting-page.";

    @Inject
    Config config;

    /** The configured page of each platform named among the locations, in the order they were named. */
    public Map<Platform, String> forPlatformsIn(Collection<Location> locations) {
        Map<Platform, String> pages = new LinkedHashMap<>();
        locations.stream().map(Location::platform).filter(Objects::nonNull).distinct()
                .forEach(platform -> pageOf(platform).ifPresent(page -> pages.put(platform, page)));
        return pages;
    }

    private Optional<String> pageOf(Platform platform) {
        return config.getOptionalValue(PREFIX + platform.name(), String.class).filter(page -> !page.isBlank());
    }
}
