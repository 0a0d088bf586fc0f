package org.reportremove.signals.hashing.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** Copies raster samples into interleaved 8-bit arrays, without any colour conversion. */
final class RasterSamples {

    private RasterSamples() {
    }

    /** The first {@code bands} bands of each pixel, scaled to 8 bits, interleaved. */
    static byte[] bands(Raster raster, ColorModel colorModel, int bands) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), bands)];
        if (raster.getSampleModel() instanceof ComponentSampleModel model
                && raster.getDataBuffer() instanceof DataBufferByte data
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            copyBytes(model, data, width, height, bands, out);
            return out;
        }
        int[] row = new int[width];
        for (int b = 0; b < bands; b++) {
            int bits = colorModel.getComponentSize(b);
            for (int y = 0; y < height; y++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, b, row);
                int o = y * width * bands + b;
                for (int x = 0; x < width; x++, o += bands) {
                    out[o] = (byte) to8Bits(row[x], bits);
                }
            }
        }
        return out;
    }

    /** The usual case (8-bit JPEG, PNG, BMP): one pass over the bytes as stored. */
    private static void copyBytes(ComponentSampleModel model, DataBufferByte data, int width, int height,
                                  int bands, byte[] out) {
        byte[][] banks = data.getBankData();
        int[] bankOffsets = data.getOffsets();
        int[] bankIndices = model.getBankIndices();
        int[] bandOffsets = model.getBandOffsets();
        int pixelStride = model.getPixelStride();
        int scanlineStride = model.getScanlineStride();
        for (int b = 0; b < bands; b++) {
            byte[] bank = banks[bankIndices[b]];
            int start = bankOffsets[bankIndices[b]] + bandOffsets[b];
            for (int y = 0; y < height; y++) {
                int in = start + y * scanlineStride;
                int o = y * width * bands + b;
                for (int x = 0; x < width; x++, in += pixelStride, o += bands) {
                    out[o] = bank[in];
                }
            }
        }
    }

    /** Palette images: the palette's stored RGB values, no colour conversion. */
    static byte[] paletteToRgb(Raster raster, IndexColorModel palette) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int size = palette.getMapSize();
        byte[] reds = new byte[size];
        byte[] greens = new byte[size];
        byte[] blues = new byte[size];
        palette.getReds(reds);
        palette.getGreens(greens);
        palette.getBlues(blues);
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            int o = y * width * 3;
            for (int x = 0; x < width; x++) {
                int index = Math.min(row[x], size - 1);
                out[o++] = reds[index];
                out[o++] = greens[index];
                out[o++] = blues[index];
            }
        }
        return out;
    }

    /** Last resort for colour spaces we do not read directly. */
    static byte[] viaGetRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int o = y * width * 3;
            for (int x = 0; x < width; x++) {
                out[o++] = (byte) (row[x] >> 16);
                out[o++] = (byte) (row[x] >> 8);
                out[o++] = (byte) row[x];
            }
        }
        return out;
    }

    /**
     * Scales a sample of {@code bits} bits to 0..255 with rounding. 16-bit samples become
     * {@code round(v / 257)}. (The reference tool's decoder keeps only the low byte of 16-bit
     * samples, which is a defect we do not copy.)
     */
    static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample & 0xff;
        }
        int max = (1 << bits) - 1;
        return (int) ((sample * 255L + max / 2) / max);
    }
}
