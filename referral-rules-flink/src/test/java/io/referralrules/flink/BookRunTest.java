package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.book.BookAssessor;
import io.referralrules.book.BookSummary;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly full run: the job in BATCH mode over a generated book gives BookAssessor's answers, byte for byte. */
class BookRunTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = Clusters.miniCluster();

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final int CUSTOMERS = Integer.getInteger("referralrules.flink.bookCustomers", 100_000);

    @TempDir
    Path folder;

    @Test
    void batchRunOverAGeneratedBookEqualsBookAssessor() throws Exception {
        long seed = Clusters.seed(42);
        SampleBook sample = new SampleBook(seed, AS_OF);
        Path book = folder.resolve("book.ndjson");
        Map<String, String> expected = new HashMap<>();
        try (Stream<CustomerSnapshot> customers = sample.customers(CUSTOMERS);
             BufferedWriter out = Files.newBufferedWriter(book, StandardCharsets.UTF_8)) {
            for (CustomerSnapshot snapshot : (Iterable<CustomerSnapshot>) customers::iterator) {
                out.write(ReferralJson.writeBookEntry(snapshot));
                out.newLine();
            }
        }
        List<String> failures = new ArrayList<>();
        BookSummary summary;
        try (Stream<CustomerSnapshot> customers = sample.customers(CUSTOMERS)) {
            summary = BookAssessor.builder(ReferralRules.engine()).threads(2).detail(Detail.DECISION).build()
                    .assess(customers, AS_OF, result -> {
                        if (result.failed()) {
                            failures.add(result.customerId());
                        } else {
                            expected.put(result.customerId(), sha256(ReferralJson.writeDecisionLine(result.assessment())));
                        }
                    });
        }
        assertThat(failures).as("seed %d", seed).isEmpty();
        assertThat(expected).as("seed %d", seed).hasSize(CUSTOMERS);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);
        ReadinessJob.Outputs job = ReadinessJob.answers(ReadinessJob.lines(env, book.toString()), "book.ndjson", true,
                JobSettings.book(AS_OF).withDetail(Detail.DECISION));
        Map<String, String> actual = new HashMap<>();
        List<String> twice = new ArrayList<>();
        try (CloseableIterator<String> answers = job.answers().executeAndCollect("book run")) {
            while (answers.hasNext()) {
                String line = answers.next();
                String id = FactEvents.customerIdOf(line).orElseThrow();
                if (actual.put(id, sha256(line)) != null) {
                    twice.add(id);
                }
            }
        }
        assertThat(twice).as("customers answered twice, seed %d", seed).isEmpty();
        assertThat(actual.keySet()).as("seed %d", seed).isEqualTo(expected.keySet());
        List<String> different = expected.keySet().stream().filter(id -> !expected.get(id).equals(actual.get(id))).sorted().toList();
        assertThat(different).as("customers whose answer differs from BookAssessor's, seed %d (summary %s)", seed, summary).isEmpty();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
