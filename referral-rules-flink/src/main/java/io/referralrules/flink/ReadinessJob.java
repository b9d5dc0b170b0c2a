package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.book.BookFile;
import io.referralrules.book.BookItem;
import io.referralrules.json.ReferralJson;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The job: CRM fact events (or a book's snapshots) in, one JSON line per changed answer out. {@link #answers} wires
 * the pipeline onto any stream of lines; {@link #main} runs it on files (and Kafka, see {@link KafkaIo}), locally
 * when started from a build, on a cluster when the job jar is given to {@code flink run}.
 *
 * <pre>{@code
 * ReadinessJob.Outputs out = ReadinessJob.answers(lines, "events", false, JobSettings.live(ZoneId.of("Europe/Berlin")));
 * out.answers().sinkTo(...);   // one assessment (JSON contract) per changed answer
 * out.rejected().sinkTo(...);  // {"customerId":…,"problem":…} per line that could not be applied
 * }</pre>
 */
public final class ReadinessJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessJob.class);
    /** How far out of order event times may be when replaying history. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);

    private ReadinessJob() {
    }

    /**
     * The job's two outputs.
     *
     * @param answers  one JSON line (the JSON contract's assessment, or decision at {@link Detail#DECISION}) each time
     *                 a customer's answer changes (with {@link JobSettings.Clock#BOOK}, one per customer)
     * @param rejected one JSON line per input line that could not be read or applied
     */
    public record Outputs(DataStream<String> answers, DataStream<String> rejected) {
    }

    /**
     * Wires the job onto a stream of lines: routed by customer id, assessed in keyed state.
     *
     * @param lines     NDJSON lines: fact events, or snapshots (book entries) when {@code snapshots}
     * @param source    what to call the input in messages
     * @param snapshots whether the lines are whole snapshots rather than fact events
     * @param settings  the clock, zone, playbook and policy
     * @throws IllegalArgumentException when {@code snapshots} are to be replayed in event time (a snapshot has no
     *                                  {@code occurredAt})
     */
    public static Outputs answers(DataStream<String> lines, String source, boolean snapshots, JobSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (snapshots && settings.clock() == JobSettings.Clock.EVENT_TIME) {
            throw new IllegalArgumentException("event time needs fact events (their occurredAt); a book of snapshots"
                    + " runs with the book or the processing clock");
        }
        SingleOutputStreamOperator<Input> inputs = lines.process(new ToInput(source, snapshots))
                .returns(TypeInformation.of(Input.class)).uid("route-by-customer").name("route by customer")
                // as parallel as the lines, so it is chained to them: a customer's lines reach its state in their order
                .setParallelism(lines.getParallelism());
        DataStream<Input> timed = inputs;
        if (settings.clock() == JobSettings.Clock.EVENT_TIME) {
            timed = inputs.assignTimestampsAndWatermarks(WatermarkStrategy.<Input>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                    .withTimestampAssigner((in, previous) -> in.timestamp())).uid("event-time").name("event time");
        }
        SingleOutputStreamOperator<String> answers = timed.keyBy(Input::customerId, Types.STRING)
                .transform("assess readiness", Types.STRING, new ReadinessOperator(new ReadinessFunction(settings)))
                .uid("readiness");
        DataStream<String> rejected = inputs.getSideOutput(ReadinessFunction.REJECTED)
                .union(answers.getSideOutput(ReadinessFunction.REJECTED));
        return new Outputs(answers, rejected);
    }

    /** Lines of a file or folder, through Flink's file connector (bounded). */
    public static DataStream<String> lines(StreamExecutionEnvironment env, String path) {
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(path)).build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "lines of " + new Path(path).getName()).uid("file-source");
    }

    /** Writes lines into a folder through Flink's file connector (part files, committed at checkpoints or the end). */
    public static void toFiles(DataStream<String> lines, String folder, String uid) {
        lines.sinkTo(FileSink.forRowFormat(new Path(folder), new SimpleStringEncoder<String>(StandardCharsets.UTF_8.name()))
                .build()).uid(uid).name("files in " + folder);
    }

    /**
     * Runs the job. Without arguments: the sample book ({@code samples/sample-book.json}) as of 2026-06-15 on a local
     * embedded cluster, answers on standard output. Options ({@code docs/flink.md} lists them all):
     * {@code --book FILE} (a {@code .json} or {@code .ndjson} book) or {@code --events FILE} (NDJSON fact events);
     * {@code --clock book|event|processing}; {@code --as-of DAY}; {@code --until DAY}; {@code --zone ZONE};
     * {@code --playbook ID}; {@code --policy FILE}; {@code --detail full|decision}; {@code --output FOLDER};
     * {@code --rejected FOLDER}; {@code --parallelism N}; Kafka: {@code --kafka-servers HOSTS},
     * {@code --kafka-events TOPIC}, {@code --kafka-answers TOPIC}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (options.containsKey("parallelism")) {
            env.setParallelism(Integer.parseInt(options.get("parallelism")));
        }
        JobSettings settings = settings(options);
        boolean bounded = options.get("kafka-events") == null;
        if (settings.clock() == JobSettings.Clock.BOOK && !bounded) {
            // its answers come out when the input ends, which a Kafka topic never does
            throw new IllegalArgumentException("--clock book needs a bounded input (--book or --events), not --kafka-events");
        }
        if (settings.clock() == JobSettings.Clock.BOOK && bounded) {
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        }
        DataStream<String> lines;
        boolean snapshots;
        String source;
        if (!bounded) {
            lines = KafkaIo.lines(env, options.get("kafka-servers"), options.get("kafka-events"),
                    options.getOrDefault("kafka-group", "referral-rules"));
            snapshots = false;
            source = options.get("kafka-events");
        } else if (options.containsKey("events")) {
            source = options.get("events");
            lines = lines(env, source);
            snapshots = false;
        } else {
            source = options.getOrDefault("book", "samples/sample-book.json");
            lines = lines(env, source.endsWith(".json") ? ndjsonCopy(source) : source);
            snapshots = true;
        }
        Outputs out = answers(lines, source, snapshots, settings);
        if (options.containsKey("kafka-answers")) {
            KafkaIo.toTopic(out.answers(), options.get("kafka-servers"), options.get("kafka-answers"));
        } else if (options.containsKey("output")) {
            toFiles(out.answers(), options.get("output"), "answers-sink");
        } else {
            out.answers().print().uid("answers-print").name("answers on standard output");
        }
        if (options.containsKey("rejected")) {
            toFiles(out.rejected(), options.get("rejected"), "rejected-sink");
        } else {
            out.rejected().printToErr().uid("rejected-print").name("rejected on standard error");
        }
        env.execute("referral-rules readiness (" + settings.clock() + ", " + settings.playbook() + ")");
    }

    static JobSettings settings(Map<String, String> options) throws IOException {
        String clock = options.getOrDefault("clock", options.containsKey("events") || options.containsKey("kafka-events")
                ? "processing" : "book");
        ZoneId zone = ZoneId.of(options.getOrDefault("zone", "UTC"));
        LocalDate asOf = options.containsKey("as-of") ? LocalDate.parse(options.get("as-of"))
                : clock.equals("book") ? LocalDate.of(2026, 6, 15) : null;
        LocalDate until = options.containsKey("until") ? LocalDate.parse(options.get("until")) : null;
        JobSettings.Clock chosen = switch (clock) {
            case "book" -> JobSettings.Clock.BOOK;
            case "event" -> JobSettings.Clock.EVENT_TIME;
            case "processing" -> JobSettings.Clock.PROCESSING_TIME;
            default -> throw new IllegalArgumentException("--clock must be book, event or processing");
        };
        String policy = options.containsKey("policy")
                ? Files.readString(java.nio.file.Path.of(options.get("policy")), StandardCharsets.UTF_8) : null;
        Detail detail = Detail.valueOf(options.getOrDefault("detail", "full").toUpperCase(java.util.Locale.ROOT));
        return new JobSettings(chosen, zone, asOf, until, options.getOrDefault("playbook", "earned-trust"), policy, detail);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs; see docs/flink.md (at argument " + (i + 1) + ")");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    /**
     * A {@code .json} book as a temporary NDJSON file, one snapshot a line, for the file source. The file is written
     * where {@code main} runs: a cluster's task managers do not see it, so a cluster is given an {@code .ndjson} book
     * on a file system they read.
     */
    private static String ndjsonCopy(String book) throws IOException {
        java.nio.file.Path copy = Files.createTempFile("referral-rules-book-", ".ndjson");
        copy.toFile().deleteOnExit();
        long failed = 0;
        try (InputStream in = Files.newInputStream(java.nio.file.Path.of(book));
             BookFile file = BookFile.open(book, in);
             BufferedWriter out = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            while (file.hasNext()) {
                BookItem item = file.next();
                if (item.snapshot() == null) {
                    failed++;
                    LOG.warn("{}: {}", item.location(), item.problem());
                } else {
                    out.write(ReferralJson.writeBookEntry(item.snapshot()));
                    out.newLine();
                }
            }
        }
        if (failed > 0) {
            LOG.warn("{} entries of {} could not be read and are left out", failed, book);
        }
        return copy.toString();
    }

    /** For tests and examples: a snapshot as the line the job reads. */
    static String line(CustomerSnapshot snapshot) {
        return ReferralJson.writeBookEntry(snapshot);
    }
}
