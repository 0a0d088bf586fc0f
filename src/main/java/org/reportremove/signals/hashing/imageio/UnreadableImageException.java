package org.reportremove.signals.hashing.imageio;

import java.io.IOException;

/** The file is not an image that ImageIO (with the TwelveMonkeys plugins) can decode. */
public class UnreadableImageException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnreadableImageException(String message) {
        super(message);
    }

    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
