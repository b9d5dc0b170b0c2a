package io.referralrules.flink;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round trip through a real Kafka broker: Apache Kafka 4.2 in KRaft mode, started by the test in a JVM of its own on
 * 127.0.0.1 (storage formatted first). Fact events produced keyed by customer id are read by the job's Kafka source,
 * and its answers, written by the Kafka sink keyed by customer id, are the answers the same events give from memory.
 */
class KafkaRoundTripTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = Clusters.miniCluster();

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path folder;
    private static Process broker;
    private static String servers;

    @BeforeAll
    static void startBroker() throws Exception {
        int port = freePort();
        int controller = freePort();
        servers = "127.0.0.1:" + port;
        Path config = folder.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + folder.resolve("data"),
                "num.partitions=2",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=2",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false", ""));
        Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())
                .redirectOutput(folder.resolve("format.log").toFile()).redirectErrorStream(true).start();
        assertThat(format.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("storage formatted in time").isTrue();
        assertThat(format.exitValue()).as("formatting storage: %s", Files.readString(folder.resolve("format.log"))).isZero();
        broker = java("kafka.Kafka", config.toString()).redirectOutput(folder.resolve("broker.log").toFile())
                .redirectErrorStream(true).start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                assertThat(broker.isAlive()).as("the broker runs: %s", tail(folder.resolve("broker.log"))).isTrue();
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    break;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    assertThat(System.nanoTime()).as("the broker answers within %s", PATIENCE).isLessThan(deadline);
                }
            }
            admin.createTopics(List.of(new NewTopic("fact-events", 2, (short) 1), new NewTopic("readiness", 2, (short) 1)))
                    .all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    @Test
    void factEventsFromATopicGiveTheSameAnswersOnATopicKeyedByCustomer() throws Exception {
        long seed = Clusters.seed(13);
        List<String> events = GeneratedEvents.of(seed, AS_OF, 60);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (String event : events) {
                producer.send(new ProducerRecord<>("fact-events", FactEvents.customerIdOf(event).orElseThrow(), event));
            }
            producer.flush();
        }

        StreamExecutionEnvironment memory = StreamExecutionEnvironment.getExecutionEnvironment();
        memory.setParallelism(2);
        Collected expected = Collected.run(ReadinessJob.answers(memory.fromData(events).setParallelism(1), "events", false,
                settings()), "from memory");
        Map<String, String> expectedFinal = FailureAndRestartTest.finalAnswers(expected);

        QueueSink.LINES.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ReadinessJob.Outputs out = ReadinessJob.answers(KafkaIo.linesUpToNow(env, servers, "fact-events", "round-trip"),
                "fact-events", false, settings());
        KafkaIo.toTopic(out.answers(), servers, "readiness");
        out.rejected().sinkTo(new QueueSink("R")).uid("rejected-queue");
        env.execute("kafka round trip");
        assertThat(QueueSink.LINES).as("rejected, seed %d", seed).isEmpty();

        List<ConsumerRecord<String, String>> answers = new ArrayList<>();
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "round-trip-check");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of("readiness"));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (answers.size() < expected.answers().size() && System.nanoTime() < deadline) {
                reader.poll(Duration.ofSeconds(1)).forEach(answers::add);
            }
        }
        assertThat(answers).as("answers on the topic, seed %d", seed).hasSize(expected.answers().size());
        Map<String, String> last = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : answers) {
            assertThat(record.key()).isEqualTo(FactEvents.customerIdOf(record.value()).orElseThrow());
            last.put(record.key(), record.value());
        }
        assertThat(last).as("final answer per customer, seed %d", seed).isEqualTo(expectedFinal);
    }

    private static JobSettings settings() {
        return JobSettings.replay(ZoneOffset.UTC, AS_OF.plusDays(2));
    }

    private static ProcessBuilder java(String main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(folder.toFile());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
