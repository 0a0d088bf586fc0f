package org.reportremove.signals.hashing;

/**
 * The part of PDQ's 2-D DCT that the hash uses: coefficients 1..16 along each axis of the 64x64
 * downsample, as {@code B = D A D^T} with the 16x64 DCT-II matrix D. Only what is needed is
 * computed; the reference found this faster than a fast full transform, and summing in its exact
 * order (k = 0..63, no fused multiply-add) keeps our floats identical to its floats.
 *
 * <p>Also the dihedral variants: rotating or mirroring the image only negates odd-frequency
 * coefficients and/or transposes the 16x16 block.
 */
final class Dct16 {

    /** Row-major 16x64: {@code D[i][j] = sqrt(2/64) * cos(pi/128 * (i+1) * (2j+1))}. */
    private static final float[] MATRIX = buildMatrix();

    private Dct16() {
    }

    private static float[] buildMatrix() {
        float[] d = new float[16 * 64];
        // The reference keeps the scale factor as a float and the cosine as a double, multiplies
        // them in double and stores the product as float. StrictMath gives the same cosine on
        // every platform.
        float scale = (float) StrictMath.sqrt(2.0 / 64.0);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                double angle = (Math.PI / 2.0 / 64.0) * (double) (i + 1) * (double) (2 * j + 1);
                d[i * 64 + j] = (float) (scale * StrictMath.cos(angle));
            }
        }
        return d;
    }

    /**
     * @param a 64x64 row-major input
     * @param t 16x64 work space
     * @param b 16x16 row-major output
     */
    static void transform(float[] a, float[] t, float[] b) {
        // T = D A. Each T[i][j] still accumulates k = 0..63 in order, as in the reference; the
        // loop over j is innermost only so that rows of A are read contiguously.
        for (int i = 0; i < 16; i++) {
            int dRow = i * 64;
            int tRow = i * 64;
            java.util.Arrays.fill(t, tRow, tRow + 64, 0.0f);
            for (int k = 0; k < 64; k++) {
                float d = MATRIX[dRow + k];
                int aRow = k * 64;
                for (int j = 0; j < 64; j++) {
                    t[tRow + j] += d * a[aRow + j];
                }
            }
        }
        for (int i = 0; i < 16; i++) {
            int tRow = i * 64;
            for (int j = 0; j < 16; j++) {
                int dRow = j * 64;
                float sum = 0.0f;
                for (int k = 0; k < 64; k++) {
                    sum += t[tRow + k] * MATRIX[dRow + k];
                }
                b[i * 16 + j] = sum;
            }
        }
    }

    /** The image transformations, in the reference's order. */
    enum Variant {
        ORIGINAL, ROTATE_90, ROTATE_180, ROTATE_270, FLIP_X, FLIP_Y, FLIP_PLUS_1, FLIP_MINUS_1
    }

    /** Writes into {@code out} the 16x16 DCT block of the transformed image. */
    static void variant(Variant variant, float[] in, float[] out) {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = in[i * 16 + j];
                switch (variant) {
                    case ORIGINAL -> out[i * 16 + j] = v;
                    case ROTATE_90 -> out[j * 16 + i] = (j & 1) != 0 ? v : -v;
                    case ROTATE_180 -> out[i * 16 + j] = ((i + j) & 1) != 0 ? -v : v;
                    case ROTATE_270 -> out[j * 16 + i] = (i & 1) != 0 ? v : -v;
                    case FLIP_X -> out[i * 16 + j] = (i & 1) != 0 ? v : -v;
                    case FLIP_Y -> out[i * 16 + j] = (j & 1) != 0 ? v : -v;
                    case FLIP_PLUS_1 -> out[j * 16 + i] = v;
                    case FLIP_MINUS_1 -> out[j * 16 + i] = ((i + j) & 1) != 0 ? -v : v;
                    default -> throw new IllegalStateException();
                }
            }
        }
    }
}
