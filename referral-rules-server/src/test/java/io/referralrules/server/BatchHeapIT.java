package io.referralrules.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A book of 100,000 generated customers streamed through {@code POST /v1/assessments:batch} of the runnable jar
 * started with {@code -Xmx256m}: the body comes from a generator as the client sends it (never held whole) and is
 * larger than the server's heap (each customer carries {@value #EXTRA_TOUCHES} social touches beside its sample-book
 * facts: 337 MB, about 3.4 KB a line); the answers are read as a stream while the body is still being sent
 * ({@code duplex=true}: by default the answers would wait for the body's end, in the spool), line by line: one per customer, in order, no error line, and every {@value #SAMPLE_EVERY}th and the last equal to the
 * library's. The heap stays flat: the server is asked for a full collection ({@code jcmd <pid> GC.run}) after 3,000,
 * 10,000, 90,000 and 97,000 answers, and in its GC log ({@code -Xlog:gc*}) the heap after the full collections of the
 * last quarter of the run is no higher than after those of the first quarter plus {@value #MARGIN_MB} MB (here 27-44 MB
 * in both). Full collections, because the heap after G1's young collections says little about what is kept: it saws
 * between about 35 and 205 MB here, garbage promoted to old regions staying until a marking cycle and mixed
 * collections reclaim it; with {@code -Xms} equal to {@code -Xmx} its median went from 38 MB in the first quarter to
 * 146 MB in the last with nothing kept. A server that kept the book, its answers or anything per customer would add
 * tens to hundreds of megabytes, or fail. {@code -Xms} equal to {@code -Xmx}, as a service is run. Answers at
 * {@code detail=decision}, as a book run writes them (the full documents would be 2.5 times the bytes the client reads,
 * without changing what is tested). Nothing is timed as an assertion; the run's time is printed (29-58 s here, 2
 * cores shared with other builds).
 */
class BatchHeapIT {
    private static final int CUSTOMERS = 100_000;
    static final int EXTRA_TOUCHES = 16;
    static final int SAMPLE_EVERY = 1000;
    static final int MARGIN_MB = 16;
    /** After how many answers read the server is asked for a full collection: twice early, twice late in the run. */
    private static final java.util.Set<Integer> FULL_GC_AT = java.util.Set.of(3_000, 10_000, 90_000, 97_000);
    private static final int HEAP_MB = 256;
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final Path DIR = Path.of("target", "batch-heap-it");
    private static final Path GC_LOG = DIR.resolve("gc.log");
    /** A pause line of the {@code gc} tag: {@code [utctime][info][gc   ] GC(7) Pause Young ... 45M->12M(256M) 3.1ms}. */
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([^\\]]+)\\]\\[info\\s*\\]\\[gc\\s*\\] GC\\(\\d+\\) Pause .*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final DateTimeFormatter UTCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private static ServerJarIT.JarProcess server;
    private static final SampleBook BOOK = new SampleBook(Long.getLong("referralrules.seed", 20261129L), DAY);

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(DIR);
        Files.deleteIfExists(GC_LOG);
        server = ServerJarIT.JarProcess.start("batch-heap-it", List.of("-Xms" + HEAP_MB + "m", "-Xmx" + HEAP_MB + "m",
                "-Xlog:gc*:file=" + GC_LOG + ":utctime,level,tags"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Customer {@code i} of the generated book, with its extra social touches. */
    static CustomerSnapshot customer(int i) {
        CustomerSnapshot s = BOOK.customer(i, CUSTOMERS);
        List<SocialTouch> touches = new ArrayList<>(s.socialTouches());
        for (int k = 0; k < EXTRA_TOUCHES; k++) {
            touches.add(new SocialTouch(s.customer().id() + "-ST" + (100 + k), DAY.minusDays(30 + 7L * k),
                    "Liked and shared their post about the spring product launch, with a short note of congratulations"));
        }
        return new CustomerSnapshot(s.customer(), s.sales(), s.serviceInteractions(), s.proactiveActions(),
                s.extraValues(), s.referralsGiven(), touches, s.industryEvents(), s.positioningConversations(),
                s.feedbackAnswers(), s.surveyScores(), s.complaints(), s.asks(), s.introductions(), s.followUps(),
                s.referredSales());
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)   // a guard against a hung server, not a timing assertion
    void aBookLargerThanTheHeapStreamsThroughWithTheHeapFlat() throws Exception {
        GeneratedBook body = new GeneratedBook(CUSTOMERS);
        ReferralReadinessEngine acme = ReferralRules.engine(Playbook.EARNED_TRUST);

        Instant started = Instant.now();
        DuplexPost post = DuplexPost.start(server.base(), "/v1/assessments:batch?asOf=" + DAY + "&detail=decision&duplex=true",
                ServerJarIT.ACME_KEY, "application/x-ndjson", body);
        assertThat(post.status()).isEqualTo(200);
        int lines = 0;
        int sampled = 0;
        try (post; BufferedReader answers = new BufferedReader(new InputStreamReader(post.body(), StandardCharsets.UTF_8),
                1 << 16)) {
            String line;
            while ((line = answers.readLine()) != null) {
                String id = String.format("C-%06d", lines + 1);
                assertThat(line).as("answer %d", lines + 1).startsWith("{\"schemaVersion\":1,\"customerId\":\"" + id + "\",")
                        .doesNotContain("\"error\":");
                if (lines % SAMPLE_EVERY == 0 || lines == CUSTOMERS - 1) {
                    assertThat(line).as("answer %d", lines + 1)
                            .isEqualTo(ReferralJson.writeDecisionLine(acme.assess(customer(lines), DAY, Detail.DECISION)));
                    sampled++;
                }
                lines++;
                if (FULL_GC_AT.contains(lines)) {
                    fullGc(server.pid());
                }
            }
        }
        Instant ended = Instant.now();
        post.awaitSent();
        Duration run = Duration.between(started, ended);
        System.out.printf("BatchHeapIT: %,d customers, %,d bytes in, in %.1f s (%,.0f customers/s); %d answers compared"
                + " with the library%n", lines, body.bytes(), run.toMillis() / 1000.0, lines / (run.toMillis() / 1000.0),
                sampled);

        assertThat(lines).isEqualTo(CUSTOMERS);
        assertThat(body.bytes()).as("the body is larger than the server's heap").isGreaterThan((long) HEAP_MB << 20);

        List<long[]> pauses = pauses(started, ended, false);
        List<long[]> full = pauses(started, ended, true);
        Duration quarter = run.dividedBy(4);
        long[] young = quarter(pauses, started.toEpochMilli(), ended.toEpochMilli());
        long[] first = quarter(full, started.toEpochMilli(), started.plus(quarter).toEpochMilli());
        long[] last = quarter(full, ended.minus(quarter).toEpochMilli(), ended.toEpochMilli());
        System.out.printf("BatchHeapIT: %d collections during the run, heap after them %d to %d MB (median %d);"
                + " after the full collections asked for: first quarter %d to %d MB, last quarter %d to %d MB%n",
                pauses.size(), young[0] >> 20, young[2] >> 20, young[1] >> 20, first[0] >> 20, first[2] >> 20,
                last[0] >> 20, last[2] >> 20);
        assertThat(last[2] >> 20).as("the heap after full GC in the last quarter (MB), against the first quarter's"
                + " %d MB + %d", first[2] >> 20, MARGIN_MB).isLessThanOrEqualTo((first[2] >> 20) + MARGIN_MB);
    }

    /** Asks the server's JVM for a full collection (jcmd GC.run: System.gc(), a full collection under G1). */
    private static void fullGc(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.run").redirectErrorStream(true).redirectOutput(DIR.resolve("jcmd.log").toFile())
                .start();
        assertThat(jcmd.waitFor(2, TimeUnit.MINUTES)).as("jcmd GC.run finished").isTrue();
        assertThat(jcmd.exitValue()).as("jcmd GC.run's exit code; %s", DIR.resolve("jcmd.log")).isZero();
    }

    /** The collections (full ones only, or all) between the two instants: {epoch ms, heap after GC in bytes}. */
    private static List<long[]> pauses(Instant from, Instant to, boolean fullOnly) throws IOException {
        List<long[]> pauses = new ArrayList<>();
        for (String line : Files.readAllLines(GC_LOG, StandardCharsets.UTF_8)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find() && (!fullOnly || line.contains("Pause Full"))) {
                long at = OffsetDateTime.parse(m.group(1), UTCTIME).toInstant().toEpochMilli();
                if (at >= from.toEpochMilli() && at <= to.toEpochMilli()) {
                    pauses.add(new long[] {at, bytes(m.group(4), m.group(5))});
                }
            }
        }
        return pauses;
    }

    /** The heap after the collections between the two instants (epoch ms): {lowest, median, highest}. */
    private static long[] quarter(List<long[]> pauses, long from, long to) {
        long[] after = pauses.stream().filter(p -> p[0] >= from && p[0] <= to).mapToLong(p -> p[1]).sorted().toArray();
        assertThat(after).as("collections in the quarter from %s to %s (see %s)", Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to), GC_LOG).isNotEmpty();
        return new long[] {after[0], after[after.length / 2], after[after.length - 1]};
    }

    private static long bytes(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }

    /**
     * A POST whose body is sent in chunks by a thread of its own while the answer is read: the request and the answer
     * stream at the same time, as a CRM's client of the batch endpoint does. (java.net.http's client on Java 17 reads
     * an HTTP/1.1 answer only once the whole body is sent; with an answer line per line in, both sides then wait on
     * full socket buffers.)
     */
    static final class DuplexPost implements AutoCloseable {
        private final Socket socket;
        private final Thread sender;
        private final AtomicReference<Throwable> sendFailure;
        private final InputStream in;
        private final int status;

        private DuplexPost(Socket socket, Thread sender, AtomicReference<Throwable> sendFailure, InputStream in,
                           int status) {
            this.socket = socket;
            this.sender = sender;
            this.sendFailure = sendFailure;
            this.in = in;
            this.status = status;
        }

        static DuplexPost start(URI base, String pathAndQuery, String key, String contentType, InputStream body)
                throws IOException {
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(120_000);   // a guard against a hung server
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
                    out.write(("POST " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nX-Api-Key: " + key + "\r\nContent-Type: " + contentType
                            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[1 << 15];
                    int n;
                    while ((n = body.readNBytes(chunk, 0, chunk.length)) > 0) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk, 0, n);
                        out.write(CRLF);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "batch-sender");
            sender.setDaemon(true);
            sender.start();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            String statusLine = asciiLine(in);
            assertThat(statusLine).as("status line").startsWith("HTTP/1.1 ");
            boolean chunked = false;
            for (String header = asciiLine(in); !header.isEmpty(); header = asciiLine(in)) {
                chunked |= header.toLowerCase(java.util.Locale.ROOT).equals("transfer-encoding: chunked");
            }
            assertThat(chunked).as("a streamed (chunked) answer").isTrue();
            return new DuplexPost(socket, sender, failure, new Dechunked(in), Integer.parseInt(statusLine.substring(9, 12)));
        }

        int status() {
            return status;
        }

        /** The answer's body, dechunked. */
        InputStream body() {
            return in;
        }

        /** Waits for the sender to have sent the whole body; fails if it could not. */
        void awaitSent() throws InterruptedException {
            sender.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(sender.isAlive()).as("the body is sent").isFalse();
            assertThat(sendFailure.get()).as("sending the body").isNull();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private static final byte[] CRLF = {'\r', '\n'};

        static String asciiLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("the answer ended inside a line: " + line);
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        /** A chunked body as its plain bytes (RFC 9112 7.1). */
        private static final class Dechunked extends InputStream {
            private final InputStream in;
            private long left;
            private boolean done;

            Dechunked(InputStream in) {
                this.in = in;
            }

            private boolean more() throws IOException {
                if (done) {
                    return false;
                }
                if (left == 0) {
                    String size = asciiLine(in);
                    int extension = size.indexOf(';');
                    left = Long.parseLong(extension < 0 ? size.trim() : size.substring(0, extension).trim(), 16);
                    if (left == 0) {
                        while (!asciiLine(in).isEmpty()) {
                            // trailers
                        }
                        done = true;
                        return false;
                    }
                }
                return true;
            }

            private void endOfChunk() throws IOException {
                if (left == 0 && !asciiLine(in).isEmpty()) {
                    throw new IOException("a chunk not followed by CRLF");
                }
            }

            @Override
            public int read() throws IOException {
                if (!more()) {
                    return -1;
                }
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("the answer ended inside a chunk");
                }
                left--;
                endOfChunk();
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!more()) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("the answer ended inside a chunk");
                }
                left -= n;
                endOfChunk();
                return n;
            }
        }
    }

    /** The book as NDJSON, each line generated when the client asks for its bytes; one line held at a time. */
    static final class GeneratedBook extends LineByLineBody {
        private final int customers;
        private int next;
        private long bytes;

        GeneratedBook(int customers) {
            this.customers = customers;
        }

        long bytes() {
            return bytes;
        }

        @Override
        protected byte[] nextLine() {
            if (next == customers) {
                return null;
            }
            byte[] line = (ReferralJson.writeBookEntry(customer(next++)) + "\n").getBytes(StandardCharsets.UTF_8);
            bytes += line.length;
            return line;
        }
    }
}
