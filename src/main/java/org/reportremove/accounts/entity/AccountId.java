package org.reportremove.accounts.entity;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a young person's account: a random UUID, meaningless outside the service. It is the subject of the
 * young person's access tokens and the actor id of their audit rows; it is never shown to the analyst side.
 */
public record AccountId(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public AccountId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not an account id");
        }
    }

    public static AccountId generate() {
        return new AccountId(UUID.randomUUID().toString());
    }

    /** The account id a token's subject names, if it names one. */
    public static Optional<AccountId> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new AccountId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
