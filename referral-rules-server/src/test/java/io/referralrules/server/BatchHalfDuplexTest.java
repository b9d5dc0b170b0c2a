package io.referralrules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.book.BookAssessor;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/assessments:batch} for a client that sends its whole body before it reads any answer (as Java 17's
 * {@code java.net.http} does, and Python's urllib): its answers wait in the spool, it gets every one of them in order,
 * and the spool is gone afterwards; a client that reads while it sends still gets its first answers before it has sent
 * everything; a client that reads too late for {@code max-batch-spool-bytes} gets its answers up to an error line.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)   // a guard against a deadlock, not a timing assertion
class BatchHalfDuplexTest {
    private static final String PATH = "/v1/assessments:batch";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final long SEED = Long.getLong("referralrules.seed", 20261129L);
    private static final SampleBook BOOK = new SampleBook(SEED, DAY);
    /** About 8 KB of answer each at full detail: the answer is about 100 MB, many times any socket buffer. */
    private static final int CUSTOMERS = 12_000;
    /** The spool's limit of the second server: answers past the 2 MiB in memory and this go over it. */
    private static final int SMALL_SPOOL = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path spoolRoot;
    private static Path spool;
    private static Path smallSpool;
    private static TestServer server;
    private static TestServer small;
    private static ReferralReadinessEngine acme;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws IOException {
        spool = Files.createDirectories(spoolRoot.resolve("spool"));
        smallSpool = Files.createDirectories(spoolRoot.resolve("small"));
        server = TestServer.start("referral-rules.batch-spool-directory=" + spool);
        small = TestServer.start("referral-rules.batch-spool-directory=" + smallSpool,
                "referral-rules.max-batch-spool-bytes=" + SMALL_SPOOL);
        acme = ReferralRules.engine(Playbook.EARNED_TRUST);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (small != null) {
            small.close();
        }
    }

    private static CustomerSnapshot customer(int i) {
        return BOOK.customer(i, CUSTOMERS);
    }

    private static byte[] book(int customers) {
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        for (int i = 0; i < customers; i++) {
            book.writeBytes((ReferralJson.writeBookEntry(customer(i)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return book.toByteArray();
    }

    private static String answer(int i) {
        return ReferralJson.writeAssessmentLine(acme.assess(customer(i), DAY));
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    /** POSTs the book as one byte array: java.net.http on Java 17 sends all of it before it reads the answer. */
    private HttpResponse<InputStream> sendWhole(TestServer to, byte[] book) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + PATH + "?asOf=" + DAY))
                .header("X-Api-Key", TestServer.ACME_KEY).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(book)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void aClientThatSendsEverythingFirstGetsEveryAnswerInOrderAndTheSpoolIsGone() throws Exception {
        byte[] book = book(CUSTOMERS);
        List<String> created = new ArrayList<>();
        int lines = 0;
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            spool.register(watch, StandardWatchEventKinds.ENTRY_CREATE);

            HttpResponse<InputStream> response = sendWhole(server, book);

            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader answers = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = answers.readLine()) != null) {
                    assertThat(line).as("answer %d (seed %d)", lines + 1, SEED).isEqualTo(answer(lines));
                    lines++;
                }
            }
            // created before the answer ended: its event is queued already (the wait only covers its delivery)
            WatchKey key = watch.poll(1, TimeUnit.MINUTES);
            assertThat(key).as("a spool was made in %s", spool).isNotNull();
            for (WatchEvent<?> event : key.pollEvents()) {
                created.add(String.valueOf(event.context()));
            }
        }

        assertThat(lines).isEqualTo(CUSTOMERS);
        assertThat(created).as("the answers waited in a spool").isNotEmpty()
                .allMatch(name -> name.startsWith(SpoolingOutput.SPOOL_PREFIX) && name.endsWith(SpoolingOutput.SPOOL_SUFFIX));
        assertThat(files(spool)).as("the spool is deleted before the answer ends").isEmpty();
    }

    @Test
    void aClientThatAsksForDuplexGetsItsFirstAnswerBeforeItHasSentEverything() throws Exception {
        // more than the assessor holds in flight (2 chunks of 256 per thread) and the one it fills: answers are due
        int before = Runtime.getRuntime().availableProcessors() * 2 * BookAssessor.DEFAULT_CHUNK_SIZE + 2_000;
        HeldBook body = new HeldBook(before, before + 1_000);
        int lines = 0;
        try (BatchHeapIT.DuplexPost post = BatchHeapIT.DuplexPost.start(URI.create("http://127.0.0.1:" + server.port()),
                PATH + "?asOf=" + DAY + "&duplex=true", TestServer.ACME_KEY, "application/x-ndjson", body);
             BufferedReader answers = new BufferedReader(new InputStreamReader(post.body(), StandardCharsets.UTF_8))) {
            assertThat(post.status()).isEqualTo(200);

            String first = answers.readLine();

            assertThat(first).isEqualTo(answer(0));
            // the rest is held back until now: had the server waited for the end of the body, readLine would not return
            assertThat(body.sent()).as("lines sent when the first answer is read").isLessThanOrEqualTo(before);
            body.release();
            lines = 1;
            String line;
            while ((line = answers.readLine()) != null) {
                assertThat(line).as("answer %d (seed %d)", lines + 1, SEED).isEqualTo(answer(lines));
                lines++;
            }
            post.awaitSent();
        }
        assertThat(lines).isEqualTo(before + 1_000);
        assertThat(files(spool)).isEmpty();
    }

    @Test
    void byDefaultTheAnswersStartOnlyOnceTheWholeBodyIsRead() throws Exception {
        int customers = 3_000;
        HeldBook body = new HeldBook(customers, customers);
        body.release();
        int lines = 0;
        try (BatchHeapIT.DuplexPost post = BatchHeapIT.DuplexPost.start(URI.create("http://127.0.0.1:" + server.port()),
                PATH + "?asOf=" + DAY, TestServer.ACME_KEY, "application/x-ndjson", body);
             BufferedReader answers = new BufferedReader(new InputStreamReader(post.body(), StandardCharsets.UTF_8))) {
            assertThat(post.status()).isEqualTo(200);

            String first = answers.readLine();

            assertThat(first).isEqualTo(answer(0));
            // nothing is written before the body's end: a client that sends everything first is never waited on
            assertThat(body.sent()).as("lines sent when the first answer is read").isEqualTo(customers);
            lines = 1;
            String line;
            while ((line = answers.readLine()) != null) {
                assertThat(line).as("answer %d (seed %d)", lines + 1, SEED).isEqualTo(answer(lines));
                lines++;
            }
            post.awaitSent();
        }
        assertThat(lines).isEqualTo(customers);
        assertThat(files(spool)).isEmpty();
    }

    @Test
    void answersOverTheSpoolsLimitEndTheBatchWithAnErrorLine() throws Exception {
        int customers = 5_000;   // about 40 MB of answers: more than the socket buffers, 2 MiB in memory and the spool
        HttpResponse<InputStream> response = sendWhole(small, book(customers));

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        try (BufferedReader answers = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = answers.readLine()) != null) {
                out.add(line);
            }
        }
        int answered = out.size() - 1;
        assertThat(answered).as("answers before the error line").isPositive().isLessThan(customers);
        for (int i = 0; i < answered; i++) {
            assertThat(out.get(i)).as("answer %d (seed %d)", i + 1, SEED).isEqualTo(answer(i));
        }
        JsonNode last = JSON.readTree(out.get(answered));
        assertThat(last.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(last.has("customerId")).isFalse();
        assertThat(last.path("location").asText()).isEqualTo("batch.ndjson:" + (answered + 1));
        assertThat(last.path("error").asText()).isEqualTo("the answers waiting for the client are more than " + SMALL_SPOOL
                + " bytes (referral-rules.max-batch-spool-bytes); the rest of the batch is not read");
        assertThat(files(smallSpool)).isEmpty();
    }

    @Test
    void aSpoolFolderThatIsNotThereStopsTheStartNamingTheSetting() {
        Path absent = spoolRoot.resolve("absent");

        Throwable failure = catchThrowable(() -> TestServer.start("referral-rules.batch-spool-directory=" + absent).close());

        assertThat(failure).as("the start fails").isNotNull();
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("referral-rules.batch-spool-directory is not a folder: " + absent);
    }

    /** The generated book as NDJSON, which stops after {@code before} lines until {@link #release()}. */
    private static final class HeldBook extends LineByLineBody {
        private final int before;
        private final int customers;
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile int next;

        HeldBook(int before, int customers) {
            this.before = before;
            this.customers = customers;
        }

        /** The lines handed to the client so far. */
        int sent() {
            return next;
        }

        void release() {
            released.countDown();
        }

        @Override
        protected byte[] nextLine() throws IOException {
            if (next == customers) {
                return null;
            }
            if (next == before) {
                try {
                    if (!released.await(5, TimeUnit.MINUTES)) {
                        throw new IOException("the rest of the book was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            byte[] line = (ReferralJson.writeBookEntry(customer(next)) + "\n").getBytes(StandardCharsets.UTF_8);
            next++;
            return line;
        }
    }
}
