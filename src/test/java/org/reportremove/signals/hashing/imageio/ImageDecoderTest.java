package org.reportremove.signals.hashing.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.reportremove.signals.hashing.PixelFormat;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    private DecodedPixels roundTrip(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, format, bytes);
        return decoder.decode(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void greyImagesAreReadFromTheRasterWithoutGammaCorrection() throws IOException {
        BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 3, 2, 0, new int[] {0, 50, 100, 150, 200, 255});

        DecodedPixels pixels = roundTrip(grey, "png");

        assertEquals(PixelFormat.GREY, pixels.format());
        // getRGB would have turned 100 into 168 (linear grey to sRGB)
        assertArrayEquals(new byte[] {0, 50, 100, (byte) 150, (byte) 200, (byte) 255}, pixels.pixels());
    }

    @Test
    void alphaIsIgnoredAndTheColourUnderItKept() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00FF8040);
        image.setRGB(1, 0, 0x80102030);

        DecodedPixels pixels = roundTrip(image, "png");

        assertEquals(PixelFormat.RGB, pixels.format());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0x80, 0x40, 0x10, 0x20, 0x30}, pixels.pixels());
    }

    @Test
    void paletteImagesUseTheirPaletteColours() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED);
        image.setRGB(0, 0, 0xFFFF0000);
        image.setRGB(1, 0, 0xFF0000FF);

        DecodedPixels pixels = roundTrip(image, "gif");

        assertEquals(PixelFormat.RGB, pixels.format());
        assertArrayEquals(new byte[] {(byte) 0xFF, 0, 0, 0, 0, (byte) 0xFF}, pixels.pixels());
    }

    @Test
    void sixteenBitSamplesAreRoundedTo8Bits() {
        assertEquals(0, RasterSamples.to8Bits(0, 16));
        assertEquals(255, RasterSamples.to8Bits(65535, 16));
        assertEquals(128, RasterSamples.to8Bits(128 * 257, 16));
        assertEquals(255, RasterSamples.to8Bits(1, 1));
    }

    @Test
    void anImageOverTheSizeLimitIsRejectedBeforeItIsDecoded() throws IOException {
        // A 1-bit PNG of 20000 x 6000 pixels is small on disk but 120 megapixels decoded.
        BufferedImage huge = new BufferedImage(20000, 6000, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(huge, "png", bytes);

        UnreadableImageException e = assertThrows(UnreadableImageException.class,
                () -> decoder.decode(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals("image larger than 100000000 pixels", e.getMessage());
    }

    @Test
    void somethingThatIsNotAnImageIsRejected() {
        assertThrows(UnreadableImageException.class,
                () -> decoder.decode(new ByteArrayInputStream("plain text".getBytes(StandardCharsets.US_ASCII))));
    }
}
