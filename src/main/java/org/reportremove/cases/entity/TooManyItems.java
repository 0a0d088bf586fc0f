package org.reportremove.cases.entity;

import org.reportremove.platform.domain.DomainException;

/** A case holds at most {@link Case#MAX_ITEMS} items; these would make more. */
public class TooManyItems extends DomainException {

    private static final long serialVersionUID = 1L;

    private final int count;

    public TooManyItems(int count) {
        super("a case holds at most " + Case.MAX_ITEMS + " items and this would make " + count
                + ": start a new case for the rest");
        this.count = count;
    }

    public int count() {
        return count;
    }
}
