package org.reportremove.signals.hashing;

/**
 * The blur of PDQ's downsampling: Jarosz's two-pass box filter, a box along the rows then along
 * the columns, twice, which approximates a tent filter.
 *
 * <p>Every output must be the same float the reference computes, so each box keeps the
 * reference's running sum: add the entering sample, subtract the leaving one, divide by the
 * current window size (never multiply by a reciprocal). The column pass walks row by row with
 * one running sum per column; each column still sees exactly the reference's sequence of
 * operations, but memory is read in order, which is several times faster than striding.
 */
final class JaroszFilter {

    /** Two X-then-Y passes, as the reference uses for PDQ. */
    static final int PASSES = 2;

    private JaroszFilter() {
    }

    /**
     * Window size so that two passes cover about one output cell: ceil(old / (2 * new)), the
     * reference's rounding.
     */
    static int windowSize(int oldDimension, int newDimension) {
        return (oldDimension + 2 * newDimension - 1) / (2 * newDimension);
    }

    /**
     * Blurs {@code image} in place, using {@code scratch} (same size) and {@code columnSums}
     * (at least {@code cols} long) as work space.
     */
    static void blur(float[] image, float[] scratch, float[] columnSums, int rows, int cols,
                     int windowAlongRows, int windowAlongCols) {
        for (int pass = 0; pass < PASSES; pass++) {
            boxAlongRows(image, scratch, rows, cols, windowAlongRows);
            boxAlongCols(scratch, image, columnSums, rows, cols, windowAlongCols);
        }
    }

    private static void boxAlongRows(float[] in, float[] out, int rows, int cols, int window) {
        int half = (window + 2) / 2;
        int leadIn = half - 1;
        int growing = window - half + 1;
        int full = cols - window;
        int leadOut = half - 1;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int right = base;
            int left = base;
            int o = base;
            float sum = 0.0f;
            int size = 0;
            for (int i = 0; i < leadIn; i++) {
                sum += in[right++];
                size++;
            }
            for (int i = 0; i < growing; i++) {
                sum += in[right++];
                size++;
                out[o++] = sum / size;
            }
            for (int i = 0; i < full; i++) {
                sum += in[right++];
                sum -= in[left++];
                out[o++] = sum / size;
            }
            for (int i = 0; i < leadOut; i++) {
                sum -= in[left++];
                size--;
                out[o++] = sum / size;
            }
        }
    }

    private static void boxAlongCols(float[] in, float[] out, float[] sums, int rows, int cols, int window) {
        int half = (window + 2) / 2;
        int leadIn = half - 1;
        int growing = window - half + 1;
        int full = rows - window;
        int leadOut = half - 1;
        java.util.Arrays.fill(sums, 0, cols, 0.0f);
        int right = 0;
        int left = 0;
        int o = 0;
        int size = 0;
        for (int i = 0; i < leadIn; i++, right += cols) {
            for (int c = 0; c < cols; c++) {
                sums[c] += in[right + c];
            }
            size++;
        }
        for (int i = 0; i < growing; i++, right += cols, o += cols) {
            size++;
            for (int c = 0; c < cols; c++) {
                float s = sums[c] + in[right + c];
                sums[c] = s;
                out[o + c] = s / size;
            }
        }
        for (int i = 0; i < full; i++, right += cols, left += cols, o += cols) {
            for (int c = 0; c < cols; c++) {
                float s = sums[c] + in[right + c];
                s -= in[left + c];
                sums[c] = s;
                out[o + c] = s / size;
            }
        }
        for (int i = 0; i < leadOut; i++, left += cols, o += cols) {
            size--;
            for (int c = 0; c < cols; c++) {
                float s = sums[c] - in[left + c];
                sums[c] = s;
                out[o + c] = s / size;
            }
        }
    }

    /**
     * Picks one sample per output cell, at the cell's centre: input index
     * {@code (int) ((out + 0.5) * inSize / outSize)}, computed in double as the reference does.
     */
    static void decimate(float[] in, int inRows, int inCols, float[] out, int outRows, int outCols) {
        for (int oi = 0; oi < outRows; oi++) {
            int ii = (int) (((oi + 0.5) * inRows) / outRows);
            for (int oj = 0; oj < outCols; oj++) {
                int ij = (int) (((oj + 0.5) * inCols) / outCols);
                out[oi * outCols + oj] = in[ii * inCols + ij];
            }
        }
    }
}
