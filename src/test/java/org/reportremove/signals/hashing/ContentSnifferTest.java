package org.reportremove.signals.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    private static Optional<ContentType> detect(int... bytes) {
        byte[] head = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            head[i] = (byte) bytes[i];
        }
        return ContentSniffer.detect(head, head.length);
    }

    private static Optional<ContentType> detect(String ascii) {
        byte[] head = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return ContentSniffer.detect(head, head.length);
    }

    private static Optional<ContentType> isoMedia(String brand) {
        return detect("\0\0\0\u0018ftyp" + brand + "\0\0\0\0");
    }

    @Test
    void photosAreRecognisedByTheirSignature() {
        Optional<ContentType> photo = Optional.of(ContentType.PHOTO);
        assertEquals(photo, detect(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10));
        assertEquals(photo, detect(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0));
        assertEquals(photo, detect("GIF89a...."));
        assertEquals(photo, detect("BM6\0\0\0"));
        assertEquals(photo, detect("RIFF\u0010\0\0\0WEBPVP8 "));
        assertEquals(photo, detect("II*\0\u0008\0"));
        assertEquals(photo, isoMedia("heic"));
        assertEquals(photo, isoMedia("avif"));
    }

    @Test
    void videosAreRecognisedByTheirSignature() {
        Optional<ContentType> video = Optional.of(ContentType.VIDEO);
        assertEquals(video, isoMedia("isom"));
        assertEquals(video, isoMedia("mp42"));
        assertEquals(video, isoMedia("qt  "));
        assertEquals(video, isoMedia("3gp4"));
        assertEquals(video, detect(0x1A, 0x45, 0xDF, 0xA3, 0x9F));
        assertEquals(video, detect("RIFF\u0010\0\0\0AVI LIST"));
        assertEquals(video, detect("\0\0\u0010\0moov...."));
    }

    @Test
    void otherContentAndShortFilesAreNotRecognised() {
        assertEquals(Optional.empty(), detect("hello, this is text"));
        assertEquals(Optional.empty(), detect("%PDF-1.7"));
        assertEquals(Optional.empty(), detect(0xFF, 0xD8));
        assertEquals(Optional.empty(), detect());
        assertEquals(Optional.empty(), detect("RIFF\u0010\0\0\0WAVEfmt "));
    }
}
