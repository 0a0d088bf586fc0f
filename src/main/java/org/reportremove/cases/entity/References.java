package org.reportremove.cases.entity;

import java.security.SecureRandom;

/**
 * Random references in Crockford's base 32 (no I, L, O or U, so nothing is misread and no words are spelled).
 */
final class References {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** The alphabet as a regular expression character class body. */
    static final String ALPHABET_CLASS = "0-9A-HJKMNP-TV-Z";
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    /** {@code prefix} then {@code groups} groups of four random characters, dash separated. */
    static String random(String prefix, int groups) {
        StringBuilder reference = new StringBuilder(prefix);
        for (int g = 0; g < groups; g++) {
            reference.append('-');
            for (int i = 0; i < 4; i++) {
                reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return reference.toString();
    }
}
