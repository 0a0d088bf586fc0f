package org.reportremove.signals.entity;

import org.reportremove.signals.hashing.SignalValues;

import java.util.Set;

/**
 * The kinds of hash an item can carry. Each knows the textual form of its values (lower-case hex of a fixed
 * length, through {@link SignalValues}, as the on-device library prints them) and which values are degenerate:
 * hashes that match far too much to mean anything (the digest of an empty file, a PDQ of a blank image).
 */
public enum SignalType {

    SHA256(SignalValues.SHA256_HEX_LENGTH, true,
            Set.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")),
    MD5(SignalValues.MD5_HEX_LENGTH, true, Set.of("d41d8cd98f00b204e9800998ecf8427e")),
    PDQ(SignalValues.PDQ_HEX_LENGTH, false, Set.of("0".repeat(64), "f".repeat(64)));

    private final int hexLength;
    private final boolean exact;
    private final Set<String> degenerate;

    SignalType(int hexLength, boolean exact, Set<String> degenerate) {
        this.hexLength = hexLength;
        this.exact = exact;
        this.degenerate = degenerate;
    }

    /**
     * The value in its stored form (lower case).
     *
     * @throws IllegalArgumentException naming what is wrong, never repeating the value
     */
    public String normalise(String value) {
        String hex = SignalValues.normaliseHex(value, hexLength, "a " + name() + " value");
        if (degenerate.contains(hex)) {
            throw new IllegalArgumentException(exact
                    ? "is the " + name() + " of an empty file, which matches nothing real: hash the file itself"
                    : "is the PDQ of a blank or single-colour image, which would match far too much");
        }
        return hex;
    }

    /** SHA-256 and MD5 identify a file exactly; PDQ is perceptual and matches by distance. */
    public boolean exact() {
        return exact;
    }
}
