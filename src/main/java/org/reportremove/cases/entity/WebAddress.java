package org.reportremove.cases.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A place on the web where imagery is or may be shared: an http or https address of at most 2,048 characters that
 * names a host and holds no user name or password. The one home of that rule, for the places a young person names
 * and the places the analyst side acts at.
 */
public record WebAddress(String value) {

    public static final int MAX_LENGTH = 2048;

    /**
     * @throws InvalidWebAddress saying which part of the rule is broken, never repeating the address
     */
    public WebAddress {
        if (value == null) {
            throw new InvalidWebAddress("is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidWebAddress("must be at most 2,048 characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidWebAddress("must be an http or https address");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidWebAddress("must not hold a user name or password");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidWebAddress("must name a host, for example https://example.com/page");
            }
        } catch (URISyntaxException e) {
            throw new InvalidWebAddress("is not a valid address");
        }
    }

    /** What is wrong with an address, in words for the field that held it. */
    public static final class InvalidWebAddress extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidWebAddress(String message) {
            super(message);
        }
    }
}
