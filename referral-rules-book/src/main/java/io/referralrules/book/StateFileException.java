package io.referralrules.book;

import java.io.IOException;

/**
 * A state file ({@link BookState}) that cannot be used: not a state file, of another format, cut short or damaged. The
 * message names the file, what is wrong and the byte where it was found; it never quotes the file's contents.
 */
public final class StateFileException extends IOException {
    private static final long serialVersionUID = 1L;

    StateFileException(String message) {
        super(message);
    }
}
