package org.reportremove.signals.hashing;

/**
 * Turns 8-bit pixels into the float luminance plane that PDQ hashes, with the reference tool's
 * conventions:
 * <ul>
 *   <li>An image wider or taller than 512 is first resized to exactly 512x512 (aspect ratio not
 *       kept) by nearest-neighbour sampling, source index {@code floor(dst * size / 512)}. We
 *       only read the sampled pixels, so a 12-megapixel photo costs little more than 512x512.</li>
 *   <li>Colour pixels become {@code 0.299f*R + 0.587f*G + 0.114f*B} in float, summed in that
 *       order.</li>
 *   <li>If every pixel of the whole image is grey (R = G = B), the grey value is used as is: the
 *       reference decodes such images as one grey channel, and the weighted sum above is not
 *       always exactly the grey value in float.</li>
 * </ul>
 */
final class LumaSampler {

    /** Larger images are sampled down to this size first (the reference's DOWNSAMPLE_DIMS). */
    static final int PRE_RESIZE_LIMIT = 512;

    private static final float R_WEIGHT = 0.299f;
    private static final float G_WEIGHT = 0.587f;
    private static final float B_WEIGHT = 0.114f;

    private LumaSampler() {
    }

    /** Side length after the reference's pre-resize. */
    static int sampledSize(int width, int height, int side) {
        return width > PRE_RESIZE_LIMIT || height > PRE_RESIZE_LIMIT ? PRE_RESIZE_LIMIT : side;
    }

    private static int source(int dst, int size, int sampledSize) {
        return size == sampledSize ? dst : (int) (((long) dst * size) / sampledSize);
    }

    static void fromBytes(byte[] pixels, int width, int height, PixelFormat format, float[] luma) {
        int rows = sampledSize(width, height, height);
        int cols = sampledSize(width, height, width);
        int bpp = format.bytesPerPixel();
        boolean grey = format == PixelFormat.GREY || allGrey(pixels, width * height, bpp);
        for (int y = 0; y < rows; y++) {
            int rowStart = source(y, height, rows) * width;
            int out = y * cols;
            for (int x = 0; x < cols; x++) {
                int p = (rowStart + source(x, width, cols)) * bpp;
                if (grey) {
                    luma[out + x] = pixels[p] & 0xff;
                } else {
                    luma[out + x] = R_WEIGHT * (pixels[p] & 0xff) + G_WEIGHT * (pixels[p + 1] & 0xff)
                            + B_WEIGHT * (pixels[p + 2] & 0xff);
                }
            }
        }
    }

    static void fromArgb(int[] argb, int width, int height, float[] luma) {
        int rows = sampledSize(width, height, height);
        int cols = sampledSize(width, height, width);
        boolean grey = allGrey(argb, width * height);
        for (int y = 0; y < rows; y++) {
            int rowStart = source(y, height, rows) * width;
            int out = y * cols;
            for (int x = 0; x < cols; x++) {
                int p = argb[rowStart + source(x, width, cols)];
                int r = (p >> 16) & 0xff;
                if (grey) {
                    luma[out + x] = r;
                } else {
                    luma[out + x] = R_WEIGHT * r + G_WEIGHT * ((p >> 8) & 0xff) + B_WEIGHT * (p & 0xff);
                }
            }
        }
    }

    /** Stops at the first colour pixel, so colour photos pay almost nothing for this check. */
    private static boolean allGrey(byte[] pixels, int count, int bpp) {
        for (int i = 0, p = 0; i < count; i++, p += bpp) {
            byte r = pixels[p];
            if (pixels[p + 1] != r || pixels[p + 2] != r) {
                return false;
            }
        }
        return true;
    }

    private static boolean allGrey(int[] argb, int count) {
        for (int i = 0; i < count; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xff;
            if (((p >> 8) & 0xff) != r || (p & 0xff) != r) {
                return false;
            }
        }
        return true;
    }
}
