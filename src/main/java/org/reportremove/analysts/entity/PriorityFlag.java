package org.reportremove.analysts.entity;

import java.util.Set;

/**
 * What the analyst side learns of a case's concerns and of the young person's age assurance: flags that order
 * its work, never the details behind them.
 * <p>
 * Packages are leased in the order of their flags, most urgent first: an age that is only self-declared (no one has
 * confirmed it yet), then under 13, at risk, threatened, knows who, AI or altered, and last an item near a perceptual
 * hash of the bank of known signals ({@code KNOWN_NEAR_MATCH}: the package gives the item's distance; the young
 * person is never told). The first flag in that list on
 * which two packages differ decides; packages with the same flags go oldest first. Each flag has one bit of the
 * {@linkplain #rank rank}, the most urgent the highest, so ordering by rank is exactly that order.
 * <p>
 * {@link #DISPUTED_MATCH} stands alone on a platform's dispute of a shared signal and goes before everything: while
 * a false match stands, every platform using the list blocks someone's innocent upload.
 */
public enum PriorityFlag {
    THREATENED(8),
    AI_OR_ALTERED(2),
    KNOWS_WHO(4),
    AT_RISK(16),
    UNDER_13(32),
    SELF_DECLARED_AGE(64),
    KNOWN_NEAR_MATCH(1),
    /** A platform reports that a signal shared for blocking seems to match something else. */
    DISPUTED_MATCH(128);

    private final int bit;

    PriorityFlag(int bit) {
        this.bit = bit;
    }

    /** The leasing rank of a package with these flags: higher goes first; 0 for a package without flags. */
    public static int rank(Set<PriorityFlag> flags) {
        return flags.stream().mapToInt(flag -> flag.bit).sum();
    }
}
