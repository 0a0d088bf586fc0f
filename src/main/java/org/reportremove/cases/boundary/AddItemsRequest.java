package org.reportremove.cases.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Items found after the case was submitted, under the same rules.
 */
public record AddItemsRequest(@NotNull(message = "is required: 1 to 50 items") @Valid List<ItemRequest> items) {
}
