package org.reportremove.cases.entity;

/**
 * The analyst side's reference for a case ({@code AR-} and 80 random bits). Generated independently of the case
 * reference, so neither can be derived from the other; the young person never sees it.
 */
public record AnalystReference(String value) {

    public static AnalystReference generate() {
        return new AnalystReference(References.random("AR", 4));
    }

    /** An item's reference on the analyst side, as unlinkable as the case's. */
    public static String generateForItem() {
        return References.random("AI", 4);
    }
}
