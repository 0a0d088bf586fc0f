package org.reportremove.platform.problem;

import java.io.IOException;

/**
 * Raised while reading a request body that goes past the configured limit. An IOException, so that body
 * readers pass it up as a read failure; the mappers turn it into a 413.
 */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
    }
}
