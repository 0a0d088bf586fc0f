package org.reportremove.signals.hashing.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reportremove.signals.hashing.ContentDigests;
import org.reportremove.signals.hashing.PdqHashAndQuality;
import org.reportremove.signals.hashing.PdqHasher;
import org.reportremove.signals.hashing.PixelFormat;
import org.reportremove.signals.hashing.StreamDigester;
import org.reportremove.signals.hashing.imageio.ImageDecoder;

/**
 * Time per PDQ hash for a 512x512 and a 4032x3024 (12 MP phone photo) image, from decoded pixels
 * and from JPEG bytes (decoding included), and time to digest 16 MiB with SHA-256, MD5 and both
 * (divide 16.78 MB by the time for MB/s). See docs/performance.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class HashingBenchmark {

    private static final int DIGEST_BYTES = 16 << 20;

    private final PdqHasher hasher = new PdqHasher();
    private final ImageDecoder decoder = new ImageDecoder();
    private final StreamDigester digester = new StreamDigester();

    private byte[] pixels512;
    private byte[] pixels12mp;
    private byte[] jpeg512;
    private byte[] jpeg12mp;
    private byte[] data;

    @Setup
    public void setUp() throws IOException {
        pixels512 = photoLike(512, 512);
        pixels12mp = photoLike(4032, 3024);
        jpeg512 = jpeg(pixels512, 512, 512);
        jpeg12mp = jpeg(pixels12mp, 4032, 3024);
        data = new byte[DIGEST_BYTES];
        new Random(7).nextBytes(data);
    }

    /** Smooth shapes plus some noise, so the blur, the DCT and the JPEG codec have real work. */
    private static byte[] photoLike(int width, int height) {
        Random random = new Random(42);
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                int p = (y * width + x) * 3;
                int noise = random.nextInt(16);
                rgb[p] = (byte) (128 + 100 * Math.sin(6 * u + 3 * v) + noise);
                rgb[p + 1] = (byte) (128 + 100 * Math.cos(9 * u * v) + noise);
                rgb[p + 2] = (byte) ((u + v) * 110 + noise);
            }
        }
        return rgb;
    }

    private static byte[] jpeg(byte[] rgb, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = (y * width + x) * 3;
                image.setRGB(x, y, (rgb[p] & 0xff) << 16 | (rgb[p + 1] & 0xff) << 8 | (rgb[p + 2] & 0xff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    @Benchmark
    public PdqHashAndQuality pdq512x512FromPixels() {
        return hasher.hash(pixels512, 512, 512, PixelFormat.RGB);
    }

    @Benchmark
    public PdqHashAndQuality pdq4032x3024FromPixels() {
        return hasher.hash(pixels12mp, 4032, 3024, PixelFormat.RGB);
    }

    @Benchmark
    public PdqHashAndQuality pdq512x512FromJpeg() throws IOException {
        return decoder.decode(new ByteArrayInputStream(jpeg512)).pdq(hasher);
    }

    @Benchmark
    public PdqHashAndQuality pdq4032x3024FromJpeg() throws IOException {
        return decoder.decode(new ByteArrayInputStream(jpeg12mp)).pdq(hasher);
    }

    @Benchmark
    public ContentDigests sha256AndMd5Of16MiB() throws IOException {
        return digester.digest(new ByteArrayInputStream(data));
    }

    @Benchmark
    public byte[] sha256Of16MiB() throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Benchmark
    public byte[] md5Of16MiB() throws Exception {
        return java.security.MessageDigest.getInstance("MD5").digest(data);
    }
}
