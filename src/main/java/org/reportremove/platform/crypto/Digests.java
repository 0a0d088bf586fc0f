package org.reportremove.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256 digests for storing high-entropy secrets (refresh tokens, recovery codes, assertion ids): such
 * secrets cannot be guessed, so a fast digest is enough to make the stored form useless to a reader.
 * Passphrases, which people choose, go through {@code Passphrases} (Argon2id) instead.
 */
public final class Digests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Digests() {
    }

    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A random secret of {@code bytes} bytes, base64url without padding. */
    public static String randomToken(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static SecureRandom random() {
        return RANDOM;
    }
}
