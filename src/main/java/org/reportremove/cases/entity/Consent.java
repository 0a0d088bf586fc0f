package org.reportremove.cases.entity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether helpline counsellors may follow up, how, and which helpline partners. The details are stored encrypted;
 * the partners a case is given to are kept in the clear, because they decide what each helpline may see.
 *
 * <p>Only the canonical constructor: JSON-B binds a record through its one constructor when it reads the sealed
 * details back.
 *
 * @param partners the helpline partners (configured client ids) that may follow up; null means every helpline
 *                 partner, and is what a young person who names none has agreed to
 */
public record Consent(boolean followUp, ContactMethod contactBy, List<String> partners) {

    /** The stored form of "every helpline partner", so a partner configured later is covered as well. */
    public static final String EVERY_PARTNER = "*";

    public Consent {
        if (followUp && contactBy == null) {
            contactBy = ContactMethod.APP_MESSAGE;
        }
        if (!followUp) {
            contactBy = null;
            partners = null;
        }
        partners = partners == null ? null : List.copyOf(new LinkedHashSet<>(partners));
    }

    /** The partners as stored: none without follow-up, {@link #EVERY_PARTNER} when none was named. */
    public Set<String> storedPartners() {
        if (!followUp) {
            return Set.of();
        }
        return partners == null ? Set.of(EVERY_PARTNER) : Set.copyOf(partners);
    }
}
