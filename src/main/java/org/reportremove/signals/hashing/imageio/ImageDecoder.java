package org.reportremove.signals.hashing.imageio;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.reportremove.signals.hashing.PixelFormat;

/**
 * Decodes JPEG, PNG, GIF, BMP, WebP (and whatever else ImageIO can read) into 8-bit pixels for
 * the hashing core, the way the PDQ reference tool sees them:
 * <ul>
 *   <li>Samples are read from the raster as stored. No colour management: an embedded ICC profile
 *       is ignored, and grey images are not passed through {@code getRGB}, which would apply a
 *       gamma curve.</li>
 *   <li>Alpha is ignored: the colour values under it are used, not premultiplied.</li>
 *   <li>EXIF orientation is ignored (the hash of a rotated image is among the dihedral
 *       hashes).</li>
 *   <li>CMYK JPEGs get the plain CMYK to RGB formula, as the reference's decoder applies.</li>
 *   <li>Only the first frame of an animated image is used.</li>
 * </ul>
 * The reference tool's pre-resize of large images is done by the core, not here.
 *
 * <p>Reads only the given file: ImageIO's disk cache is switched off so that no copy of the
 * image is written to a temporary file. Stateless and thread-safe.
 */
public final class ImageDecoder {

    /**
     * Largest image decoded (100 megapixels, about 300 MB once decoded): a bigger file is far more
     * likely a decompression bomb than a photo, and would exhaust memory.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    static {
        ImageIO.setUseCache(false);
    }

    /** Decodes the image in {@code file}. */
    public DecodedPixels decode(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in);
        }
    }

    /** Decodes the image in {@code in}; the caller closes the stream. */
    public DecodedPixels decode(InputStream in) throws IOException {
        try (ImageInputStream images = ImageIO.createImageInputStream(in)) {
            if (images == null) {
                throw new UnreadableImageException("ImageIO cannot open this stream");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(images);
            if (!readers.hasNext()) {
                throw new UnreadableImageException("no decoder for this image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(images, true, true);
                return read(reader);
            } catch (RuntimeException e) {
                // Broken files make some decoders throw unchecked exceptions.
                throw new UnreadableImageException("the image could not be decoded", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private DecodedPixels read(ImageReader reader) throws IOException {
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
            throw new UnreadableImageException("image larger than " + MAX_PIXELS + " pixels");
        }
        if (isCmyk(reader) && reader.canReadRaster()) {
            // Read the raw CMYK samples: reading an image would colour-manage them.
            return CmykPixels.toRgb(reader.readRaster(0, null));
        }
        return fromImage(reader.read(0));
    }

    private static boolean isCmyk(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        return raw != null && raw.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK;
    }

    /** Pixels of an already decoded image, with the same conventions as {@link #decode(Path)}. */
    public DecodedPixels fromImage(BufferedImage image) {
        ColorModel colorModel = image.getColorModel();
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        if (colorModel instanceof IndexColorModel palette) {
            return new DecodedPixels(RasterSamples.paletteToRgb(raster, palette), width, height, PixelFormat.RGB);
        }
        int spaceType = colorModel.getColorSpace().getType();
        if (spaceType == ColorSpace.TYPE_GRAY) {
            return new DecodedPixels(RasterSamples.bands(raster, colorModel, 1), width, height, PixelFormat.GREY);
        }
        if (spaceType == ColorSpace.TYPE_RGB && raster.getNumBands() >= 3) {
            return new DecodedPixels(RasterSamples.bands(raster, colorModel, 3), width, height, PixelFormat.RGB);
        }
        if (spaceType == ColorSpace.TYPE_CMYK && raster.getNumBands() >= 4) {
            return CmykPixels.toRgb(raster);
        }
        // Anything else (YCbCr, Lab, ...): let Java convert to sRGB.
        return new DecodedPixels(RasterSamples.viaGetRgb(image), width, height, PixelFormat.RGB);
    }
}
