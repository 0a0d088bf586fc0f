package org.reportremove.cases.boundary;

import jakarta.validation.constraints.NotNull;
import org.reportremove.cases.entity.LocationKind;
import org.reportremove.cases.entity.Platform;
import org.reportremove.platform.validation.OneOf;

/**
 * Where an item is or may be shared: {@code {"kind": "URL", "url": "https://…"}},
 * {@code {"kind": "PLATFORM", "platform": "SNAPCHAT", "name": "…"}} or {@code {"kind": "DONT_KNOW"}}.
 */
public record LocationRequest(
        @NotNull(message = "is required") @OneOf(LocationKind.class) String kind,
        String url,
        @OneOf(Platform.class) String platform,
        String name) {
}
