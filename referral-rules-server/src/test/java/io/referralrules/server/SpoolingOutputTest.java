package io.referralrules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SpoolingOutput} against a client stream the test opens and closes: lines wait in memory, then in the spool,
 * and reach the client in order; the spool's limit refuses a line; the spool is deleted at the end, also when the
 * client fails.
 */
@Timeout(120)   // a guard against a hung writer, not a timing assertion
class SpoolingOutputTest {
    private static final long SEED = Long.getLong("referralrules.seed", System.nanoTime());
    private static final int MEMORY = 4 << 10;

    @TempDir
    Path spoolDirectory;

    /** Line {@code n}, of a length between 20 and about 1,000 bytes (seeded). */
    private static byte[] line(int n, SplittableRandom random) {
        return ("{\"n\":" + n + ",\"pad\":\"" + "x".repeat(random.nextInt(1000)) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spoolDirectory)) {
            return files.toList();
        }
    }

    @Test
    void linesTheClientDoesNotReadYetGoToTheSpoolAndReachItInOrderWhenItReads() throws IOException,
            InterruptedException {
        SplittableRandom random = new SplittableRandom(SEED);
        GatedClient client = new GatedClient();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (SpoolingOutput output = new SpoolingOutput(client, spoolDirectory, 1L << 30, MEMORY)) {
            // three rounds: the client not reading (lines spooled), then reading until it has everything so far
            int n = 0;
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 500; i++) {
                    byte[] line = line(n++, random);
                    output.write(line);
                    expected.write(line);
                }
                assertThat(spoolFiles()).as("seed %d: a spool while the client does not read", SEED).hasSize(1);
                assertThat(spoolFiles().get(0).getFileName().toString()).startsWith(SpoolingOutput.SPOOL_PREFIX)
                        .endsWith(SpoolingOutput.SPOOL_SUFFIX);
                client.open();
                client.awaitReceived(expected.size());
                client.close();
            }
            client.open();
            for (int i = 0; i < 500; i++) {
                byte[] line = line(n++, random);
                output.write(line);
                expected.write(line);
            }
            output.finish();
            assertThat(output.spoolLargest()).as("seed %d", SEED).isGreaterThan(10L * MEMORY);
        }

        assertThat(client.received()).as("seed %d: every line in order", SEED).isEqualTo(expected.toByteArray());
        assertThat(spoolFiles()).as("the spool is deleted").isEmpty();
    }

    @Test
    void aLineOverTheSpoolsLimitIsRefusedAndTheLastLineStillGoesAfterTheOthers() throws IOException,
            InterruptedException {
        SplittableRandom random = new SplittableRandom(SEED);
        GatedClient client = new GatedClient();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        long maxSpool = 20_000;
        int refusedAt = -1;
        try (SpoolingOutput output = new SpoolingOutput(client, spoolDirectory, maxSpool, MEMORY)) {
            for (int n = 0; n < 10_000; n++) {
                byte[] line = line(n, random);
                try {
                    output.write(line);
                    expected.write(line);
                } catch (SpoolingOutput.SpoolFull e) {
                    assertThat(e.getMessage()).isEqualTo("the answers waiting for the client are more than 20000 bytes"
                            + " (referral-rules.max-batch-spool-bytes)");
                    refusedAt = n;
                    break;
                }
            }
            byte[] last = "{\"error\":\"the end\"}\n".getBytes(StandardCharsets.UTF_8);
            output.writeLast(last);
            expected.write(last);
            assertThat(output.spoolLargest()).isLessThanOrEqualTo(maxSpool);
            client.open();
            output.finish();
        }

        assertThat(refusedAt).as("seed %d: a line refused", SEED).isPositive();
        assertThat(client.received()).as("seed %d", SEED).isEqualTo(expected.toByteArray());
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aSpoolThatCannotBeWrittenRefusesTheLineAndTheLastLineStillGoesAfterTheOthers() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        GatedClient client = new GatedClient();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Path gone = spoolDirectory.resolve("gone");
        try (SpoolingOutput output = new SpoolingOutput(client, gone, 1L << 30, MEMORY)) {
            SpoolingOutput.SpoolFull refused = null;
            for (int n = 0; n < 1_000 && refused == null; n++) {
                byte[] line = line(n, random);
                try {
                    output.write(line);
                    expected.write(line);
                } catch (SpoolingOutput.SpoolFull e) {
                    refused = e;
                }
            }
            assertThat(refused).as("seed %d: a line refused", SEED).isNotNull()
                    .hasMessage("the answers waiting for the client could not be written to the spool"
                            + " (referral-rules.batch-spool-directory)");
            byte[] last = "{\"error\":\"the end\"}\n".getBytes(StandardCharsets.UTF_8);
            output.writeLast(last);
            expected.write(last);
            client.open();
            output.finish();
        }

        assertThat(client.received()).as("seed %d", SEED).isEqualTo(expected.toByteArray());
    }

    @Test
    void aClientThatFailsEndsTheAnswerWithItsFailureAndTheSpoolIsDeleted() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        GatedClient client = new GatedClient();
        IOException gone = new IOException("the client went away");
        try (SpoolingOutput output = new SpoolingOutput(client, spoolDirectory, 1L << 30, MEMORY)) {
            for (int n = 0; n < 200; n++) {
                output.write(line(n, random));
            }
            assertThat(spoolFiles()).hasSize(1);
            client.fail(gone);

            assertThatThrownBy(output::finish).isSameAs(gone);
            assertThatThrownBy(() -> output.write(line(200, random))).isSameAs(gone);
        }
        assertThat(spoolFiles()).as("the spool is deleted").isEmpty();
    }

    @Test
    void closingAnUnfinishedAnswerStopsTheWriterAndDeletesTheSpool() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        GatedClient client = new GatedClient();
        SpoolingOutput output = new SpoolingOutput(client, spoolDirectory, 1L << 30, MEMORY);
        for (int n = 0; n < 200; n++) {
            output.write(line(n, random));
        }
        assertThat(spoolFiles()).hasSize(1);
        client.open();   // the writer may send a few lines more before it sees the answer is given up

        output.close();

        assertThat(spoolFiles()).isEmpty();
        assertThatThrownBy(() -> output.write(line(200, random))).isInstanceOf(IllegalStateException.class);
    }

    /** A client's stream that takes bytes only while open (a write waits while it is closed), or fails. */
    private static final class GatedClient extends OutputStream {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private boolean open;
        private IOException failure;

        synchronized void open() {
            open = true;
            notifyAll();
        }

        @Override
        public synchronized void close() {
            open = false;
        }

        synchronized void fail(IOException e) {
            failure = e;
            notifyAll();
        }

        synchronized void awaitReceived(int bytes) throws InterruptedException {
            while (received.size() < bytes) {
                wait();
            }
        }

        synchronized byte[] received() {
            return received.toByteArray();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            while (!open && failure == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
            }
            if (failure != null) {
                throw failure;
            }
            received.write(b, off, len);
            notifyAll();
        }
    }
}
