package org.reportremove.cases.boundary;

import jakarta.validation.constraints.NotNull;
import org.reportremove.cases.entity.ContactMethod;
import org.reportremove.platform.validation.OneOf;

import java.util.List;

/**
 * Whether helpline counsellors may follow up, how ({@code APP_MESSAGE} when not said), and which helpline partners
 * (every one when not said).
 *
 * @param partners ids of helpline partners, only with {@code followUp} true
 */
public record ConsentRequest(
        @NotNull(message = "is required: true if a counsellor may contact you, false if not") Boolean followUp,
        @OneOf(ContactMethod.class) String contactBy,
        List<String> partners) {
}
