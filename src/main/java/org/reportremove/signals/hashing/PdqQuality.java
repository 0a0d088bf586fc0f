package org.reportremove.signals.hashing;

/**
 * PDQ's quality score: how much significant gradient the 64x64 downsample has. Each vertical and
 * horizontal neighbour difference is scaled to 0..100 and truncated to an integer, so that many
 * tiny differences count for nothing; the sum divided by 90 and capped at 100 is the score.
 * The constants and the float-then-truncate steps are the reference's heuristic.
 */
final class PdqQuality {

    private PdqQuality() {
    }

    static int of(float[] block64) {
        int gradientSum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                gradientSum += Math.abs(scaled(block64[i * 64 + j], block64[(i + 1) * 64 + j]));
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                gradientSum += Math.abs(scaled(block64[i * 64 + j], block64[i * 64 + j + 1]));
            }
        }
        return Math.min(gradientSum / 90, 100);
    }

    private static int scaled(float u, float v) {
        return (int) (((u - v) * 100) / 255);
    }
}
