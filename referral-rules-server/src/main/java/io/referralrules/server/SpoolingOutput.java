package io.referralrules.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A batch's answer on its way to the client, so that answering never waits on a client that is not reading yet (one
 * that sends its whole body first, as Python's urllib or Java 17's {@code java.net.http} do) and memory stays flat.
 *
 * <p>The assessing thread hands each line to {@link #write}, which never blocks on the client: a writer thread of this
 * output's own copies the lines to the client's stream while the client reads. While the lines waiting for the client
 * fit in a bounded buffer in memory they wait there; once it is full, the lines that follow are appended to a temporary
 * file (the spool, created owner-only in the given folder), which the writer drains, in order, once it has caught up;
 * when the spool is drained it is emptied and lines wait in memory again. The lines reach the client exactly in the
 * order they were written. The spool is bounded: a line that would take it over its limit, or that cannot be written to
 * it (a full disk), is refused with {@link SpoolFull}; {@link #writeLast} then still adds the last line (the error that
 * ends the answer), which the writer sends after all the others.
 *
 * <p>{@link #finish()} waits until the client has been sent every line; {@link #close()} (always, also after a failure)
 * stops the writer and deletes the spool. A failure of the client's stream (the client gone) is thrown by the next
 * {@link #write} or by {@link #finish()}.
 */
final class SpoolingOutput implements AutoCloseable {
    /** The lines waiting for the client in memory, at most (one longer line may wait alone). */
    static final int MEMORY_BYTES = 2 << 20;
    /** The spool's file names: {@code referral-rules-batch-*.spool}. */
    static final String SPOOL_PREFIX = "referral-rules-batch-";
    static final String SPOOL_SUFFIX = ".spool";
    private static final int SPOOL_READ_BYTES = 64 << 10;
    private static final AtomicInteger WRITERS = new AtomicInteger();

    private final OutputStream out;
    private final Path directory;
    private final long maxSpoolBytes;
    private final int maxMemoryBytes;
    private final Thread writer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private final ArrayDeque<byte[]> memory = new ArrayDeque<>();
    private long memoryBytes;
    private boolean spooling;
    private Path spoolFile;
    private FileChannel spool;
    private long spoolWritten;
    private long spoolRead;
    private long spoolLargest;
    private byte[] last;
    private boolean finished;
    private boolean aborted;
    private boolean writerDone;
    private Throwable failure;
    /** Whether the writer sends nothing until the answer is finished (a client that sends everything before reading). */
    private final boolean held;

    /**
     * Starts the writer.
     *
     * @param out            the client's stream; only the writer thread writes to it until {@link #finish()} or
     *                       {@link #close()} returns
     * @param directory      where the spool is created when needed
     * @param maxSpoolBytes  the spool's largest size
     * @param maxMemoryBytes the lines waiting in memory, at most
     */
    SpoolingOutput(OutputStream out, Path directory, long maxSpoolBytes, int maxMemoryBytes) {
        this(out, directory, maxSpoolBytes, maxMemoryBytes, false);
    }

    /**
     * Starts the writer; with {@code held}, it sends nothing before {@link #finish()} or {@link #writeLast} (every line
     * waits in the bounded buffer, then in the spool), so a client that reads only once it has sent its whole body never
     * has a write of ours waiting on it, however long it takes to send.
     */
    SpoolingOutput(OutputStream out, Path directory, long maxSpoolBytes, int maxMemoryBytes, boolean held) {
        this.held = held;
        this.out = out;
        this.directory = directory;
        this.maxSpoolBytes = maxSpoolBytes;
        this.maxMemoryBytes = maxMemoryBytes;
        this.writer = new Thread(this::drain, "batch-writer-" + WRITERS.incrementAndGet());
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Adds a line after the others, without waiting on the client.
     *
     * @throws SpoolFull   the line does not fit in the spool: it is not added
     * @throws IOException the spool could not be written, or the client's stream failed (the client gone)
     */
    void write(byte[] line) throws IOException {
        add(line);
    }

    /**
     * Adds the answer's last line (an error line), which the writer sends after every other line; it is held in memory,
     * whatever the spool's limit or state. Nothing can be written after it.
     */
    void writeLast(byte[] line) throws IOException {
        lock.lock();
        try {
            checkOpen();
            last = line;
            finished = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() throws IOException {
        rethrowFailure();
        if (finished || aborted) {
            throw new IllegalStateException("the answer is finished");
        }
    }

    private void add(byte[] line) throws IOException {
        lock.lock();
        try {
            checkOpen();
            if (!spooling && (memory.isEmpty() || memoryBytes + line.length <= maxMemoryBytes)) {
                memory.add(line);
                memoryBytes += line.length;
            } else {
                if (spoolWritten + line.length > maxSpoolBytes) {
                    throw new SpoolFull(maxSpoolBytes);
                }
                spooling = true;
                try {
                    if (spool == null) {
                        spoolFile = Files.createTempFile(directory, SPOOL_PREFIX, SPOOL_SUFFIX);
                        spool = FileChannel.open(spoolFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    }
                    ByteBuffer bytes = ByteBuffer.wrap(line);
                    long at = spoolWritten;
                    while (bytes.hasRemaining()) {
                        at += spool.write(bytes, at);
                    }
                    spoolWritten = at;
                } catch (IOException e) {
                    // a part of the line may be in the spool, past spoolWritten: the writer never reads it
                    throw SpoolFull.unwritable(e);
                }
                spoolLargest = Math.max(spoolLargest, spoolWritten);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every line is sent to the client (not flushed); throws the client's stream's failure. */
    void finish() throws IOException {
        lock.lock();
        try {
            finished = true;
            changed.signalAll();
            while (!writerDone) {
                changed.await();
            }
            rethrowFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the answer was being sent");
        } finally {
            lock.unlock();
        }
    }

    /** The spool's largest size so far, in bytes (0: every line waited in memory). */
    long spoolLargest() {
        lock.lock();
        try {
            return spoolLargest;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the writer (after the line it is sending, if the answer is not finished) and deletes the spool. Waits for the
     * writer, so that the client's stream is the caller's again.
     */
    @Override
    public void close() throws IOException {
        boolean interrupted = false;
        lock.lock();
        try {
            if (!finished) {
                aborted = true;
                changed.signalAll();
            }
            while (!writerDone) {
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (spool != null) {
                try {
                    spool.close();
                } finally {
                    spool = null;
                    Files.deleteIfExists(spoolFile);
                }
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void rethrowFailure() throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException("the answer could not be sent", failure);
        }
    }

    /** The writer: memory first, then the spool, in order, until the answer is finished or aborted. */
    private void drain() {
        ByteBuffer buffer = ByteBuffer.allocate(SPOOL_READ_BYTES);
        try {
            while (true) {
                byte[] line = null;
                boolean end = false;
                long from = -1;
                int length = 0;
                lock.lock();
                try {
                    while (!aborted && !finished && (held || (memory.isEmpty() && spoolRead == spoolWritten))) {
                        changed.await();
                    }
                    if (aborted) {
                        return;
                    }
                    if (!memory.isEmpty()) {
                        line = memory.poll();
                    } else if (spoolRead < spoolWritten) {
                        from = spoolRead;
                        length = (int) Math.min(SPOOL_READ_BYTES, spoolWritten - spoolRead);
                    } else if (last != null) {
                        line = last;   // finished, everything else sent
                        end = true;
                    } else {
                        return;   // finished, everything sent
                    }
                } finally {
                    lock.unlock();
                }
                if (end) {
                    out.write(line);
                    return;
                } else if (line != null) {
                    out.write(line);
                    lock.lock();
                    try {
                        memoryBytes -= line.length;
                    } finally {
                        lock.unlock();
                    }
                } else {
                    // written before spoolWritten moved past it, and only the writer empties the spool
                    buffer.clear().limit(length);
                    long at = from;
                    while (buffer.hasRemaining()) {
                        int n = spool.read(buffer, at);
                        if (n < 0) {
                            throw new IOException("the batch's spool ended early");
                        }
                        at += n;
                    }
                    out.write(buffer.array(), 0, length);
                    lock.lock();
                    try {
                        spoolRead += length;
                        if (spoolRead == spoolWritten) {
                            // caught up: the spool is emptied and lines wait in memory again
                            spool.truncate(0);
                            spoolRead = 0;
                            spoolWritten = 0;
                            spooling = false;
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            lock.lock();
            try {
                failure = e;
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            lock.lock();
            try {
                failure = new InterruptedIOException("the batch's writer was interrupted");
            } finally {
                lock.unlock();
            }
        } finally {
            lock.lock();
            try {
                writerDone = true;
                memory.clear();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A line that would take the spool over its limit, or that could not be written to it. */
    static final class SpoolFull extends IOException {
        private static final long serialVersionUID = 1L;

        SpoolFull(long max) {
            super("the answers waiting for the client are more than " + max
                    + " bytes (referral-rules.max-batch-spool-bytes)");
        }

        private SpoolFull(String message, IOException cause) {
            super(message, cause);
        }

        /** The spool could not be made or written (the folder gone, the disk full). */
        static SpoolFull unwritable(IOException cause) {
            return new SpoolFull("the answers waiting for the client could not be written to the spool"
                    + " (referral-rules.batch-spool-directory)", cause);
        }
    }
}
