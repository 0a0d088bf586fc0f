package org.reportremove.signals.hashing;

/**
 * Median of the 256 DCT coefficients by Torben Mogensen's method, as the reference computes it.
 * It needs no copy or sort of the input, and returns the same value the reference returns even
 * when coefficients tie, which a sort-based median might not (and a different threshold flips
 * bits).
 */
final class TorbenMedian {

    private TorbenMedian() {
    }

    static float median(float[] values, int n) {
        int half = (n + 1) / 2;
        float min = values[0];
        float max = values[0];
        for (int i = 1; i < n; i++) {
            float v = values[i];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        int less;
        int greater;
        int equal;
        float guess;
        float maxBelow;
        float minAbove;
        while (true) {
            guess = (min + max) / 2;
            less = 0;
            greater = 0;
            equal = 0;
            maxBelow = min;
            minAbove = max;
            for (int i = 0; i < n; i++) {
                float v = values[i];
                if (v < guess) {
                    less++;
                    if (v > maxBelow) {
                        maxBelow = v;
                    }
                } else if (v > guess) {
                    greater++;
                    if (v < minAbove) {
                        minAbove = v;
                    }
                } else {
                    equal++;
                }
            }
            if (less <= half && greater <= half) {
                break;
            } else if (less > greater) {
                max = maxBelow;
            } else {
                min = minAbove;
            }
        }
        if (less >= half) {
            return maxBelow;
        } else if (less + equal >= half) {
            return guess;
        }
        return minAbove;
    }
}
