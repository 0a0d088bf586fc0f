package org.reportremove.signals.entity;

import org.reportremove.signals.hashing.SignalValues;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of hash an item can carry, and everything that differs between kinds: the textual form of its values
 * (lower-case hex of a fixed length, as the on-device library prints them), the values that are degenerate (they
 * match far too much to mean anything), whether a value carries a quality, and how values are matched: exactly, or
 * within a Hamming distance. This is the one place a kind is described: adding a kind (vPDQ, say) means adding a
 * constant here, with its tests, and nothing that asks "is this PDQ?" anywhere else.
 *
 * <p>Stored and sent by {@link #name()}.
 */
public final class SignalType implements Comparable<SignalType> {

    /** Matched by value: the same file. */
    public static final SignalType SHA256 = new SignalType("SHA256", SignalValues.SHA256_HEX_LENGTH, 0, false,
            Set.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), 0);
    /** Matched by value: the same file. */
    public static final SignalType MD5 = new SignalType("MD5", SignalValues.MD5_HEX_LENGTH, 0, false,
            Set.of("d41d8cd98f00b204e9800998ecf8427e"), 1);
    /**
     * Perceptual hash of a photo: the same picture within 31 differing bits (the usual PDQ threshold), trusted for
     * matching at quality 50 or more (Meta's recommended threshold).
     */
    public static final SignalType PDQ = new SignalType("PDQ", SignalValues.PDQ_HEX_LENGTH, 31, true,
            Set.of("0".repeat(64), "f".repeat(64)), 2);

    private static final List<SignalType> ALL = List.of(SHA256, MD5, PDQ);
    /** A perceptual signal below this quality is unreliable for matching. */
    private static final int RELIABLE_QUALITY = 50;

    private final String name;
    private final int hexLength;
    private final int matchDistance;
    private final boolean perceptual;
    private final Set<String> degenerate;
    private final int order;

    private SignalType(String name, int hexLength, int matchDistance, boolean perceptual, Set<String> degenerate,
                       int order) {
        this.name = name;
        this.hexLength = hexLength;
        this.matchDistance = matchDistance;
        this.perceptual = perceptual;
        this.degenerate = degenerate;
        this.order = order;
    }

    /** Every kind, in a fixed order. */
    public static List<SignalType> all() {
        return ALL;
    }

    /** The kind of this name, exactly as written ({@code "SHA256"}). */
    public static Optional<SignalType> named(String name) {
        return ALL.stream().filter(type -> type.name.equals(name)).findFirst();
    }

    /** The names of every kind, for messages: {@code SHA256, MD5, PDQ}. */
    public static String names() {
        return String.join(", ", ALL.stream().map(SignalType::name).toList());
    }

    /** The exact kinds' names joined for a sentence: {@code SHA256 or MD5}. */
    public static String exactNames() {
        return String.join(" or ", ALL.stream().filter(SignalType::exact).map(SignalType::name).toList());
    }

    public String name() {
        return name;
    }

    /**
     * The value in its stored form (lower case).
     *
     * @throws IllegalArgumentException naming what is wrong, never repeating the value
     */
    public String normalise(String value) {
        String hex = SignalValues.normaliseHex(value, hexLength, "a " + name + " value");
        if (degenerate.contains(hex)) {
            throw new IllegalArgumentException(exact()
                    ? "is the " + name + " of an empty file, which matches nothing real: hash the file itself"
                    : "is the " + name + " of a blank or single-colour image, which would match far too much");
        }
        return hex;
    }

    /** Hex digits in a value (64 for SHA-256 and PDQ, 32 for MD5). */
    public int hexLength() {
        return hexLength;
    }

    /** SHA-256 and MD5 identify a file exactly; a perceptual kind matches by distance. */
    public boolean exact() {
        return !perceptual;
    }

    /** The most differing bits at which two values still match: 0 for an exact kind. */
    public int matchDistance() {
        return matchDistance;
    }

    /** Whether two stored values of this kind match. */
    public boolean matches(String value, String other) {
        return exact() ? value.equals(other) : SignalValues.hammingDistance(value, other) <= matchDistance;
    }

    /** Perceptual values carry a quality (0 to 100); exact ones never do. */
    public boolean carriesQuality() {
        return perceptual;
    }

    /** Whether a value of this quality may be matched on: always for an exact kind. */
    public boolean reliable(Integer quality) {
        return !perceptual || (quality != null && quality >= RELIABLE_QUALITY);
    }

    /** The quality below which a perceptual value is not matched on. */
    public int reliableQuality() {
        return RELIABLE_QUALITY;
    }

    /** The value as raw bytes (the stored value is hex), for compact storage and in-memory indexes. */
    public byte[] bytes(String value) {
        return HexFormat.of().parseHex(value);
    }

    /** A stored value back from its raw bytes. */
    public String fromBytes(byte[] bytes) {
        return normalise(HexFormat.of().formatHex(bytes));
    }

    @Override
    public int compareTo(SignalType other) {
        return Integer.compare(order, other.order);
    }

    @Override
    public String toString() {
        return name;
    }
}
