package org.reportremove.accounts.control;

import org.reportremove.platform.crypto.Digests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: 16 characters from an alphabet without look-alikes (no I, L, O or U), shown in groups of
 * four. 80 random bits each, so a plain digest keeps the stored form useless.
 */
public final class RecoveryCodes {

    public static final int PER_ACCOUNT = 10;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 16;

    private RecoveryCodes() {
    }

    public static List<String> generate() {
        List<String> codes = new ArrayList<>(PER_ACCOUNT);
        for (int i = 0; i < PER_ACCOUNT; i++) {
            codes.add(one());
        }
        return codes;
    }

    /** One code, in the same form (a counsellor-assisted reset code is one too). */
    public static String one() {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int c = 0; c < LENGTH; c++) {
            if (c > 0 && c % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[Digests.random().nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The stored form of a code as typed: case, spaces and dashes do not matter. */
    public static String digest(String typed) {
        return digest("recovery-code:", typed);
    }

    /** The stored form of an assisted reset code: a digest of its own kind, so neither kind works as the other. */
    public static String resetDigest(String typed) {
        return digest("assisted-reset:", typed);
    }

    private static String digest(String kind, String typed) {
        String canonical = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return Digests.sha256Hex(kind + canonical);
    }
}
