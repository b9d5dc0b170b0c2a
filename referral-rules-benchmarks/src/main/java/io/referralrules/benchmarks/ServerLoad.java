package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.book.BookAssessor;
import io.referralrules.book.BookFile;
import io.referralrules.book.BookSummary;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bounded load generator for a running readiness service ({@code referral-rules-server}); it starts nothing itself.
 * Single requests: N clients (N in-flight requests, each client sending its next request when its answer is read),
 * N = 1, 4 and 16 by default, each {@code POST /v1/assessments} a customer of the seeded sample book, after a
 * warm-up of the server (single requests at the highest N, then a batch of a fifth of the book at each detail) and a
 * shorter one per N, for a measured period: requests/s, and p50 / p99 / p99.9 / max latency as nearest-rank percentiles of every
 * request's {@code System.nanoTime()} time (all samples kept and sorted, no histogram buckets). Then a batch:
 * {@code POST /v1/assessments:batch} of 100,000 generated customers (the NDJSON made before the clock starts), the
 * body sent in chunks while the answer is read as it arrives, at decision and at full detail: customers/s. With {@code --baseline}, the same 100,000 customers through the library's
 * {@code BookFile} and {@code BookAssessor} in this JVM (as the service's batch endpoint reads and assesses them,
 * answers written and dropped), customers/s, for the ratio. Every answer's status is checked; a failed request is
 * counted and printed.
 *
 * <pre>{@code
 * java -cp referral-rules-benchmarks/target/referral-rules-benchmarks-0.1.0-SNAPSHOT.jar \
 *      io.referralrules.benchmarks.ServerLoad --url http://127.0.0.1:8080 --key acme-demo-key-0001 \
 *      [--in-flight 1,4,16] [--warmup 10] [--seconds 20] [--customers 100000] [--detail decision,full] [--baseline]
 * }</pre>
 */
public final class ServerLoad {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final long SEED = 20260615L;
    /** The single requests cycle through this many customers of the sample book, as the book benchmark does. */
    private static final int DISTINCT = 4096;

    private ServerLoad() {
    }

    /**
     * Runs the load described in the class comment and prints the figures.
     *
     * @param args {@code --url BASE --key API_KEY} and the options of the class comment
     * @throws Exception when the service cannot be reached or answers wrongly
     */
    public static void main(String[] args) throws Exception {
        URI base = null;
        String key = null;
        int[] inFlight = {1, 4, 16};
        int warmup = 10;
        int seconds = 20;
        int customers = 100_000;
        List<Detail> details = List.of(Detail.DECISION, Detail.FULL);
        boolean baseline = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> base = URI.create(args[++i]);
                case "--key" -> key = args[++i];
                case "--in-flight" -> inFlight = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--customers" -> customers = Integer.parseInt(args[++i]);
                case "--detail" -> details = Arrays.stream(args[++i].split(","))
                        .map(d -> Detail.valueOf(d.toUpperCase(Locale.ROOT))).toList();
                case "--baseline" -> baseline = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --url BASE --key KEY [--in-flight 1,4,16] [--warmup S] [--seconds S]"
                        + " [--customers N] [--detail decision,full] [--baseline]");
            }
        }
        if (base == null || key == null) {
            throw new IllegalArgumentException("--url and --key are required");
        }
        System.out.printf("ServerLoad: %s, %d cores here, load average %.2f; single requests %ds warm-up + %ds measured"
                        + " per N; batch of %,d customers%n", base, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), warmup,
                seconds, customers);

        SampleBook book = new SampleBook(SEED, DAY);
        byte[][] bodies = new byte[DISTINCT][];
        for (int i = 0; i < DISTINCT; i++) {
            bodies[i] = ReferralJson.writeSnapshot(book.customer(i, DISTINCT)).getBytes(StandardCharsets.UTF_8);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int warm = Math.max(1, customers / 5);
        byte[] warmBook = ndjson(warm);
        byte[] fullBook = ndjson(customers);
        // the server's warm-up, before anything is measured: single requests at the highest N, then small batches
        singleRequests(client, base, key, bodies, Arrays.stream(inFlight).max().orElse(1), warmup, false);
        for (Detail detail : details) {
            batch(base, key, warmBook, warm, detail, false);
        }
        for (int n : inFlight) {
            singleRequests(client, base, key, bodies, n, Math.max(1, warmup / 2), false);
            singleRequests(client, base, key, bodies, n, seconds, true);
        }
        for (Detail detail : details) {
            batch(base, key, fullBook, customers, detail, true);
        }
        if (baseline) {
            // warmed as long as the server was: a fifth of the book, then the whole book, unmeasured, at each detail
            for (Detail detail : details) {
                library(warmBook, warm, detail, false);
                library(fullBook, customers, detail, false);
            }
            for (Detail detail : details) {
                library(fullBook, customers, detail, true);
            }
        }
        System.out.printf("ServerLoad: load average at the end %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void singleRequests(HttpClient http, URI base, String key, byte[][] bodies, int clients,
                                       int seconds, boolean report) throws InterruptedException {
        URI uri = base.resolve("/v1/assessments?asOf=" + DAY);
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                int next = client * (bodies.length / clients);
                try {
                    start.await();
                    long end = window[1];
                    while (true) {
                        HttpRequest request = HttpRequest.newBuilder(uri).header("X-Api-Key", key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[next])).build();
                        next = (next + 1) % bodies.length;
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, "status " + response.statusCode() + ": "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = took;
                    }
                } catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                }
                samples[client] = mine;
                counts[client] = count;
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + Duration.ofSeconds(seconds).toNanos();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - window[0];
        if (!report) {
            return;
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(samples[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("single requests, %2d in flight: %,8d requests in %.1f s = %,7.0f requests/s;"
                        + " latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; failures %d%s%n", clients, total,
                elapsed / 1e9, total / (elapsed / 1e9), percentile(all, 50) / 1e6, percentile(all, 99) / 1e6,
                percentile(all, 99.9) / 1e6, all.length == 0 ? 0 : all[all.length - 1] / 1e6, failures.get(),
                firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")");
    }

    /** The nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void batch(URI base, String key, byte[] ndjson, int customers, Detail detail, boolean report)
            throws Exception {
        long t0 = System.nanoTime();
        InputStream body = new ByteArrayInputStream(ndjson);
        long lines = 0;
        long errors = 0;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(300_000);
            AtomicReference<Throwable> sendFailure = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
                    out.write(("POST /v1/assessments:batch?asOf=" + DAY + "&detail=" + detail.name().toLowerCase(Locale.ROOT)
                            + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nX-Api-Key: " + key
                            + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\nConnection: close"
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[1 << 15];
                    int n;
                    while ((n = body.readNBytes(chunk, 0, chunk.length)) > 0) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk, 0, n);
                        out.write('\r');
                        out.write('\n');
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Throwable e) {
                    sendFailure.set(e);
                }
            }, "batch-sender");
            sender.setDaemon(true);
            sender.start();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            String status = line(in);
            if (!status.startsWith("HTTP/1.1 200 ")) {
                throw new IllegalStateException("the batch was answered " + status);
            }
            while (!line(in).isEmpty()) {
                // headers: the answer is chunked (it is streamed)
            }
            // count the answer's lines: chunk by chunk, newline bytes; error lines carry "error"
            byte[] buffer = new byte[1 << 16];
            while (true) {
                long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                long left = size;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new EOFException("the answer ended inside a chunk");
                    }
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    errors += count(buffer, n, "\"error\":");
                    left -= n;
                }
                line(in);
            }
            sender.join();
            if (sendFailure.get() != null) {
                throw new IllegalStateException("sending the batch failed", sendFailure.get());
            }
        }
        long elapsed = System.nanoTime() - t0;
        if (lines != customers || errors != 0) {
            throw new IllegalStateException("the batch answered " + lines + " lines for " + customers + " customers, "
                    + errors + " of them errors");
        }
        if (report) {
            System.out.printf("batch, detail %-8s: %,d customers (%,d bytes in) in %.1f s = %,7.0f customers/s%n",
                    detail.name().toLowerCase(Locale.ROOT), customers, ndjson.length, elapsed / 1e9,
                    customers / (elapsed / 1e9));
        }
    }

    private static void library(byte[] ndjson, int customers, Detail detail, boolean report) throws IOException {
        BookAssessor assessor = BookAssessor.builder(ReferralRules.engine(Playbook.EARNED_TRUST)).detail(detail).build();
        long t0 = System.nanoTime();
        AtomicLong written = new AtomicLong();
        BookSummary summary;
        try (BookFile file = BookFile.open("batch.ndjson", new ByteArrayInputStream(ndjson), 1 << 20)) {
            summary = assessor.assessEntries(file.entries(), -1, DAY,
                    result -> result.failed() ? null : (detail == Detail.FULL
                            ? ReferralJson.writeAssessmentLine(result.assessment())
                            : ReferralJson.writeDecisionLine(result.assessment())).getBytes(StandardCharsets.UTF_8),
                    (result, line) -> {
                        if (line == null) {
                            throw new IllegalStateException("entry " + result.location() + " failed: " + result.problem());
                        }
                        written.addAndGet(line.length);
                    });
        }
        long elapsed = System.nanoTime() - t0;
        if (summary.assessed() != customers) {
            throw new IllegalStateException("the library assessed " + summary.assessed() + " of " + customers);
        }
        if (report) {
            System.out.printf("library baseline (BookFile + BookAssessor, %d threads, this JVM), detail %-8s: %,d"
                            + " customers in %.1f s = %,7.0f customers/s%n", Runtime.getRuntime().availableProcessors(),
                    detail.name().toLowerCase(Locale.ROOT), customers, elapsed / 1e9, customers / (elapsed / 1e9));
        }
    }

    private static int count(byte[] buffer, int length, String what) {
        byte[] needle = what.getBytes(StandardCharsets.US_ASCII);
        int found = 0;
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer[i + j] != needle[j]) {
                    continue outer;
                }
            }
            found++;
        }
        return found;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("the answer ended inside a line");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** The generated book as NDJSON, made before anything is timed (the client's own work stays out of the figures). */
    private static byte[] ndjson(int customers) {
        SampleBook book = new SampleBook(SEED, DAY);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(customers * 1024);
        for (int i = 0; i < customers; i++) {
            CustomerSnapshot customer = book.customer(i, customers);
            out.writeBytes((ReferralJson.writeBookEntry(customer) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
