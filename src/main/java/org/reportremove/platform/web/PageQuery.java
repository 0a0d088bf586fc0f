package org.reportremove.platform.web;

import org.reportremove.platform.problem.ProblemException;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code cursor} and {@code size} query parameters of the keyset-paged lists (a young person's inbox, a
 * helpline's cases): read the same way everywhere, so every list refuses the same bad values with the same problem.
 */
public final class PageQuery {

    /** Items on a page when the client does not say. */
    public static final int DEFAULT_SIZE = 20;
    /** Most items a client may ask for on one page. */
    public static final int MAX_SIZE = 100;
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,3}");

    private PageQuery() {
    }

    /**
     * The cursor a client sent back, read by {@code parse}; none for the first page.
     *
     * @throws ProblemException (400, field {@code cursor}) when it is not one this service gave out
     */
    public static <C> Optional<C> cursor(String cursor, Function<String, Optional<C>> parse) {
        if (cursor == null) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(cursor).orElseThrow(() -> ProblemException.invalidField("cursor",
                "must be the next value of a page this service gave you")));
    }

    /**
     * The page size a client asked for, {@link #DEFAULT_SIZE} when it did not.
     *
     * @throws ProblemException (400, field {@code size}) when it is not a whole number from 1 to {@link #MAX_SIZE}
     */
    public static int size(String size) {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        int value = SIZE.matcher(size).matches() ? Integer.parseInt(size) : -1;
        if (value < 1 || value > MAX_SIZE) {
            throw ProblemException.invalidField("size", "must be a whole number from 1 to " + MAX_SIZE);
        }
        return value;
    }
}
