package io.referralrules.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.charset.StandardCharsets;

/**
 * Kafka in and out, through Flink's Kafka connector: fact events from a topic (values are the events' JSON, UTF-8;
 * the consumer group's committed offsets, else the earliest), answers to a topic keyed by customer id (at least
 * once: a consumer keeps the last answer per key).
 */
public final class KafkaIo {
    private KafkaIo() {
    }

    /** The lines of a topic, from the group's committed offsets (the earliest when it has none). */
    public static DataStream<String> lines(StreamExecutionEnvironment env, String servers, String topic, String group) {
        return lines(env, source(servers, topic, group).setStartingOffsets(OffsetsInitializer.committedOffsets(
                org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST)), topic);
    }

    /**
     * What a topic holds now, from its earliest offsets to its latest when the job starts, then the source ends: a
     * bounded replay of history (and the round-trip test's input).
     */
    public static DataStream<String> linesUpToNow(StreamExecutionEnvironment env, String servers, String topic, String group) {
        return lines(env, source(servers, topic, group).setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest()), topic);
    }

    /** A source of a topic's values as UTF-8 lines, for a consumer group; where it starts and ends is the caller's. */
    private static KafkaSourceBuilder<String> source(String servers, String topic, String group) {
        return KafkaSource.<String>builder()
                .setBootstrapServers(servers)
                .setTopics(topic)
                .setGroupId(group)
                .setValueOnlyDeserializer(new SimpleStringSchema());
    }

    private static DataStream<String> lines(StreamExecutionEnvironment env, KafkaSourceBuilder<String> source, String topic) {
        return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "kafka " + topic).uid("kafka-source");
    }

    /** Writes answer lines to a topic, keyed by the customer id each line names. */
    public static void toTopic(DataStream<String> answers, String servers, String topic) {
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(servers)
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(new CustomerKey())
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
        answers.sinkTo(sink).uid("kafka-sink").name("kafka " + topic);
    }

    /** The customer id of an answer line, as the record's key. */
    static final class CustomerKey implements SerializationSchema<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(String line) {
            return FactEvents.customerIdOf(line).orElseThrow(() -> new IllegalArgumentException("an answer line without a customerId"))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
