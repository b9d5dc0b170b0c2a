package io.referralrules.server;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies within their limits: a body over the limit is a 413, also when it is sent in chunks. */
final class Bodies {
    private Bodies() {
    }

    /**
     * The whole body of a single request, at most {@code max} bytes: a declared length over it is refused before
     * reading, a chunked body as soon as it goes over.
     */
    static byte[] read(HttpServletRequest request, long max) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > max) {
            throw tooLarge(declared + " bytes", max, "max-body-bytes");
        }
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (body.length > max) {
            throw tooLarge(null, max, "max-body-bytes");
        }
        return body;
    }

    /**
     * The problem of a body over its limit.
     *
     * @param size the size the body declared ({@code "2000000 bytes"}), or {@code null} when it was sent in chunks and
     *             is only known to go over
     */
    static ProblemException tooLarge(String size, long max, String setting) {
        return new ProblemException(413, "Content Too Large", "the body is " + (size == null ? "" : size + ", ")
                + "more than the limit of " + max + " bytes (referral-rules." + setting + ")");
    }

    /**
     * A batch body that stops at {@code max} bytes: reading past it throws {@link OverLimit} (which the book reader
     * turns into its last, failed entry) and {@link #overLimit()} says so.
     */
    static final class Limited extends FilterInputStream {
        private final long max;
        private long read;
        private boolean overLimit;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        boolean overLimit() {
            return overLimit;
        }

        long max() {
            return max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (overLimit) {
                throw new OverLimit(max);
            }
            // read at most one byte past the limit: enough to know the body is longer
            int n = super.read(b, off, (int) Math.min(len, max - read + 1));
            if (n > 0) {
                read += n;
                if (read > max) {
                    overLimit = true;
                    throw new OverLimit(max);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
        }
    }

    /** A batch body longer than its limit. */
    static final class OverLimit extends IOException {
        private static final long serialVersionUID = 1L;

        OverLimit(long max) {
            super("the batch is more than " + max + " bytes (referral-rules.max-batch-bytes)");
        }
    }
}
