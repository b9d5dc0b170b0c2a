package io.referralrules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.book.SampleBook;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Output is all or clearly not: a failed write is exit code 2 naming the file (or standard output) and the reason;
 * {@code --output} is written beside its file and moved into place at the end, so a failed or interrupted run leaves the
 * previous file; an interrupt leaves whole lines (and a closed JSON array) on standard output and says so.
 */
class CliOutputTest {
    private static final String SAMPLE = CliTest.SAMPLE.toString();
    @RegisterExtension
    final StandardStreams streams = StandardStreams.errorCaptured();

    @TempDir
    Path dir;

    private String err() {
        return streams.err();
    }

    /** Hooks that are only recorded: the test runs the interrupt itself, and nothing halts. */
    private static final class RecordedHooks implements Streams.Hooks {
        final List<Thread> added = new ArrayList<>();
        final List<Thread> removed = new ArrayList<>();
        final List<Integer> halted = new ArrayList<>();

        @Override
        public synchronized void add(Thread hook) {
            added.add(hook);
        }

        @Override
        public synchronized void remove(Thread hook) {
            removed.add(hook);
        }

        @Override
        public synchronized void halt(int status) {
            halted.add(status);
        }
    }

    private Streams streams(InputStream in, OutputStream out, RecordedHooks hooks) {
        return new Streams(in, out, streams.errStream(), hooks);
    }

    /** A device that is always full. */
    private static OutputStream full() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
    }

    @Test
    void aFailedWriteOnStandardOutputIsExitTwoWithTheReasonNotOk() {
        int code = Main.run(streams(InputStream.nullInputStream(), full(), new RecordedHooks()), "assess", SAMPLE, "--as-of", "2026-06-15");

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("referral-rules: cannot write to standard output: No space left on device").doesNotContain(" ok,");
    }

    @Test
    void aStandardOutputThatSwallowsErrorsStillFailsTheRun() {
        System.setOut(new PrintStream(full(), true));

        int code = Main.run("assess", SAMPLE, "--as-of", "2026-06-15", "--format", "ndjson");

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("referral-rules: cannot write to standard output").doesNotContain(" ok,");
    }

    @Test
    void aClosedPipeIsExitTwo() throws IOException {
        PipedInputStream reader = new PipedInputStream();
        PipedOutputStream pipe = new PipedOutputStream(reader);
        reader.close();

        int code = Main.run(streams(InputStream.nullInputStream(), pipe, new RecordedHooks()), "assess", SAMPLE, "--as-of", "2026-06-15");

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("referral-rules: cannot write to standard output: Pipe closed");
    }

    @Test
    void devFullAsStandardOutputOrAsTheOutputFileIsExitTwo() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "/dev/full (Linux)");

        try (OutputStream devFull = new FileOutputStream("/dev/full")) {
            assertThat(Main.run(streams(InputStream.nullInputStream(), devFull, new RecordedHooks()), "assess", SAMPLE, "--as-of", "2026-06-15"))
                    .isEqualTo(Main.UNUSABLE);
        }
        assertThat(Main.run("assess", SAMPLE, "--as-of", "2026-06-15", "--output", "/dev/full")).isEqualTo(Main.UNUSABLE);

        assertThat(err()).contains("referral-rules: cannot write to standard output: No space left on device")
                .contains("referral-rules: cannot write /dev/full: No space left on device").doesNotContain(" ok,");
    }

    @Test
    void anOutputThatCannotBeCreatedNamesTheFileAndSaysWrite() throws IOException {
        Path notAFolder = dir.resolve("plain.txt");
        Files.writeString(notAFolder, "x");
        Path output = notAFolder.resolve("answers.ndjson");

        int code = Main.run("assess", SAMPLE, "--as-of", "2026-06-15", "--output", output.toString());

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("referral-rules: cannot write " + output + ": ").doesNotContain("cannot read");
    }

    @Test
    void aFailedRunLeavesThePreviousOutputAndNoTemporaryFile() throws IOException {
        Path answers = dir.resolve("answers.ndjson");
        Files.writeString(answers, "previous\n");
        Path notAFolder = dir.resolve("plain.txt");
        Files.writeString(notAFolder, "x");

        int code = Main.run("assess", SAMPLE, "--as-of", "2026-06-15", "--format", "ndjson", "--output", answers.toString(),
                "--report-card", notAFolder.resolve("card.html").toString());

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(Files.readString(answers)).isEqualTo("previous\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("answers.ndjson", "plain.txt");
        }
    }

    /**
     * Standard input that gives the first part of a book, then, asked for more, opens {@link #asked} and waits for
     * {@link #rest}: the run is then between two reads, with everything before written.
     */
    private static final class GatedInput extends InputStream {
        final CountDownLatch asked = new CountDownLatch(1);
        final CountDownLatch rest = new CountDownLatch(1);
        private final byte[] first;
        private final byte[] second;
        private int at;

        GatedInput(byte[] first, byte[] second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at == first.length) {
                asked.countDown();
                try {
                    rest.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            byte[] from = at < first.length ? first : second;
            int index = at < first.length ? at : at - first.length;
            if (index >= from.length) {
                return -1;
            }
            int n = Math.min(len, from.length - index);
            System.arraycopy(from, index, b, off, n);
            at += n;
            return n;
        }
    }

    private static byte[] lines(List<CustomerSnapshot> customers) {
        StringBuilder text = new StringBuilder();
        customers.forEach(c -> text.append(ReferralJson.writeBookEntry(c)).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Thread start(Runnable run) {
        Thread thread = new Thread(run, "cli-run");
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(60, TimeUnit.SECONDS)).as("the run reached the gate").isTrue();
    }

    @Test
    void theOutputFileIsWrittenBesideItAndMovedIntoPlaceAtTheEnd() throws Exception {
        List<CustomerSnapshot> customers = new SampleBook(3, CliBooksTest.AS_OF).customers(60).toList();
        GatedInput in = new GatedInput(lines(customers.subList(0, 30)), lines(customers.subList(30, 60)));
        Path answers = dir.resolve("answers.ndjson");
        Files.writeString(answers, "previous\n");
        AtomicInteger code = new AtomicInteger(-1);

        Thread run = start(() -> code.set(Main.run(streams(in, OutputStream.nullOutputStream(), new RecordedHooks()), "assess", "-",
                "--as-of", "2026-06-15", "--format", "ndjson", "--output", answers.toString(), "--threads", "1")));
        await(in.asked);

        assertThat(Files.readString(answers)).isEqualTo("previous\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(2).contains("answers.ndjson")
                    .anySatisfy(name -> assertThat(name).startsWith(".answers.ndjson.").endsWith(".tmp"));
        }
        in.rest.countDown();
        run.join();

        assertThat(code.get()).isZero();
        assertThat(Files.readAllLines(answers)).hasSize(60).first().asString().contains("\"customerId\":\"" + customers.get(0).customer().id());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("answers.ndjson");
        }
    }

    @Test
    void anInterruptLeavesWholeAnswersAndAClosedArrayOnStandardOutputAndSaysSo() throws Exception {
        List<CustomerSnapshot> customers = new SampleBook(5, CliBooksTest.AS_OF).customers(600).toList();
        // one thread, two chunks of 256 in flight: the first chunk is written before the run asks for entry 513
        GatedInput in = new GatedInput(lines(customers.subList(0, 512)), lines(customers.subList(512, 600)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordedHooks hooks = new RecordedHooks();
        AtomicInteger code = new AtomicInteger(-1);

        Thread run = start(() -> code.set(Main.run(streams(in, out, hooks), "assess", "-", "--as-of", "2026-06-15", "--format", "json",
                "--detail", "decision", "--threads", "1")));
        await(in.asked);
        assertThat(hooks.added).hasSize(1);
        hooks.added.get(0).run();                                   // what the JVM runs on SIGINT / SIGTERM
        String written = out.toString(StandardCharsets.UTF_8);
        in.rest.countDown();
        run.join();

        assertThat(hooks.halted).containsExactly(Main.UNUSABLE);
        assertThat(new ObjectMapper().readTree(written)).hasSize(256);
        assertThat(written).endsWith("}\n]\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing after the interrupt").isEqualTo(written);
        assertThat(err()).contains("referral-rules: interrupted; standard output has the first 256 answers, each whole (the JSON array is closed)");
        assertThat(code.get()).isEqualTo(Main.UNUSABLE);
    }

    @Test
    void anInterruptLeavesThePreviousOutputFileAndNoTemporaryFile() throws Exception {
        List<CustomerSnapshot> customers = new SampleBook(5, CliBooksTest.AS_OF).customers(600).toList();
        GatedInput in = new GatedInput(lines(customers.subList(0, 512)), lines(customers.subList(512, 600)));
        Path answers = dir.resolve("answers.ndjson");
        Files.writeString(answers, "previous\n");
        RecordedHooks hooks = new RecordedHooks();
        AtomicInteger code = new AtomicInteger(-1);

        Thread run = start(() -> code.set(Main.run(streams(in, OutputStream.nullOutputStream(), hooks), "assess", "-", "--as-of", "2026-06-15",
                "--format", "ndjson", "--detail", "decision", "--threads", "1", "--output", answers.toString())));
        await(in.asked);
        hooks.added.get(0).run();
        in.rest.countDown();
        run.join();

        assertThat(hooks.halted).containsExactly(Main.UNUSABLE);
        assertThat(Files.readString(answers)).isEqualTo("previous\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("answers.ndjson");
        }
        assertThat(err()).contains("referral-rules: interrupted; " + answers + " is left as it was");
    }

    @Test
    void aFailedWriteLeavesThePreviousStateAsItWas() throws IOException {
        Path state = dir.resolve("book.state");
        assertThat(Main.run("assess", SAMPLE, "--as-of", "2026-06-15", "--state", state.toString(), "--output",
                dir.resolve("answers.txt").toString())).isZero();
        byte[] previous = Files.readAllBytes(state);
        int errBefore = err().length();

        // the next day's run (a state of 2026-06-16 if it were kept) cannot write its table
        int code = Main.run(streams(InputStream.nullInputStream(), full(), new RecordedHooks()), "assess", SAMPLE, "--as-of", "2026-06-16",
                "--state", state.toString());

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(err().substring(errBefore)).contains("referral-rules: cannot write to standard output: No space left on device")
                .doesNotContain("State: ");
        assertThat(Files.readAllBytes(state)).isEqualTo(previous);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("answers.txt", "book.state");
        }
    }

    @Test
    void anInterruptLeavesThePreviousStateAndOutputFilesAndNoTemporaryFile() throws Exception {
        List<CustomerSnapshot> customers = new SampleBook(5, CliBooksTest.AS_OF).customers(600).toList();
        Path state = dir.resolve("book.state");
        Path answers = dir.resolve("answers.ndjson");
        Files.writeString(answers, "previous\n");
        assertThat(Main.run(streams(new java.io.ByteArrayInputStream(lines(customers)), OutputStream.nullOutputStream(), new RecordedHooks()),
                "assess", "-", "--as-of", "2026-06-15", "--detail", "decision", "--state", state.toString())).isZero();
        byte[] previous = Files.readAllBytes(state);
        GatedInput in = new GatedInput(lines(customers.subList(0, 512)), lines(customers.subList(512, 600)));
        RecordedHooks hooks = new RecordedHooks();
        AtomicInteger code = new AtomicInteger(-1);

        Thread run = start(() -> code.set(Main.run(streams(in, OutputStream.nullOutputStream(), hooks), "assess", "-", "--as-of", "2026-06-16",
                "--format", "ndjson", "--detail", "decision", "--threads", "1", "--output", answers.toString(), "--state", state.toString())));
        await(in.asked);
        hooks.added.get(0).run();
        in.rest.countDown();
        run.join();

        assertThat(hooks.halted).containsExactly(Main.UNUSABLE);
        assertThat(code.get()).isEqualTo(Main.UNUSABLE);
        assertThat(Files.readAllBytes(state)).isEqualTo(previous);
        assertThat(Files.readString(answers)).isEqualTo("previous\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("answers.ndjson", "book.state");
        }
        assertThat(err()).contains("referral-rules: interrupted; ").contains(answers + " is left as it was")
                .contains(state + " is left as it was");
    }

    @Test
    void aRunThatFailsAfterTheAnswersStillLeavesAWholeJsonArrayOnStandardOutput() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path notAFolder = dir.resolve("plain.txt");
        Files.writeString(notAFolder, "x");

        int code = Main.run(streams(InputStream.nullInputStream(), out, new RecordedHooks()), "assess", SAMPLE, "--as-of", "2026-06-15",
                "--format", "json", "--report-card", notAFolder.resolve("card.html").toString());

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("referral-rules: cannot write " + notAFolder.resolve("card.html") + ": ");
        assertThat(new ObjectMapper().readTree(out.toByteArray())).hasSize(60);
    }

    @Test
    void generateFailsOnAFullDeviceAndLeavesThePreviousFileOtherwise() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "/dev/full (Linux)");

        assertThat(Main.run("generate", "--customers", "50", "--output", "/dev/full")).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("referral-rules: cannot write /dev/full: No space left on device");

        try (OutputStream devFull = new FileOutputStream("/dev/full")) {
            assertThat(Main.run(streams(InputStream.nullInputStream(), devFull, new RecordedHooks()), "generate", "--customers", "50"))
                    .isEqualTo(Main.UNUSABLE);
        }
        assertThat(err()).contains("referral-rules: cannot write to standard output: No space left on device");
    }

    @Test
    void theInterruptHookIsRemovedWhenTheRunEnds() {
        RecordedHooks hooks = new RecordedHooks();

        assertThat(Main.run(streams(InputStream.nullInputStream(), OutputStream.nullOutputStream(), hooks), "assess", SAMPLE,
                "--as-of", "2026-06-15")).isZero();

        assertThat(hooks.added).hasSize(1).isEqualTo(hooks.removed);
        assertThat(hooks.halted).isEmpty();
    }
}
