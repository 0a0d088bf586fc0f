package org.reportremove.analysts.bridge;

/**
 * A failure the command reports in one line and exits on. Messages name files, ids and statuses, never content.
 */
class BridgeException extends Exception {

    private static final long serialVersionUID = 1L;

    BridgeException(String message) {
        super(message);
    }
}
