package io.referralrules.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes whole pieces (lines, JSON documents with their separators) and nothing in between: pieces are gathered in a
 * buffer and handed on only whole, so what reaches the stream always ends at the end of a piece. On an interrupt,
 * {@link #interrupt()} writes out what is held, then the closing text (e.g. the {@code ]} of a JSON array), and takes
 * nothing more. Thread-safe: the run writes on one thread, the interrupt comes on another.
 */
final class LineSink {
    private static final int FLUSH_AT = 1 << 16;
    private static final byte[] NOTHING = new byte[0];

    private final OutputStream out;
    private final Noun unit;
    private byte[] buf = new byte[FLUSH_AT];
    private int size;
    private long pieces;
    private byte[] closing = NOTHING;
    private String closingNote = "";
    private boolean stopped;

    /**
     * @param unit what the counted pieces are, for messages ({@link Noun#ANSWER})
     */
    LineSink(OutputStream out, Noun unit) {
        this.out = out;
        this.unit = unit;
    }

    /** Writes a piece; {@code counted} pieces are the ones an interrupt message counts. Nothing once stopped. */
    synchronized void write(byte[] piece, boolean counted) throws IOException {
        if (stopped) {
            return;
        }
        if (size + piece.length > buf.length) {
            drain();
            if (piece.length > buf.length) {
                buf = Arrays.copyOf(buf, piece.length);
            }
        }
        System.arraycopy(piece, 0, buf, size, piece.length);
        size += piece.length;
        if (counted) {
            pieces++;
        }
        if (size >= FLUSH_AT) {
            drain();
        }
    }

    /** What an interrupt writes after the last whole piece, and how the message says it. */
    synchronized void closing(byte[] text, String note) {
        this.closing = text;
        this.closingNote = note;
    }

    synchronized void flush() throws IOException {
        if (!stopped) {
            drain();
            out.flush();
        }
    }

    /** Takes nothing more (the run failed; what is held is dropped). */
    synchronized void stop() {
        stopped = true;
        size = 0;
    }

    /** Writes out what is held and the closing text, then takes nothing more; the pieces written, or -1 if that failed. */
    synchronized long interrupt() {
        if (stopped) {
            return -1;
        }
        stopped = true;
        try {
            if (buf.length - size < closing.length) {
                buf = Arrays.copyOf(buf, size + closing.length);
            }
            System.arraycopy(closing, 0, buf, size, closing.length);
            size += closing.length;
            drain();
            out.flush();
            return pieces;
        } catch (IOException e) {
            return -1;
        }
    }

    Noun unit() {
        return unit;
    }

    /** " (the JSON array is closed)", or "". */
    synchronized String closingNote() {
        return closingNote.isEmpty() ? "" : " (" + closingNote + ")";
    }

    private void drain() throws IOException {
        if (size > 0) {
            int n = size;
            size = 0;
            out.write(buf, 0, n);
        }
    }
}
