package org.reportremove.cases.boundary;

import jakarta.validation.constraints.NotNull;
import org.reportremove.cases.entity.ContactMethod;
import org.reportremove.platform.validation.OneOf;

/**
 * Whether a helpline counsellor may follow up, and how ({@code APP_MESSAGE} when not said).
 */
public record ConsentRequest(
        @NotNull(message = "is required: true if a counsellor may contact you, false if not") Boolean followUp,
        @OneOf(ContactMethod.class) String contactBy) {
}
