package org.reportremove.signals.hashing;

/**
 * A PDQ hash with its quality (0 to 100). Upstream advises discarding hashes of quality under 50
 * for matching: such images are too flat for their bits to mean much.
 */
public record PdqHashAndQuality(PdqHash hash, int quality) {

    /** Quality under which a hash is weak for matching (upstream's advice). */
    public static final int LOW_QUALITY_THRESHOLD = 50;

    public PdqHashAndQuality {
        if (hash == null) {
            throw new IllegalArgumentException("hash is required");
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be 0 to 100");
        }
    }

    public boolean isLowQuality() {
        return quality < LOW_QUALITY_THRESHOLD;
    }
}
