package org.reportremove.signals.hashing;

/**
 * The SHA-256 and MD5 of one file's bytes, in lower-case hex, with its length. MD5 is weak as a
 * cryptographic hash but is still what several industry hash lists hold, so both are sent.
 * {@link #toString()} omits the values so they do not end up in logs by accident.
 */
public record ContentDigests(String sha256, String md5, long length) {

    public ContentDigests {
        sha256 = SignalValues.normaliseHex(sha256, SignalValues.SHA256_HEX_LENGTH, "SHA-256 value");
        md5 = SignalValues.normaliseHex(md5, SignalValues.MD5_HEX_LENGTH, "MD5 value");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
    }

    @Override
    public String toString() {
        return "ContentDigests[length=" + length + "]";
    }
}
