package org.reportremove.signals.hashing;

/**
 * Layout of 8-bit pixels handed to {@link PdqHasher}: rows top to bottom, pixels left to right,
 * no padding between rows. Alpha, where present, is ignored: PDQ hashes the colour values under
 * it, as the reference tool does, so decode without premultiplying alpha.
 */
public enum PixelFormat {
    /** One byte per pixel, used directly as luminance. */
    GREY(1),
    /** Three bytes per pixel: red, green, blue. */
    RGB(3),
    /** Four bytes per pixel: red, green, blue, alpha (alpha ignored). */
    RGBA(4);

    private final int bytesPerPixel;

    PixelFormat(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }
}
