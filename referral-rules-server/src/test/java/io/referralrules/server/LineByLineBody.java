package io.referralrules.server;

import java.io.IOException;
import java.io.InputStream;

/** A request body made one line at a time, when the client asks for its bytes: one line held at a time. */
abstract class LineByLineBody extends InputStream {
    private byte[] line = new byte[0];
    private int at;

    /** The next line, with its line end; {@code null} at the end of the body. */
    protected abstract byte[] nextLine() throws IOException;

    private boolean fill() throws IOException {
        while (at == line.length) {
            byte[] next = nextLine();
            if (next == null) {
                return false;
            }
            line = next;
            at = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? line[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - at);
        System.arraycopy(line, at, b, off, n);
        at += n;
        return n;
    }
}
