package org.reportremove.signals.hashing;

/**
 * Computes PDQ hashes from decoded 8-bit pixels, bit for bit as Meta's C++ reference tool
 * ({@code pdq-photo-hasher}) does for the same pixels.
 *
 * <p>Steps: luminance (with the reference tool's pre-resize of images over 512 pixels, see
 * {@link LumaSampler}), Jarosz blur, decimation to 64x64, the quality score from the 64x64
 * gradients, a 16x16 DCT, and one bit per coefficient above the median. Images with a side under
 * 5 pixels (after the pre-resize) give the all-zero hash with quality 0.
 *
 * <p><b>Reuse and threads:</b> an instance keeps its work buffers (up to about 2 MB for 512x512 and
 * larger images) so that hashing many images allocates nothing but the small result. It is
 * therefore <em>not</em> thread-safe: give each thread its own instance.
 */
public final class PdqHasher {

    private static final int MIN_HASHABLE_SIDE = 5;
    private static final int DOWNSAMPLED = 64;

    private float[] luma = new float[0];
    private float[] scratch = new float[0];
    private final float[] columnSums = new float[LumaSampler.PRE_RESIZE_LIMIT];
    private final float[] block64 = new float[DOWNSAMPLED * DOWNSAMPLED];
    private final float[] dctWork = new float[16 * DOWNSAMPLED];
    private final float[] dct16 = new float[256];
    private final float[] variant16 = new float[256];
    private final long[] bits = new long[4];

    /**
     * Hashes byte pixels (see {@link PixelFormat} for the layout).
     *
     * @throws IllegalArgumentException if the sizes are not positive or the array is too short
     */
    public PdqHashAndQuality hash(byte[] pixels, int width, int height, PixelFormat format) {
        checkBytes(pixels, width, height, format);
        if (tooSmall(width, height)) {
            return new PdqHashAndQuality(PdqHash.zero(), 0);
        }
        LumaSampler.fromBytes(pixels, width, height, format, lumaBuffer(width, height));
        int quality = transform(width, height);
        return new PdqHashAndQuality(hashOf(dct16), quality);
    }

    /**
     * Hashes packed {@code 0xAARRGGBB} pixels, as from Android's {@code Bitmap.getPixels} or
     * {@code BufferedImage.getRGB} (alpha ignored; decode without premultiplying it).
     *
     * @throws IllegalArgumentException if the sizes are not positive or the array is too short
     */
    public PdqHashAndQuality hashArgb(int[] argb, int width, int height) {
        checkInts(argb, width, height);
        if (tooSmall(width, height)) {
            return new PdqHashAndQuality(PdqHash.zero(), 0);
        }
        LumaSampler.fromArgb(argb, width, height, lumaBuffer(width, height));
        int quality = transform(width, height);
        return new PdqHashAndQuality(hashOf(dct16), quality);
    }

    /** The hash of the image and of its 7 rotations and mirror images, from byte pixels. */
    public PdqDihedralHashes dihedralHashes(byte[] pixels, int width, int height, PixelFormat format) {
        checkBytes(pixels, width, height, format);
        if (tooSmall(width, height)) {
            return allZero();
        }
        LumaSampler.fromBytes(pixels, width, height, format, lumaBuffer(width, height));
        return dihedral(transform(width, height));
    }

    /** The hash of the image and of its 7 rotations and mirror images, from packed ARGB pixels. */
    public PdqDihedralHashes dihedralHashesArgb(int[] argb, int width, int height) {
        checkInts(argb, width, height);
        if (tooSmall(width, height)) {
            return allZero();
        }
        LumaSampler.fromArgb(argb, width, height, lumaBuffer(width, height));
        return dihedral(transform(width, height));
    }

    private static boolean tooSmall(int width, int height) {
        return LumaSampler.sampledSize(width, height, width) < MIN_HASHABLE_SIDE
                || LumaSampler.sampledSize(width, height, height) < MIN_HASHABLE_SIDE;
    }

    private float[] lumaBuffer(int width, int height) {
        int size = LumaSampler.sampledSize(width, height, width) * LumaSampler.sampledSize(width, height, height);
        if (luma.length < size) {
            luma = new float[size];
            scratch = new float[size];
        }
        return luma;
    }

    /** Blur, decimate, quality and DCT of the luminance plane; leaves the DCT in {@code dct16}. */
    private int transform(int width, int height) {
        int rows = LumaSampler.sampledSize(width, height, height);
        int cols = LumaSampler.sampledSize(width, height, width);
        if (rows == DOWNSAMPLED && cols == DOWNSAMPLED) {
            // The reference takes a 64x64 image as already downsampled: no blur.
            System.arraycopy(luma, 0, block64, 0, DOWNSAMPLED * DOWNSAMPLED);
        } else {
            JaroszFilter.blur(luma, scratch, columnSums, rows, cols,
                    JaroszFilter.windowSize(cols, DOWNSAMPLED), JaroszFilter.windowSize(rows, DOWNSAMPLED));
            JaroszFilter.decimate(luma, rows, cols, block64, DOWNSAMPLED, DOWNSAMPLED);
        }
        int quality = PdqQuality.of(block64);
        Dct16.transform(block64, dctWork, dct16);
        return quality;
    }

    private PdqDihedralHashes dihedral(int quality) {
        PdqHash[] hashes = new PdqHash[8];
        Dct16.Variant[] variants = Dct16.Variant.values();
        for (int v = 0; v < 8; v++) {
            Dct16.variant(variants[v], dct16, variant16);
            hashes[v] = hashOf(variant16);
        }
        return new PdqDihedralHashes(hashes[0], hashes[1], hashes[2], hashes[3],
                hashes[4], hashes[5], hashes[6], hashes[7], quality);
    }

    /** One bit per coefficient: set when strictly above the median. */
    private PdqHash hashOf(float[] coefficients) {
        float median = TorbenMedian.median(coefficients, 256);
        bits[0] = 0;
        bits[1] = 0;
        bits[2] = 0;
        bits[3] = 0;
        for (int k = 0; k < 256; k++) {
            if (coefficients[k] > median) {
                bits[k >>> 6] |= 1L << (k & 63);
            }
        }
        return PdqHash.ofWords(bits);
    }

    private static PdqDihedralHashes allZero() {
        PdqHash zero = PdqHash.zero();
        return new PdqDihedralHashes(zero, zero, zero, zero, zero, zero, zero, zero, 0);
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image width and height must be positive");
        }
    }

    private static void checkBytes(byte[] pixels, int width, int height, PixelFormat format) {
        if (pixels == null || format == null) {
            throw new IllegalArgumentException("pixels and pixel format are required");
        }
        checkSize(width, height);
        if ((long) width * height * format.bytesPerPixel() > pixels.length) {
            throw new IllegalArgumentException("pixel array is shorter than width x height x "
                    + format.bytesPerPixel() + " bytes");
        }
    }

    private static void checkInts(int[] argb, int width, int height) {
        if (argb == null) {
            throw new IllegalArgumentException("pixels are required");
        }
        checkSize(width, height);
        if ((long) width * height > argb.length) {
            throw new IllegalArgumentException("pixel array is shorter than width x height");
        }
    }
}
