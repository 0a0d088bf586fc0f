package org.reportremove.signals.hashing.imageio;

import java.awt.image.Raster;
import org.reportremove.signals.hashing.PixelFormat;

/**
 * CMYK to RGB with the plain formula {@code R = 255 (1 - C)(1 - K)} and no ICC profile, which is
 * what the reference tool's decoder (ImageMagick) does when it writes a CMYK JPEG out as RGB.
 * JPEG files store CMYK inverted (Adobe convention), so a stored sample {@code s} is
 * {@code 1 - C}: {@code R = round(sC * sK / 255)}.
 */
final class CmykPixels {

    private CmykPixels() {
    }

    static DecodedPixels toRgb(Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        int[] c = new int[width];
        int[] m = new int[width];
        int[] yy = new int[width];
        int[] k = new int[width];
        int minX = raster.getMinX();
        int minY = raster.getMinY();
        for (int y = 0; y < height; y++) {
            raster.getSamples(minX, minY + y, width, 1, 0, c);
            raster.getSamples(minX, minY + y, width, 1, 1, m);
            raster.getSamples(minX, minY + y, width, 1, 2, yy);
            raster.getSamples(minX, minY + y, width, 1, 3, k);
            int o = y * width * 3;
            for (int x = 0; x < width; x++) {
                out[o++] = (byte) channel(c[x], k[x]);
                out[o++] = (byte) channel(m[x], k[x]);
                out[o++] = (byte) channel(yy[x], k[x]);
            }
        }
        return new DecodedPixels(out, width, height, PixelFormat.RGB);
    }

    private static int channel(int storedInk, int storedBlack) {
        return (storedInk * storedBlack + 127) / 255;
    }
}
