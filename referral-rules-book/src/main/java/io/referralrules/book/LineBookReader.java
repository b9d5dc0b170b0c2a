package io.referralrules.book;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts an NDJSON book into its lines, as bytes: each line that is not blank is an entry ({@code book.ndjson:17}), with
 * a {@code \r} before its line end taken off. A line longer than the limit is counted as it is skipped, never kept, and
 * comes as an unreadable entry with its size.
 */
final class LineBookReader implements BookFile.EntryReader {
    private static final int EOF = ByteWindow.EOF;

    private final String name;
    private final ByteWindow in;
    private final long max;
    private long pos;
    private long line;
    private boolean done;
    private boolean readToEnd = true;

    LineBookReader(String name, InputStream stream, long max) throws IOException {
        this.name = name;
        this.in = new ByteWindow(stream, false);
        this.max = max;
        if (in.at(0) == 0xEF && in.at(1) == 0xBB && in.at(2) == 0xBF) {
            pos = 3;
        }
    }

    @Override
    public BookEntry next() throws IOException {
        while (!done) {
            long start = pos;
            in.keepFrom(start);
            if (in.at(start) == EOF) {
                done = true;
                return null;
            }
            line++;
            // room for the limit, a \r and one byte more, to tell a line over the limit
            long end = in.find('\n', start, start + max + 2);
            int c = in.at(end);
            if (c != '\n' && c != EOF) {
                return skipLongLine(start, end);
            }
            pos = c == EOF ? end : end + 1;
            long stop = end > start && in.at(end - 1) == '\r' ? end - 1 : end;
            if (blank(start, stop)) {
                continue;
            }
            String place = name + ":" + line;
            if (stop - start > max) {
                return BookEntry.unreadable(null, place, "is " + (stop - start) + " bytes, more than the maximum " + max);
            }
            return BookEntry.inFile(in.slice(start, stop), place, start);
        }
        return null;
    }

    /** A line over the limit: read on to its end, dropping what is read. */
    private BookEntry skipLongLine(long start, long from) throws IOException {
        long q = from;
        while (true) {
            in.keepFrom(q);
            long end = in.find('\n', q, q + (1 << 20));
            int c = in.at(end);
            if (c == '\n' || c == EOF) {
                pos = c == EOF ? end : end + 1;
                return BookEntry.unreadable(null, name + ":" + line, "is " + (end - start) + " bytes, more than the maximum " + max);
            }
            q = end;
        }
    }

    private boolean blank(long from, long to) throws IOException {
        for (long i = from; i < to; i++) {
            int c = in.at(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != 0x0B) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean readToEnd() {
        return readToEnd;
    }

    @Override
    public String here() {
        return name + ":" + Math.max(1, line);
    }

    @Override
    public void stop() {
        done = true;
        readToEnd = false;
    }
}
