package io.referralrules.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure injected mid-stream with checkpointing on: the job restarts from its last checkpoint and the final answer
 * of every customer is the one a run without the failure gives (nothing lost, no customer stuck).
 */
class FailureAndRestartTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = Clusters.miniCluster();

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final int CUSTOMERS = 120;
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger OPENED = new AtomicInteger();

    @Test
    void aFailureMidStreamChangesNoFinalAnswer() throws Exception {
        long seed = Clusters.seed(7);
        List<String> events = GeneratedEvents.of(seed, AS_OF, CUSTOMERS);

        Map<String, String> withoutFailure = finalAnswers(run(events, Integer.MAX_VALUE));
        FAILED.set(false);
        OPENED.set(0);
        Map<String, String> withFailure = finalAnswers(run(events, events.size() * 3 / 5));

        assertThat(FAILED).as("the failure was injected, seed %d", seed).isTrue();
        assertThat(OPENED.get()).as("the failing step was started again after the failure, seed %d", seed).isGreaterThanOrEqualTo(2);
        assertThat(withoutFailure).as("seed %d", seed).hasSize(CUSTOMERS);
        assertThat(withFailure).as("final answer per customer, seed %d", seed).isEqualTo(withoutFailure);
    }

    private static Collected run(List<String> events, int failAt) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(50);
        DataStream<String> lines = GeneratedEvents.paced(env, events, 200).map(new FailOnce(failAt)).setParallelism(1);
        return Collected.run(ReadinessJob.answers(lines, "events", false, JobSettings.replay(ZoneOffset.UTC, AS_OF.plusDays(2))),
                "failure and restart");
    }

    /** The last answer each customer was given. */
    static Map<String, String> finalAnswers(Collected run) {
        assertThat(run.rejected()).as("rejected lines (first 3 of %d): %s", run.rejected().size(),
                run.rejected().stream().limit(3).toList()).isEmpty();
        Map<String, String> last = new LinkedHashMap<>();
        run.answers().forEach(line -> last.put(FactEvents.customerIdOf(line).orElseThrow(), line));
        return last;
    }

    /** Passes lines on, and fails once, at the given line, when no failure has been injected yet. */
    static final class FailOnce extends RichMapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private final int failAt;
        private int seen;

        FailOnce(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void open(OpenContext context) {
            OPENED.incrementAndGet();
        }

        @Override
        public String map(String line) {
            if (++seen >= failAt && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("failure injected by the test at line " + seen);
            }
            return line;
        }
    }
}
