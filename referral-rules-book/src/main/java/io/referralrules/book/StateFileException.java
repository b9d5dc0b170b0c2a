package io.referralrules.book;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * A state file ({@link BookState}) that cannot be used: not a state file, of another format, cut short or damaged. The
 * message names the file, what is wrong and the byte where it was found; it never quotes the file's contents.
 */
public final class StateFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int otherFormat;

    StateFileException(String message) {
        this(message, -1);
    }

    private StateFileException(String message, int otherFormat) {
        super(message);
        this.otherFormat = otherFormat;
    }

    /** A state file written in another format (by another version of the library). */
    static StateFileException ofFormat(String message, int format) {
        return new StateFileException(message, format);
    }

    /**
     * The format of a state file written by another version of the library (a well-formed state file this version does
     * not read); empty when the file is not a state file, is cut short or damaged. A host may treat such a file as no
     * state at all (every customer is assessed, and the next state is written in this version's format), as it treats
     * a state written under another {@linkplain BookState.Identity identity}.
     */
    public OptionalInt otherFormat() {
        return otherFormat < 0 ? OptionalInt.empty() : OptionalInt.of(otherFormat);
    }
}
