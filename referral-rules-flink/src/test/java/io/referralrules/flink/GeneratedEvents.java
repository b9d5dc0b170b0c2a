package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.facts.Fact;
import io.referralrules.book.SampleBook;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A CRM's history as fact events: each customer of a generated book upserted, then each of its facts added, one
 * second apart from the day before {@code asOf} on (a CRM loading its history into the job).
 */
final class GeneratedEvents {
    private GeneratedEvents() {
    }

    static List<String> of(long seed, LocalDate asOf, int customers) {
        List<String> lines = new ArrayList<>();
        Instant start = asOf.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Stream<CustomerSnapshot> book = new SampleBook(seed, asOf).customers(customers)) {
            for (CustomerSnapshot snapshot : (Iterable<CustomerSnapshot>) book::iterator) {
                lines.add(FactEvents.write(FactEvent.upserted(snapshot.customer(), start.plusSeconds(lines.size()))));
                for (Fact fact : (Iterable<Fact>) snapshot.facts()::iterator) {
                    lines.add(FactEvents.write(FactEvent.added(snapshot.customer().id(), fact, start.plusSeconds(lines.size()))));
                }
            }
        }
        return lines;
    }

    /**
     * The lines as a source of parallelism 1 (a customer's events stay in order) that emits at most {@code perCheckpoint}
     * lines between two completed checkpoints, so a failure or a savepoint falls mid-stream.
     */
    static DataStream<String> paced(StreamExecutionEnvironment env, List<String> lines, int perCheckpoint) {
        ArrayList<String> copy = new ArrayList<>(lines);
        DataGeneratorSource<String> source = new DataGeneratorSource<>(index -> copy.get(index.intValue()), copy.size(),
                RateLimiterStrategy.perCheckpoint(perCheckpoint), Types.STRING);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "events").setParallelism(1).uid("generated-events");
    }
}
