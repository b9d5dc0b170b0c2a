package io.referralrules.book;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A stream of bytes read through a window: any byte from the kept mark on can be looked at again (so a reader can look
 * ahead and come back), bytes before the mark are dropped, and the line of any kept byte can be asked. The window holds
 * only what lies between the mark and the furthest byte looked at, so memory is what the caller keeps, not the file.
 * A reader that counts lines itself (NDJSON) makes the window without line counting, which saves a pass over the bytes.
 */
final class ByteWindow {
    static final int EOF = -1;
    private static final int READ = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    private final boolean countLines;
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

    /** A window that counts lines ({@link #lineAt}). */
    ByteWindow(InputStream in) {
        this(in, true);
    }

    /** A window that counts lines, or not (then {@link #lineAt} is not to be asked). */
    ByteWindow(InputStream in, boolean countLines) {
        this.in = in;
        this.countLines = countLines;
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
            // eight bytes at a time: the lowest byte of x that is zero is the first match (little-endian)
            long pattern = ONES * (target & 0xFF);
            while (i + 8 <= stop) {
                long x = (long) LONGS.get(buf, i) ^ pattern;
                long zero = (x - ONES) & ~x & HIGHS;
                if (zero != 0) {
                    return base + i + (Long.numberOfTrailingZeros(zero) >>> 3);
                }
                i += 8;
            }
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
            if (countLines) {
                lineAt(offset);
            }
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
        if (!countLines) {
            throw new IllegalStateException("this window does not count lines");
        }
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
        int drop = (int) ((countLines ? Math.min(kept, counted) : kept) - base);
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
