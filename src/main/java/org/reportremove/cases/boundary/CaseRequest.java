package org.reportremove.cases.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * A new case. Sizes (0 to 50 items, up to 20 locations, notes up to 2,000 characters) and the signal rules are
 * checked by {@code CaseRules}, which names each failing field by its JSON path. A case without items must name a
 * place or the {@code THREATENED} concern.
 *
 * @param concerns {@code THREATENED}, {@code AI_OR_ALTERED}, {@code KNOWS_WHO}, {@code AT_RISK}
 * @param language {@code en} (the default) or {@code cy}
 */
public record CaseRequest(
        @Valid List<ItemRequest> items,
        @Valid List<LocationRequest> locations,
        List<String> concerns,
        String notes,
        @NotNull(message = "is required") @Valid ConsentRequest consent,
        @Pattern(regexp = "en|cy", message = "must be one of en, cy") String language) {
}
