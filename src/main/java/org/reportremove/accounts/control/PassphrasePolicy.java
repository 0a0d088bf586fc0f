package org.reportremove.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.platform.validation.InvalidFields;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a passphrase must be: at least 10 characters, not one of the most common passwords (the public-domain
 * list compiled by the Openwall Project, shipped in {@code accounts/common-passwords.txt}), and not the
 * username. Long passphrases of ordinary words are encouraged over symbol rules.
 */
@ApplicationScoped
public class PassphrasePolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private Set<String> common;

    @PostConstruct
    void loadCommonPasswords() {
        common = new HashSet<>();
        try (InputStream in = PassphrasePolicy.class.getResourceAsStream("/accounts/common-passwords.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#!")).map(PassphrasePolicy::normalise)
                    .forEach(common::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws {@link InvalidFields} naming {@code field} when the passphrase breaks a rule. */
    public void check(String field, String passphrase, String username) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw InvalidFields.of(field, "is required");
        }
        int length = passphrase.codePointCount(0, passphrase.length());
        if (length < MIN_LENGTH) {
            throw InvalidFields.of(field, "must be at least " + MIN_LENGTH
                    + " characters: a few ordinary words together work well");
        }
        if (length > MAX_LENGTH) {
            throw InvalidFields.of(field, "must be at most " + MAX_LENGTH + " characters");
        }
        String normalised = normalise(passphrase);
        if (common.contains(normalised) || common.contains(normalised.replaceAll("[0-9!?.]+$", ""))) {
            throw InvalidFields.of(field,
                    "is one of the most common passwords, which are guessed first: choose another");
        }
        if (username != null && normalised.contains(normalise(username))) {
            throw InvalidFields.of(field, "must not contain the username");
        }
    }

    private static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
