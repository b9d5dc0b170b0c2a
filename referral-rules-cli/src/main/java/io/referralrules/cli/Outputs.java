package io.referralrules.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a run writes, all or clearly not at all:
 *
 * <ul>
 *   <li>a file ({@code --output}, a report card) is written to a temporary file beside it ({@code .NAME.RANDOM.tmp}) and
 *       moved into its place (atomically where the file system can) only when the run succeeds, so a failed or interrupted
 *       run leaves the previous file, or none; a device or pipe ({@code /dev/stdout}) is written in place;</li>
 *   <li>standard output gets whole lines only (see {@link LineSink}).</li>
 * </ul>
 *
 * A write that fails is a {@link WriteFailed} naming the file (or standard output) and the system's reason. While the
 * run goes on, a shutdown hook stands by for an interrupt (Ctrl-C, {@code kill}): it writes out the whole lines held for
 * standard output (closing a JSON array), removes the temporary files, says on standard error what is left, and halts
 * with exit code 2.
 */
final class Outputs implements AutoCloseable {
    private enum State { RUNNING, FINISHED, INTERRUPTED }

    private final Streams streams;
    private final List<Destination> destinations = new ArrayList<>();
    private final Thread hook;
    private State state = State.RUNNING;

    Outputs(Streams streams) {
        this.streams = streams;
        this.hook = new Thread(this::interrupted, "referral-rules-interrupt");
        streams.hooks().add(hook);
    }

    /** A write that failed: where, and the system's reason. */
    static final class WriteFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String where;

        WriteFailed(String where, IOException cause) {
            super("cannot write " + where + ": " + reason(cause), cause);
            this.where = where;
        }

        String where() {
            return where;
        }
    }

    /**
     * Where to write: {@code null} for standard output, else a file.
     *
     * @param unit what the written pieces are called in the interrupt message ({@link Noun#ANSWER})
     */
    synchronized Destination open(Path file, Noun unit) {
        Destination destination = file == null ? new Destination("to standard output", "standard output", null, streams.out(), unit)
                : Destination.file(file, unit);
        destinations.add(destination);
        return destination;
    }

    /**
     * A file moved into its place after every other one when the run succeeds (the state of an incremental run: kept only
     * once the answers it remembers are written).
     */
    synchronized Destination openLast(Path file, Noun unit) {
        Destination destination = Destination.file(file, unit);
        destination.last = true;
        destinations.add(destination);
        return destination;
    }

    /** Leaves a file as it was (its temporary file removed): the run goes on, but this file is not to be kept. */
    synchronized void discard(Destination destination) {
        destination.abandon();
    }

    /**
     * Moves every file written into its place and flushes standard output.
     *
     * @return {@code false} if the run was interrupted first (the interrupt has cleaned up)
     * @throws WriteFailed if a file cannot be written or moved into place; the files not moved yet are removed
     */
    synchronized boolean commit() {
        if (state != State.RUNNING) {
            return false;
        }
        for (Destination d : destinations) {
            if (!d.last) {
                d.commit();
            }
        }
        for (Destination d : destinations) {
            if (d.last) {
                d.commit();
            }
        }
        state = State.FINISHED;
        return true;
    }

    /** Removes what was not committed and stands the interrupt hook down. */
    @Override
    public void close() {
        synchronized (this) {
            if (state == State.RUNNING) {
                state = State.FINISHED;
            }
            for (Destination d : destinations) {
                d.abandon();
            }
        }
        streams.hooks().remove(hook);
    }

    /** The shutdown hook: whole lines out, temporary files away, a message, exit code 2. */
    private void interrupted() {
        List<String> left = new ArrayList<>();
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.INTERRUPTED;
            for (Destination d : destinations) {
                left.add(d.interrupt());
            }
        }
        streams.err().println("referral-rules: interrupted" + (left.isEmpty() ? ", nothing written yet" : "; " + String.join("; ", left)));
        streams.err().flush();
        streams.hooks().halt(Main.UNUSABLE);
    }

    /** The system's reason for a failed write, without a stack of class names. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return (f.getFile() == null ? "a file" : f.getFile()) + " is in the way (it is not a folder)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** One place written: standard output, a file (through a temporary file beside it), or a device written in place. */
    static final class Destination {
        private final String where;
        private final String name;
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream raw;
        private final LineSink sink;
        private final boolean existed;
        private boolean done;
        private boolean last;

        private Destination(String where, String name, Path temp, FileChannel channel, OutputStream raw, Path target,
                            boolean existed, Noun unit) {
            this.where = where;
            this.name = name;
            this.temp = temp;
            this.channel = channel;
            this.raw = raw;
            this.target = target;
            this.existed = existed;
            this.sink = new LineSink(raw, unit);
        }

        private Destination(String where, String name, Path target, OutputStream raw, Noun unit) {
            this(where, name, null, null, raw, target, false, unit);
        }

        static Destination file(Path file, Noun unit) {
            String name = file.toString();
            try {
                Path target = file.toAbsolutePath();
                if (Files.isSymbolicLink(target)) {
                    target = target.toRealPath();
                }
                boolean existed = Files.exists(target);
                if (existed && !Files.isRegularFile(target)) {
                    // a device, a pipe (or a folder, which fails here): written in place, nothing to move
                    return new Destination(name, name, target, Files.newOutputStream(target), unit);
                }
                Path folder = target.getParent();
                Files.createDirectories(folder);
                Path temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                        + ".tmp");
                FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                if (existed) {
                    samePermissions(target, temp);
                }
                return new Destination(name, name, temp, channel, Channels.newOutputStream(channel), target, existed, unit);
            } catch (IOException e) {
                throw new WriteFailed(name, e);
            }
        }

        private static void samePermissions(Path from, Path to) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from);
                Files.setPosixFilePermissions(to, permissions);
            } catch (IOException | UnsupportedOperationException e) {
                // not POSIX, or not allowed: the new file gets the default permissions
            }
        }

        /** Where the pieces go, whole. */
        LineSink sink() {
            return sink;
        }

        /** "to standard output" or the file as given, for messages. */
        String where() {
            return where;
        }

        private void commit() {
            if (done) {
                return;
            }
            try {
                sink.flush();
                if (channel != null) {
                    channel.force(true);
                    raw.close();
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } else if (target != null) {
                    raw.close();
                }
                done = true;
            } catch (IOException e) {
                abandon();
                throw new WriteFailed(where, e);
            }
        }

        /**
         * The run failed: a file is removed (its temporary file; the previous file stays); standard output gets the
         * whole pieces it holds and its closing text, so a JSON array there is still complete.
         */
        private void abandon() {
            if (done) {
                return;
            }
            done = true;
            if (target == null) {
                sink.interrupt();
                return;
            }
            sink.stop();
            try {
                if (target != null) {
                    raw.close();
                }
            } catch (IOException ignored) {
                // the run has failed already; the message says why
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // left behind: .NAME.RANDOM.tmp beside the file
                }
            }
        }

        /** "no answers", "the first answer, whole", "the first 2 answers, each whole". */
        static String whole(long written, Noun unit) {
            if (written == 0) {
                return "no " + unit.many();
            }
            return written == 1 ? "the first " + unit.one() + ", whole" : "the first " + unit.count(written) + ", each whole";
        }

        /** On an interrupt: whole lines out on standard output, a file left as it was; says which. */
        private String interrupt() {
            if (target == null) {
                long written = sink.interrupt();
                return written < 0 ? "standard output could not be written" : "standard output has " + whole(written, sink.unit())
                        + sink.closingNote();
            }
            abandon();
            if (channel == null) {
                return name + " has what was written before the interrupt";
            }
            return name + (existed ? " is left as it was" : " is not written");
        }
    }
}
