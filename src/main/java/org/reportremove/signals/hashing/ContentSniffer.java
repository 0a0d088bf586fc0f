package org.reportremove.signals.hashing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Tells photos from videos by the first bytes of a file (its "magic" numbers), never by its
 * name: files shared between phones and apps often carry a wrong or no extension.
 */
public final class ContentSniffer {

    /** Bytes to read from the start of a file; enough for every signature checked here. */
    public static final int HEAD_LENGTH = 512;

    /** ISO base media ("ftyp") brands that are still images (HEIF, HEIC, AVIF); other brands are video. */
    private static final Set<String> IMAGE_BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1", "avif");

    private ContentSniffer() {
    }

    /** The content type of a file starting with {@code head[0..length)}, if recognised. */
    public static Optional<ContentType> detect(byte[] head, int length) {
        if (startsWith(head, length, 0, 0xFF, 0xD8, 0xFF)                        // JPEG
                || startsWith(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                || startsWith(head, length, 0, 'G', 'I', 'F', '8')               // GIF87a, GIF89a
                || startsWith(head, length, 0, 'B', 'M')                          // BMP
                || startsWith(head, length, 0, 'I', 'I', 0x2A, 0x00)              // TIFF, little-endian
                || startsWith(head, length, 0, 'M', 'M', 0x00, 0x2A)              // TIFF, big-endian
                || riff(head, length, "WEBP")) {
            return Optional.of(ContentType.PHOTO);
        }
        if (startsWith(head, length, 4, 'f', 't', 'y', 'p')) {
            String brand = ascii(head, length, 8, 4);
            return Optional.of(IMAGE_BRANDS.contains(brand) ? ContentType.PHOTO : ContentType.VIDEO);
        }
        if (startsWith(head, length, 0, 0x1A, 0x45, 0xDF, 0xA3)                  // Matroska, WebM
                || riff(head, length, "AVI ")
                || startsWith(head, length, 0, 'F', 'L', 'V', 0x01)
                || startsWith(head, length, 0, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11) // ASF, WMV
                || startsWith(head, length, 0, 0x00, 0x00, 0x01, 0xBA)            // MPEG program stream
                || startsWith(head, length, 0, 0x00, 0x00, 0x01, 0xB3)            // MPEG video
                || quickTimeWithoutFtyp(head, length)
                || mpegTransportStream(head, length)) {
            return Optional.of(ContentType.VIDEO);
        }
        return Optional.empty();
    }

    private static boolean riff(byte[] head, int length, String form) {
        return startsWith(head, length, 0, 'R', 'I', 'F', 'F') && form.equals(ascii(head, length, 8, 4));
    }

    /** Old QuickTime files start with a movie atom instead of "ftyp". */
    private static boolean quickTimeWithoutFtyp(byte[] head, int length) {
        String atom = ascii(head, length, 4, 4);
        return atom.equals("moov") || atom.equals("mdat") || atom.equals("wide") || atom.equals("free")
                || atom.equals("pnot") || atom.equals("skip");
    }

    /** 188-byte packets, each starting with the sync byte 0x47. */
    private static boolean mpegTransportStream(byte[] head, int length) {
        return length > 2 * 188 && head[0] == 0x47 && head[188] == 0x47 && head[2 * 188] == 0x47;
    }

    private static boolean startsWith(byte[] head, int length, int offset, int... signature) {
        if (length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[offset + i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] head, int length, int offset, int count) {
        if (length < offset + count) {
            return "";
        }
        return new String(head, offset, count, StandardCharsets.ISO_8859_1);
    }
}
