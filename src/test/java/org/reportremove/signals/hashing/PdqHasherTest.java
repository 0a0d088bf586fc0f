package org.reportremove.signals.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PdqHasherTest {

    private final PdqHasher hasher = new PdqHasher();

    /** A deterministic picture with some structure, as interleaved RGB. */
    private static byte[] pattern(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = (y * width + x) * 3;
                rgb[p] = (byte) (x * 255 / width);
                rgb[p + 1] = (byte) (((x / 7) ^ (y / 5)) * 37);
                rgb[p + 2] = (byte) (y * 255 / height);
            }
        }
        return rgb;
    }

    @ParameterizedTest
    @CsvSource({"1,1", "4,4", "4,100", "100,4", "1,512"})
    void imagesWithASideUnderFivePixelsGetTheZeroHashAndQualityZero(int width, int height) {
        PdqHashAndQuality result = hasher.hash(pattern(width, height), width, height, PixelFormat.RGB);

        assertEquals("0".repeat(64), result.hash().toHex());
        assertEquals(0, result.quality());
        PdqDihedralHashes dihedral = hasher.dihedralHashes(pattern(width, height), width, height, PixelFormat.RGB);
        for (PdqHash hash : dihedral.asArray()) {
            assertEquals(PdqHash.zero(), hash);
        }
        assertEquals(0, dihedral.quality());
    }

    @Test
    void aThinImageOver512PixelsIsStretchedTo512x512AndHashedAsTheReferenceDoes() {
        PdqHashAndQuality result = hasher.hash(pattern(1000, 4), 1000, 4, PixelFormat.RGB);

        assertNotEquals(PdqHash.zero(), result.hash());
    }

    @Test
    void fiveByFiveIsTheSmallestImageThatGetsAHash() {
        assertNotEquals(PdqHash.zero(), hasher.hash(pattern(5, 5), 5, 5, PixelFormat.RGB).hash());
    }

    @Test
    void packedArgbRgbaAndRgbGiveTheSameHashAndAlphaIsIgnored() {
        int width = 300;
        int height = 200;
        byte[] rgb = pattern(width, height);
        byte[] rgba = new byte[width * height * 4];
        int[] argb = new int[width * height];
        for (int i = 0; i < width * height; i++) {
            int alpha = i % 3 == 0 ? 0 : 128;
            rgba[4 * i] = rgb[3 * i];
            rgba[4 * i + 1] = rgb[3 * i + 1];
            rgba[4 * i + 2] = rgb[3 * i + 2];
            rgba[4 * i + 3] = (byte) alpha;
            argb[i] = alpha << 24 | (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
        }

        PdqHashAndQuality fromRgb = hasher.hash(rgb, width, height, PixelFormat.RGB);

        assertEquals(fromRgb, hasher.hash(rgba, width, height, PixelFormat.RGBA));
        assertEquals(fromRgb, hasher.hashArgb(argb, width, height));
        assertEquals(fromRgb.hash(), hasher.dihedralHashesArgb(argb, width, height).original());
    }

    @Test
    void anRgbImageWhosePixelsAreAllGreyHashesLikeTheSameGreyImage() {
        int width = 64 * 3;
        int height = 90;
        byte[] grey = new byte[width * height];
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) ((i * 7919) % 253);
            rgb[3 * i] = grey[i];
            rgb[3 * i + 1] = grey[i];
            rgb[3 * i + 2] = grey[i];
        }

        assertEquals(hasher.hash(grey, width, height, PixelFormat.GREY), hasher.hash(rgb, width, height, PixelFormat.RGB));
    }

    @Test
    void oneHasherGivesTheSameAnswerWhateverItHashedBefore() {
        byte[] large = pattern(4032, 3024);
        byte[] small = pattern(37, 23);
        PdqHashAndQuality first = new PdqHasher().hash(small, 37, 23, PixelFormat.RGB);

        hasher.hash(large, 4032, 3024, PixelFormat.RGB);

        assertEquals(first, hasher.hash(small, 37, 23, PixelFormat.RGB));
    }

    @Test
    void theDihedralOriginalIsThePlainHash() {
        byte[] rgb = pattern(200, 120);

        PdqDihedralHashes dihedral = hasher.dihedralHashes(rgb, 200, 120, PixelFormat.RGB);

        PdqHashAndQuality plain = hasher.hash(rgb, 200, 120, PixelFormat.RGB);
        assertEquals(plain.hash(), dihedral.original());
        assertEquals(plain.quality(), dihedral.quality());
    }

    @Test
    void rotatingThePixelsGivesAHashCloseToTheRotate90Variant() {
        int width = 200;
        int height = 120;
        byte[] rgb = pattern(width, height);
        // Turn the picture 90 degrees anticlockwise (the reference's "rotate 90"): new pixel
        // (x, y) is old pixel (width - 1 - y, x).
        byte[] turned = new byte[rgb.length];
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < height; x++) {
                System.arraycopy(rgb, (x * width + (width - 1 - y)) * 3, turned, (y * height + x) * 3, 3);
            }
        }

        PdqHash predicted = hasher.dihedralHashes(rgb, width, height, PixelFormat.RGB).rotate90();
        PdqHash actual = hasher.hash(turned, height, width, PixelFormat.RGB).hash();

        assertTrue(predicted.hammingDistance(actual) <= 31, "distance " + predicted.hammingDistance(actual));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> hasher.hash(new byte[10], 5, 5, PixelFormat.RGB));
        assertEquals("pixel array is shorter than width x height x 3 bytes", tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(new byte[10], 0, 5, PixelFormat.GREY));
        assertThrows(IllegalArgumentException.class, () -> hasher.hashArgb(new int[3], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(null, 2, 2, PixelFormat.GREY));
    }

    @Test
    void aFlatImageHasQualityZero() {
        byte[] grey = new byte[100 * 100];
        java.util.Arrays.fill(grey, (byte) 128);

        PdqHashAndQuality result = hasher.hash(grey, 100, 100, PixelFormat.GREY);

        assertEquals(0, result.quality());
        assertTrue(result.isLowQuality());
    }
}
