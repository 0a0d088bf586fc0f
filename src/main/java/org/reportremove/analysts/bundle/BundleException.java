package org.reportremove.analysts.bundle;

/**
 * A bundle that cannot be trusted or read. The message says why, in words an operator can act on; it never
 * holds the bundle's content.
 */
public class BundleException extends Exception {

    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }
}
