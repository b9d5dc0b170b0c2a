package io.referralrules.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.PolicyJson;
import io.referralrules.json.ReferralJson;
import io.referralrules.json.ReplayJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The runnable jar itself ({@code java -jar referral-rules-server-<version>.jar}, Spring Boot's nested jar) started as
 * a process on a free port, then called over real HTTP: every endpoint once with acme's demo key, each answer byte
 * for byte the library's for the same input (the published example and the sample book); malformed, oversized and
 * wrongly typed bodies and a missing key refused with problems; 200 concurrent clients × 50 requests, every answer the
 * sequential one. The engine's executable model is loaded from a jar inside the jar: the log must show no fallback
 * and no error. The concurrency check runs here, against the process, rather than in an in-JVM test: the load then
 * meets what is deployed (the nested-jar class loader, Tomcat's default thread pool, the packaged configuration),
 * and the 200 client threads do not share the server's heap and collector; the process is started once for both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerJarIT {
    static final String ACME_KEY = "acme-demo-key-0001";
    static final String GLOBEX_KEY = "globex-demo-key-0001";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final Path EXAMPLES = Path.of("..", "docs", "schema", "examples");
    private static final Path SAMPLE_BOOK = Path.of("..", "samples", "sample-book.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 200;
    private static final int REQUESTS_PER_CLIENT = 50;
    /** Generated customers beside the sample book's, for the concurrent clients. */
    private static final int GENERATED = 440;

    private static JarProcess server;
    private static final ReferralReadinessEngine ACME = ReferralRules.engine(Playbook.EARNED_TRUST);

    @BeforeAll
    static void start() throws Exception {
        server = JarProcess.start("server-jar-it", List.of());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String example(String name) throws IOException {
        return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
    }

    /** The sample book's customers, each as the library reads it. */
    private static List<CustomerSnapshot> sampleBook() throws IOException {
        List<CustomerSnapshot> customers = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(SAMPLE_BOOK.toFile()).get("customers")) {
            customers.add(ReferralJson.readBookEntry(entry.toString(), "sample-book.json"));
        }
        return customers;
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode problem(HttpResponse<byte[]> response, int status) throws IOException {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(text(response)).doesNotContain("Exception", "\tat ");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    @Test
    @Order(1)
    void theExampleIsAssessedByteForByteAsTheLibraryDoes() throws IOException {
        String body = example("snapshot.json");

        HttpResponse<byte[]> response = server.post("/v1/assessments?asOf=" + DAY, "application/json", body, ACME_KEY);

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        CustomerSnapshot snapshot = ReferralJson.readSnapshot(body, "snapshot.json");
        assertThat(response.body()).isEqualTo(
                ReferralJson.writeAssessment(ACME.assess(snapshot, DAY)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(2)
    void everySampleCustomerIsAssessedByteForByteAsTheLibraryDoes() throws IOException {
        List<CustomerSnapshot> book = sampleBook();
        assertThat(book).hasSize(60);
        for (CustomerSnapshot snapshot : book) {
            HttpResponse<byte[]> response = server.post("/v1/assessments?asOf=" + DAY, "application/json",
                    ReferralJson.writeSnapshot(snapshot), ACME_KEY);

            assertThat(response.statusCode()).as("%s: %s", snapshot.customer().id(), text(response)).isEqualTo(200);
            assertThat(text(response)).as(snapshot.customer().id())
                    .isEqualTo(ReferralJson.writeAssessment(ACME.assess(snapshot, DAY)));
        }
    }

    @Test
    @Order(3)
    void theSampleBookAsABatchGivesTheLibrarysLinesInOrder() throws IOException {
        List<CustomerSnapshot> book = sampleBook();
        StringBuilder in = new StringBuilder();
        for (CustomerSnapshot snapshot : book) {
            in.append(ReferralJson.writeBookEntry(snapshot)).append('\n');
        }

        HttpResponse<byte[]> response = server.post("/v1/assessments:batch?asOf=" + DAY, "application/x-ndjson",
                in.toString(), ACME_KEY);

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        List<String> expected = book.stream().map(s -> ReferralJson.writeAssessmentLine(ACME.assess(s, DAY))).toList();
        assertThat(text(response).split("\n")).containsExactlyElementsOf(expected);
    }

    @Test
    @Order(4)
    void theRecordIsTheLibrarysAndItsReplayIsIdentical() throws IOException {
        String body = example("snapshot.json");
        CustomerSnapshot snapshot = ReferralJson.readSnapshot(body, "snapshot.json");

        HttpResponse<byte[]> record = server.post("/v1/records?asOf=" + DAY, "application/json", body, ACME_KEY);

        assertThat(record.statusCode()).as(text(record)).isEqualTo(200);
        assertThat(text(record)).isEqualTo(ReferralJson.writeRecord(ACME.record(snapshot, DAY)));

        HttpResponse<byte[]> replay = server.post("/v1/records:replay", "application/json", text(record), ACME_KEY);

        assertThat(replay.statusCode()).as(text(replay)).isEqualTo(200);
        DecisionRecord read = ReferralJson.readRecord(text(record), "record");
        assertThat(text(replay)).isEqualTo(ReplayJson.write(ACME.replay(read))).contains("\"identical\" : true");
    }

    @Test
    @Order(5)
    void thePlaybooksAreAcmesWithTheLibrarysHashesAndPolicy() throws IOException {
        DecisionRecord record = ACME.record(ReferralJson.readSnapshot(example("snapshot.json"), "snapshot.json"), DAY);

        HttpResponse<byte[]> response = server.get("/v1/playbooks", ACME_KEY);

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("tenant").asText()).isEqualTo("acme");
        assertThat(answer.path("playbook").path("id").asText()).isEqualTo(Playbook.EARNED_TRUST.id());
        assertThat(answer.path("hostRules").asBoolean()).isFalse();
        assertThat(answer.path("rulesHash").asText()).isEqualTo(record.rulesHash());
        assertThat(answer.path("policyHash").asText()).isEqualTo(record.policyHash());
        assertThat(answer.path("policy")).isEqualTo(JSON.readTree(PolicyJson.write(Playbook.EARNED_TRUST.defaults())));
    }

    @Test
    @Order(6)
    void malformedJsonIs400AtThePathDollar() throws IOException {
        JsonNode problem = problem(server.post("/v1/assessments", "application/json",
                "{\"schemaVersion\": 1, \"customer\": {", ACME_KEY), 400);

        assertThat(problem.path("path").asText()).isEqualTo("$");
    }

    @Test
    @Order(7)
    void aBodyOverTheDefaultLimitOfOneMegabyteIs413() throws IOException {
        String oversized = example("snapshot.json") + " ".repeat(1 << 20);

        problem(server.post("/v1/assessments", "application/json", oversized, ACME_KEY), 413);
    }

    @Test
    @Order(8)
    void aWrongContentTypeIs415() throws IOException {
        problem(server.post("/v1/assessments", "text/plain", example("snapshot.json"), ACME_KEY), 415);
    }

    @Test
    @Order(9)
    void noKeyIs401() throws IOException {
        HttpResponse<byte[]> response = server.post("/v1/assessments", "application/json", example("snapshot.json"), null);

        problem(response, 401);
        assertThat(text(response)).doesNotContain("C-1042");
    }

    /**
     * 200 clients on 200 platform threads, 50 requests each, all started together: customers of the sample book and
     * generated ones, for acme and globex, drawn with a seeded generator; every answer must be byte for byte the
     * sequential answer for the same customer and tenant (the library's, computed one by one before the load).
     */
    @Test
    @Order(10)
    void twoHundredConcurrentClientsGetTheSequentialAnswers() throws Exception {
        long seed = Long.getLong("referralrules.seed", 20261129L);
        List<CustomerSnapshot> customers = new ArrayList<>(sampleBook());
        try (Stream<CustomerSnapshot> generated = new SampleBook(seed, DAY).customers(GENERATED)) {
            generated.forEach(customers::add);
        }
        ReferralReadinessEngine globex = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM, PolicyJson.parse(
                resource("/tenants/globex-policy.json"), "globex-policy.json", Playbook.POST_SALE_MOMENTUM.defaults()));
        int n = customers.size();
        String[] bodies = new String[n];
        byte[][] acmeAnswers = new byte[n][];
        byte[][] globexAnswers = new byte[n][];
        for (int i = 0; i < n; i++) {
            CustomerSnapshot snapshot = customers.get(i);
            bodies[i] = ReferralJson.writeSnapshot(snapshot);
            acmeAnswers[i] = ReferralJson.writeAssessment(ACME.assess(snapshot, DAY)).getBytes(StandardCharsets.UTF_8);
            globexAnswers[i] = ReferralJson.writeAssessment(globex.assess(snapshot, DAY)).getBytes(StandardCharsets.UTF_8);
        }

        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                SplittableRandom random = new SplittableRandom(seed * 31 + c);
                int client = c;
                clients.execute(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                            int i = random.nextInt(n);
                            boolean acme = random.nextBoolean();
                            HttpResponse<byte[]> response = server.post("/v1/assessments?asOf=" + DAY,
                                    "application/json", bodies[i], acme ? ACME_KEY : GLOBEX_KEY);
                            byte[] expected = acme ? acmeAnswers[i] : globexAnswers[i];
                            if (response.statusCode() != 200 || !Arrays.equals(response.body(), expected)) {
                                failures.add("client " + client + " request " + r + " customer "
                                        + customers.get(i).customer().id() + (acme ? " acme" : " globex") + ": status "
                                        + response.statusCode() + ", " + text(response).lines().limit(3).toList());
                            }
                            answered.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.add("client " + client + ": " + e);
                    }
                });
            }
            assertThat(ready.await(1, TimeUnit.MINUTES)).as("200 client threads started").isTrue();
            go.countDown();
            clients.shutdown();
            // a guard against a hung server, not a timing assertion
            assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).as("the clients finished (seed %d)", seed).isTrue();
        } finally {
            clients.shutdownNow();
        }

        assertThat(failures.stream().limit(20).toList())
                .as("seed %d; %d failures, the first 20", seed, failures.size()).isEmpty();
        assertThat(answered.get()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
    }

    /** Last: everything above ran in the process, so its log holds all it had to say. */
    @Test
    @Order(100)
    void theLogShowsTheExecutableModelLoadedFromTheNestedJarWithNoFallbackAndNoError() throws IOException {
        String log = server.log();

        assertThat(log).contains("2 tenants ready: [acme, globex]");
        assertThat(log).doesNotContain("No executable model", "Falling back", "KieBuilder");
        assertThat(log.lines().filter(line -> line.contains(" ERROR ") || (line.contains(" WARN ")
                && (line.contains("drools") || line.contains("kie") || line.contains("o.d.") || line.contains("o.k.")
                || line.contains("model")))).toList()).isEmpty();
        assertThat(log).as("no person's name from the sample book").doesNotContain("Harbourside Freight", "Atlas Print");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ServerJarIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The server's runnable jar started as a process on a free port of 127.0.0.1, its standard output and error in
     * files under target/, ready once {@code /actuator/health} answers UP (waited for up to a deadline, failing with
     * the log's tail).
     */
    static final class JarProcess implements AutoCloseable {
        private static final Duration START_DEADLINE = Duration.ofMinutes(3);

        private final Process process;
        private final Path out;
        private final Path err;
        private final URI base;
        private final HttpClient client;

        private JarProcess(Process process, Path out, Path err, URI base) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.base = base;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30)).build();
        }

        /** The jar built at package: failsafe passes its path. */
        static Path jar() {
            Path jar = Path.of(System.getProperty("referralrules.serverJar", "(property referralrules.serverJar not set)"));
            assertThat(jar).as("the server's runnable jar, built at package").exists();
            return jar;
        }

        /** Starts {@code java <jvmOptions> -jar <jar> --server.port=<free> --server.address=127.0.0.1}. */
        static JarProcess start(String name, List<String> jvmOptions) throws IOException, InterruptedException {
            Path dir = Path.of("target", name);
            Files.createDirectories(dir);
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
            Path out = dir.resolve("stdout.log");
            Path err = dir.resolve("stderr.log");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            JarProcess started = new JarProcess(process, out, err, URI.create("http://127.0.0.1:" + port));
            started.awaitHealthy();
            return started;
        }

        private void awaitHealthy() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + START_DEADLINE.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new AssertionError("the server's process ended with exit code " + process.exitValue()
                            + " before it was healthy; its log ends with:\n" + tail());
                }
                try {
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // the port is not open yet
                }
                if (System.nanoTime() > deadline) {
                    close();
                    throw new AssertionError("the server was not healthy within " + START_DEADLINE
                            + "; its log ends with:\n" + tail());
                }
                try {
                    // waits a little, returning at once should the process end
                    process.onExit().get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    // poll again
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError(e);
                }
            }
        }

        URI base() {
            return base;
        }

        HttpClient client() {
            return client;
        }

        long pid() {
            return process.pid();
        }

        HttpResponse<byte[]> post(String path, String contentType, String body, String key) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (key != null) {
                request.header("X-Api-Key", key);
            }
            return send(request.build());
        }

        HttpResponse<byte[]> get(String path, String key) {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("X-Api-Key", key).GET().build());
        }

        private HttpResponse<byte[]> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Standard output and error as written so far. */
        String log() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
        }

        String tail() {
            try {
                List<String> lines = log().lines().toList();
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(the log cannot be read: " + e + ")";
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
