package org.reportremove.signals.hashing.imageio;

import org.reportremove.signals.hashing.PdqDihedralHashes;
import org.reportremove.signals.hashing.PdqHashAndQuality;
import org.reportremove.signals.hashing.PdqHasher;
import org.reportremove.signals.hashing.PixelFormat;

/** Decoded 8-bit pixels of one image, in the layout {@link PdqHasher} takes. */
public record DecodedPixels(byte[] pixels, int width, int height, PixelFormat format) {

    public PdqHashAndQuality pdq(PdqHasher hasher) {
        return hasher.hash(pixels, width, height, format);
    }

    public PdqDihedralHashes pdqDihedral(PdqHasher hasher) {
        return hasher.dihedralHashes(pixels, width, height, format);
    }
}
