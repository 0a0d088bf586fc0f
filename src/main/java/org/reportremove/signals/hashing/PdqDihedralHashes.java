package org.reportremove.signals.hashing;

/**
 * The PDQ hashes of an image and of its seven rotations and mirror images, all computed from
 * one DCT (the reference's trick: each variant only flips signs and transposes coefficients).
 * Names follow the reference tool's {@code --pdqdih} output order.
 */
public record PdqDihedralHashes(
        PdqHash original,
        PdqHash rotate90,
        PdqHash rotate180,
        PdqHash rotate270,
        PdqHash flipX,
        PdqHash flipY,
        PdqHash flipPlus1,
        PdqHash flipMinus1,
        int quality) {

    /** The eight hashes in the reference tool's order. */
    public PdqHash[] asArray() {
        return new PdqHash[] {original, rotate90, rotate180, rotate270, flipX, flipY, flipPlus1, flipMinus1};
    }
}
