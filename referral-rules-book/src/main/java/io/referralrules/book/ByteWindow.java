package io.referralrules.book;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A stream of bytes read through a window: any byte from the kept mark on can be looked at again (so a reader can look
 * ahead and come back), bytes before the mark are dropped, and the line of any kept byte can be asked. The window holds
 * only what lies between the mark and the furthest byte looked at, so memory is what the caller keeps, not the file.
 */
final class ByteWindow {
    static final int EOF = -1;
    private static final int READ = 1 << 16;

    private final InputStream in;
    private byte[] buf = new byte[READ];
    /** File offset of {@code buf[0]}. */
    private long base;
    /** Bytes held: {@code buf[0..end)}. */
    private int end;
    /** Bytes before this file offset may be dropped. */
    private long kept;
    private boolean eof;
    /** Newlines are counted up to this file offset, which is on line {@link #countedLine}. */
    private long counted;
    private long countedLine = 1;

    ByteWindow(InputStream in) {
        this.in = in;
    }

    /** The byte at a file offset (0-255), or {@link #EOF} past the end. The offset must not be before the mark. */
    int at(long offset) throws IOException {
        while (offset >= base + end) {
            if (!fill()) {
                return EOF;
            }
        }
        if (offset < base) {
            throw new IllegalStateException("byte " + offset + " is no longer held (window starts at " + base + ")");
        }
        return buf[(int) (offset - base)] & 0xFF;
    }

    /**
     * The offset of the first {@code target} byte in {@code [from, limit)}; if there is none, {@code limit} when the
     * data goes on to it, else the end of the data. Look at the byte there to tell which.
     */
    long find(int target, long from, long limit) throws IOException {
        long offset = from;
        while (offset < limit) {
            if (offset >= base + end && !fill()) {
                return base + end;
            }
            int i = (int) (offset - base);
            int stop = (int) Math.min(end, limit - base);
            while (i < stop) {
                if ((buf[i] & 0xFF) == target) {
                    return base + i;
                }
                i++;
            }
            offset = base + i;
        }
        return limit;
    }

    /** Bytes before {@code offset} are no longer needed. */
    void keepFrom(long offset) {
        if (offset > kept) {
            lineAt(offset);
            kept = Math.min(offset, base + end);
        }
    }

    /** A copy of the bytes {@code [from, to)}, all held. */
    byte[] slice(long from, long to) throws IOException {
        if (to <= from) {
            return new byte[0];
        }
        at(to - 1);
        int start = (int) (from - base);
        return Arrays.copyOfRange(buf, start, start + (int) (to - from));
    }

    /** The line (from 1) the byte at {@code offset} is on; the bytes from the mark to it must be held or just read. */
    long lineAt(long offset) {
        if (offset >= counted) {
            long stop = Math.min(offset, base + end);
            for (int i = (int) (counted - base); i < stop - base; i++) {
                if (buf[i] == '\n') {
                    countedLine++;
                }
            }
            counted = stop;
            return countedLine;
        }
        long line = countedLine;
        for (int i = (int) (offset - base); i < counted - base; i++) {
            if (buf[i] == '\n') {
                line--;
            }
        }
        return line;
    }

    /** Whether the data ends at {@code offset}. */
    boolean endsAt(long offset) throws IOException {
        return at(offset) == EOF;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int drop = (int) (Math.min(kept, counted) - base);
        if (end == buf.length && drop > 0) {
            System.arraycopy(buf, drop, buf, 0, end - drop);
            end -= drop;
            base += drop;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, end, Math.min(READ, buf.length - end));
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }
}
