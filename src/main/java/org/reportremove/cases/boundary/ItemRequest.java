package org.reportremove.cases.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.reportremove.cases.entity.ContentType;
import org.reportremove.platform.validation.OneOf;

import java.util.List;

/**
 * One image or video: its kind and its signals (at least one SHA256 or MD5; photos should also carry PDQ).
 */
public record ItemRequest(
        @NotNull(message = "is required") @OneOf(ContentType.class) String contentType,
        @NotNull(message = "is required") @Valid List<SignalRequest> signals) {
}
