package io.referralrules.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A savepoint taken mid-stream (stop with savepoint) and a new job restored from it: every customer's final answer is
 * the one an uninterrupted run gives, so the keyed state (snapshots, last answers, revisit timers) and the source's
 * position come back whole.
 */
class SavepointTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = Clusters.miniCluster();

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final int CUSTOMERS = 120;

    @TempDir
    Path savepoints;

    @Test
    void aJobRestoredFromASavepointEndsWithTheAnswersOfAnUninterruptedRun() throws Exception {
        long seed = Clusters.seed(11);
        List<String> events = GeneratedEvents.of(seed, AS_OF, CUSTOMERS);
        StreamExecutionEnvironment plain = StreamExecutionEnvironment.getExecutionEnvironment();
        plain.setParallelism(2);
        Collected uninterrupted = Collected.run(ReadinessJob.answers(plain.fromData(events).setParallelism(1), "events", false,
                settings()), "uninterrupted");
        Map<String, String> expected = FailureAndRestartTest.finalAnswers(uninterrupted);

        QueueSink.LINES.clear();
        JobClient first = job(new Configuration(), events).executeAsync("before the savepoint");
        List<String> before = new ArrayList<>();
        while (before.size() < 150) {
            String line = QueueSink.LINES.poll(120, TimeUnit.SECONDS);
            assertThat(line).as("an answer within 2 minutes, seed %d", seed).isNotNull();
            before.add(line);
        }
        String savepoint = first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(120, TimeUnit.SECONDS);
        QueueSink.LINES.drainTo(before);

        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        job(restore, events).execute("restored from the savepoint");
        List<String> after = new ArrayList<>();
        QueueSink.LINES.drainTo(after);

        assertThat(before.size()).as("answers before the savepoint, seed %d", seed).isLessThan(uninterrupted.answers().size());
        assertThat(after).as("answers after the restore, seed %d", seed).isNotEmpty();
        // restored, not started over: the answers given before the savepoint are not given again, and none is lost
        assertThat(before.size() + after.size()).as("answers before and after, seed %d", seed)
                .isEqualTo(uninterrupted.answers().size());
        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(all).as("rejected lines, seed %d", seed).noneMatch(line -> line.startsWith("R"));
        Map<String, String> last = new LinkedHashMap<>();
        all.forEach(line -> last.put(FactEvents.customerIdOf(line.substring(1)).orElseThrow(), line.substring(1)));
        assertThat(last).as("final answer per customer, seed %d", seed).isEqualTo(expected);
    }

    private static JobSettings settings() {
        return JobSettings.replay(ZoneOffset.UTC, AS_OF.plusDays(2));
    }

    private static StreamExecutionEnvironment job(Configuration conf, List<String> events) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        ReadinessJob.Outputs out = ReadinessJob.answers(GeneratedEvents.paced(env, events, 100), "events", false, settings());
        out.answers().sinkTo(new QueueSink("A")).uid("answers-queue");
        out.rejected().sinkTo(new QueueSink("R")).uid("rejected-queue");
        return env;
    }
}
