package org.reportremove.signals.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamDigesterTest {

    private final StreamDigester digester = new StreamDigester();

    private ContentDigests digest(String text) throws IOException {
        return digester.digest(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void knownVectors() throws IOException {
        ContentDigests empty = digest("");
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.sha256());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", empty.md5());
        assertEquals(0, empty.length());

        ContentDigests abc = digest("abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", abc.sha256());
        assertEquals("900150983cd24fb0d6963f7d28e17f72", abc.md5());

        ContentDigests millionA = digest("a".repeat(1_000_000));
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", millionA.sha256());
        assertEquals("7707d6ae4e027c70eea2a935c2296f21", millionA.md5());
    }

    @Test
    void aStreamLargerThanTwoGigabytesIsDigestedWithoutBeingHeldInMemory() throws IOException {
        // 2^31 + 4099 bytes, byte at position p being p mod 251, made as it is read. The
        // expected values were computed once with another implementation (Python's hashlib).
        long length = (1L << 31) + 4099;

        ContentDigests digests = digester.digest(new PatternStream(length));

        assertEquals(length, digests.length());
        assertEquals("36c08f167038fd1a624f01bf32bd153c77b95e171589246682591a8d0180a11d", digests.sha256());
        assertEquals("c3a619a92bf5c517cc955a92a55fb367", digests.md5());
    }

    @Test
    void aDigesterCanBeReused() throws IOException {
        digest("something else entirely");

        assertEquals("900150983cd24fb0d6963f7d28e17f72", digest("abc").md5());
    }

    /** Bytes p mod 251 for p = 0 .. length-1, generated on demand. */
    private static final class PatternStream extends InputStream {
        private final long length;
        private long position;

        PatternStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? (int) (position++ % 251) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            int value = (int) (position % 251);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) value;
                if (++value == 251) {
                    value = 0;
                }
            }
            position += n;
            return n;
        }
    }
}
