package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.book.BookAssessor;
import io.referralrules.book.BookFile;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures the job's throughput per slot on a local embedded cluster (not a test: run it by hand, docs/flink.md):
 * the nightly BATCH run over a generated book (customers/s) and a replay of fact events in streaming (events/s), at
 * parallelism 1 and 2, beside BookAssessor with 1 and 2 threads reading the same NDJSON book. Arguments: customers (default
 * 100,000), events' customers (default 10,000).
 */
public final class Throughput {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    private Throughput() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int eventCustomers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path folder = Files.createTempDirectory("referral-rules-throughput");
        Path book = folder.resolve("book.ndjson");
        try (Stream<CustomerSnapshot> snapshots = new SampleBook(42, AS_OF).customers(customers);
             BufferedWriter out = Files.newBufferedWriter(book, StandardCharsets.UTF_8)) {
            for (CustomerSnapshot s : (Iterable<CustomerSnapshot>) snapshots::iterator) {
                out.write(ReferralJson.writeBookEntry(s));
                out.newLine();
            }
        }
        List<String> events = GeneratedEvents.of(42, AS_OF, eventCustomers);
        Path eventFile = Files.write(folder.resolve("events.ndjson"), events, StandardCharsets.UTF_8);
        for (int round = 0; round < 2; round++) {
            System.out.printf("round %d%n", round + 1);
            for (int threads : new int[] {1, 2}) {
                long start = System.nanoTime();
                // as the job: the NDJSON book read strictly, each decision written as a line
                try (java.io.InputStream in = Files.newInputStream(book); BookFile file = BookFile.open("book.ndjson", in)) {
                    BookAssessor.builder(ReferralRules.engine()).threads(threads).detail(Detail.DECISION).build()
                            .assessEntries(file.entries(), customers, AS_OF, result -> ReferralJson.writeDecisionLine(result.assessment()));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("  BookAssessor, %d thread(s), decision: %,d customers in %.1f s = %,.0f customers/s%n",
                        threads, customers, seconds, customers / seconds);
            }
            for (int parallelism : new int[] {1, 2}) {
                JobExecutionResult batch = run(parallelism, true, book.toString(), JobSettings.book(AS_OF).withDetail(Detail.DECISION));
                double seconds = batch.getNetRuntime(TimeUnit.MILLISECONDS) / 1e3;
                System.out.printf("  Flink BATCH book run, parallelism %d, decision: %,d customers in %.1f s = %,.0f customers/s%n",
                        parallelism, customers, seconds, customers / seconds);
                JobExecutionResult stream = run(parallelism, false, eventFile.toString(),
                        JobSettings.replay(ZoneOffset.UTC, AS_OF.plusDays(2)).withDetail(Detail.DECISION));
                seconds = stream.getNetRuntime(TimeUnit.MILLISECONDS) / 1e3;
                System.out.printf("  Flink streaming replay, parallelism %d, decision: %,d events of %,d customers in %.1f s = %,.0f events/s%n",
                        parallelism, events.size(), eventCustomers, seconds, events.size() / seconds);
            }
        }
    }

    private static JobExecutionResult run(int parallelism, boolean snapshots, String input, JobSettings settings) throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        if (snapshots) {
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        }
        ReadinessJob.Outputs out = ReadinessJob.answers(ReadinessJob.lines(env, input), "input", snapshots, settings);
        out.answers().sinkTo(new DiscardingSink<>());
        out.rejected().sinkTo(new DiscardingSink<>());
        return env.execute("throughput");
    }
}
