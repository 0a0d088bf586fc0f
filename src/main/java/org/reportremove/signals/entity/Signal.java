package org.reportremove.signals.entity;

import org.reportremove.signals.hashing.SignalValues;

import java.util.Objects;

/**
 * One hash of an item: its type, its value in lower-case hex and, for PDQ only, its quality (0 to 100).
 * Construction validates everything, and no message repeats the value.
 */
public record Signal(SignalType type, String value, Integer quality) {

    /** PDQ quality below this makes a hash unreliable for matching (Meta's recommended threshold). */
    public static final int RELIABLE_PDQ_QUALITY = 50;

    /** PDQ hashes within this many differing bits are the same picture (the usual PDQ threshold). */
    public static final int PDQ_MATCH_DISTANCE = 31;

    public Signal {
        Objects.requireNonNull(type, "type");
        value = type.normalise(value);
        if (type == SignalType.PDQ) {
            if (quality == null) {
                throw new InvalidQualityException("is required for a PDQ signal: a number from 0 to 100");
            }
            if (quality < 0 || quality > 100) {
                throw new InvalidQualityException("must be from 0 to 100");
            }
        } else if (quality != null) {
            throw new InvalidQualityException("is only given for PDQ signals");
        }
    }

    public static Signal exact(SignalType type, String value) {
        return new Signal(type, value, null);
    }

    public static Signal pdq(String value, int quality) {
        return new Signal(SignalType.PDQ, value, quality);
    }

    /** A PDQ signal good enough to match on. */
    public boolean reliablePdq() {
        return type == SignalType.PDQ && quality >= RELIABLE_PDQ_QUALITY;
    }

    /** Whether {@code other}, a PDQ signal, shows the same picture as this one. */
    public boolean pdqMatches(String otherPdqValue) {
        return type == SignalType.PDQ && SignalValues.hammingDistance(value, otherPdqValue) <= PDQ_MATCH_DISTANCE;
    }

    /** The quality of a signal is what is wrong, not its value: the message is for the quality field. */
    public static final class InvalidQualityException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidQualityException(String message) {
            super(message);
        }
    }
}
