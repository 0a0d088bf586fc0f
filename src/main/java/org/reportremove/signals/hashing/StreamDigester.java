package org.reportremove.signals.hashing;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 and MD5 of a stream in one pass, reading it in fixed-size chunks so that videos of
 * several gigabytes never need to fit in memory.
 *
 * <p>An instance reuses its buffer and digests; it is not thread-safe (one per thread).
 */
public final class StreamDigester {

    private static final int BUFFER_SIZE = 1 << 16;

    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest md5 = digest("MD5");

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide both; Android does too.
            throw new IllegalStateException(algorithm + " is not available on this platform", e);
        }
    }

    /** Reads {@code in} to its end (without closing it) and returns its digests. */
    public ContentDigests digest(InputStream in) throws IOException {
        sha256.reset();
        md5.reset();
        long length = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            sha256.update(buffer, 0, read);
            md5.update(buffer, 0, read);
            length += read;
        }
        return new ContentDigests(SignalValues.toHex(sha256.digest()), SignalValues.toHex(md5.digest()), length);
    }
}
