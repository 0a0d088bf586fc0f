package org.reportremove.signals.boundary;

import org.reportremove.platform.validation.FieldError;
import org.reportremove.platform.validation.InvalidFields;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether an import shares its signals on the industry feed, from its query: checked before a byte of the body is
 * read, so a mistaken flag refuses the import rather than fill the bank without sharing (or share on a list the
 * operator did not mean).
 */
final class ImportSharing {

    /** As the analysts name hash lists. */
    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,64}");

    private ImportSharing() {
    }

    /** @return the list to share on, or null when the import shares nothing */
    static String listOf(String shareable, String list) {
        List<FieldError> errors = new ArrayList<>();
        boolean shares = "true".equals(shareable);
        if (shareable != null && !shares && !"false".equals(shareable)) {
            errors.add(new FieldError("shareable", "must be true or false"));
        }
        if (shares && (list == null || !LIST_NAME.matcher(list).matches())) {
            errors.add(new FieldError("list", "is required with shareable=true: the hash list's name (1 to 64"
                    + " letters, digits, spaces, '.', '_' or '-')"));
        }
        if (!shares && list != null) {
            errors.add(new FieldError("list", "is given only with shareable=true"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return shares ? list : null;
    }
}
