package org.reportremove.helpline.boundary;

import jakarta.validation.constraints.NotNull;

/**
 * A counsellor's note on a case: 1 to 2,000 characters, for the counsellors of the same helpline only.
 */
public record NoteRequest(@NotNull(message = "is required") String text) {
}
