package org.reportremove.platform.keys;

/** A key file that cannot be made, read or rotated as asked; the message names the file, never key material. */
final class KeysException extends Exception {

    KeysException(String message) {
        super(message);
    }
}
