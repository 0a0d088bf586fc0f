package org.reportremove.accounts.entity;

import org.reportremove.platform.validation.InvalidFields;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A username: 3 to 32 letters, digits, '_' or '-', unique regardless of case. Nothing shaped like an email
 * address or a phone number: those would identify the young person, which a username must not.
 */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{3,32}");
    private static final Pattern EMAIL_LIKE = Pattern.compile(".*[@.].*|.*(?i)(gmail|hotmail|outlook|yahoo|icloud)(?:[_-]?com)?.*");
    private static final int PHONE_DIGITS = 7;

    public Username {
        if (value == null || value.isBlank()) {
            throw InvalidFields.of("username", "is required");
        }
        if (EMAIL_LIKE.matcher(value).matches()) {
            throw InvalidFields.of("username",
                    "must not look like an email address: choose a name that does not identify you");
        }
        if (value.chars().filter(Character::isDigit).count() >= PHONE_DIGITS) {
            throw InvalidFields.of("username",
                    "must not look like a phone number: choose a name that does not identify you");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw InvalidFields.of("username", "must be 3 to 32 letters, digits, '_' or '-'");
        }
    }

    /** The form that makes usernames unique regardless of case. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }
}
