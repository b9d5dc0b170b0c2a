package io.referralrules.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a run of the command line reads and writes: standard input, standard output as bytes, standard error, whether
 * standard error is a terminal, and the JVM's shutdown hooks (for a clean stop on an interrupt). {@link #system()} for
 * {@code main}; tests give their own.
 *
 * @param in            standard input (an NDJSON book when the book is {@code -})
 * @param out           standard output; a failed write here fails the run
 * @param err           standard error: messages, the summary, the progress bar
 * @param hooks         where the run registers its interrupt hook, and how it halts
 * @param errIsTerminal whether {@code err} is a terminal (asked only when neither {@code --progress} nor
 *                      {@code --no-progress} is given): the progress bar shows when it is
 */
record Streams(InputStream in, OutputStream out, PrintStream err, Hooks hooks, BooleanSupplier errIsTerminal) {
    /** The check that says "not a terminal": the progress bar shows only when asked for. */
    static final BooleanSupplier NOT_A_TERMINAL = () -> false;

    Streams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(errIsTerminal, "errIsTerminal");
    }

    /** Streams whose standard error is not a terminal (memory, files). */
    Streams(InputStream in, OutputStream out, PrintStream err, Hooks hooks) {
        this(in, out, err, hooks, NOT_A_TERMINAL);
    }

    /** Registers shutdown hooks and halts the JVM; the JVM's own in {@link #RUNTIME}. */
    interface Hooks {
        void add(Thread hook);

        void remove(Thread hook);

        /** Ends the JVM at once with this status (called from a shutdown hook, after it has flushed and reported). */
        void halt(int status);
    }

    /** The JVM's shutdown hooks and {@link Runtime#halt}. */
    static final Hooks RUNTIME = new Hooks() {
        @Override
        public void add(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void remove(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook runs, and finds the run over
            }
        }

        @Override
        public void halt(int status) {
            Runtime.getRuntime().halt(status);
        }
    };

    /**
     * The process's own streams, for {@code main}: standard output is the file descriptor itself, so a failed write
     * (a full disk, a closed pipe) comes with the system's reason, which {@link System#out} would swallow; whether
     * standard error is a terminal is asked of the process's standard error itself ({@link Terminals#standardError()}).
     */
    static Streams system() {
        return new Streams(System.in, new FileOutputStream(FileDescriptor.out), System.err, RUNTIME, Terminals::standardError);
    }

    /**
     * {@link System#in}, {@link System#out} and {@link System#err} as they are now (for tests and embedding). A
     * {@link PrintStream} keeps its errors to itself; this one asks after every write and fails it, without the reason.
     * {@code System.err} may have been replaced by anything, so it does not count as a terminal: the progress bar shows
     * only with {@code --progress}.
     */
    static Streams current() {
        PrintStream out = System.out;
        OutputStream checked = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                check();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                check();
            }

            @Override
            public void flush() throws IOException {
                check();
            }

            private void check() throws IOException {
                if (out.checkError()) {
                    throw new IOException("the stream reports an error");
                }
            }
        };
        return new Streams(System.in, checked, System.err, RUNTIME);
    }
}
