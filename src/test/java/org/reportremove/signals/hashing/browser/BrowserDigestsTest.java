package org.reportremove.signals.hashing.browser;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The browser module's own SHA-256 and MD5 (the browser's Java runtime has no {@code MessageDigest}) give the JDK's
 * digests for every length around the block and padding edges, however the bytes are cut into slices.
 */
class BrowserDigestsTest {

    @Test
    void slicedDigestsEqualTheJdksForEveryLengthAroundTheBlockEdges() throws Exception {
        Random random = new Random(14);
        Sha256 sha256 = new Sha256();
        Md5 md5 = new Md5();
        for (int length : new int[]{0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 70_001}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            int offset = 0;
            while (offset < length) {
                int slice = Math.min(length - offset, 1 + random.nextInt(200));
                sha256.update(bytes, offset, slice);
                md5.update(bytes, offset, slice);
                offset += slice;
            }
            assertEquals(hex(MessageDigest.getInstance("SHA-256").digest(bytes)), hex(sha256.digest()),
                    "SHA-256 of " + length + " bytes");
            assertEquals(hex(MessageDigest.getInstance("MD5").digest(bytes)), hex(md5.digest()),
                    "MD5 of " + length + " bytes");
        }
    }

    @Test
    void knownVectors() {
        Sha256 sha256 = new Sha256();
        byte[] abc = {'a', 'b', 'c'};
        sha256.update(abc, 0, 3);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(sha256.digest()));
        Md5 md5 = new Md5();
        md5.update(abc, 0, 3);
        assertEquals("900150983cd24fb0d6963f7d28e17f72", hex(md5.digest()));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
