package io.referralrules.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.Limits;
import io.referralrules.api.Detail;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.book.BookAssessor;
import io.referralrules.book.BookFile;
import io.referralrules.book.BookResult;
import io.referralrules.json.AssessmentWriter;
import io.referralrules.json.ReferralJson;
import io.referralrules.json.ReplayJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The five endpoints, all for the request's tenant. Bodies are read and written with the JSON contract's own code
 * ({@link ReferralJson}, {@link AssessmentWriter}), so an answer is byte for byte what the library writes.
 */
@RestController
@EnableConfigurationProperties(BatchSpoolProperties.class)
class ReadinessController {
    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    /** The request attribute holding how many customers a request carried, for the request log line. */
    static final String ENTRIES_ATTRIBUTE = ReadinessController.class.getName() + ".entries";
    private static final String BATCH_NAME = "batch.ndjson";
    private static final ObjectMapper TREES = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory LINES = new JsonFactory();

    private final ServerProperties properties;
    private final Tenancy tenancy;
    private final Metrics metrics;
    private final BatchSpoolProperties spool;

    ReadinessController(ServerProperties properties, Tenancy tenancy, Metrics metrics, BatchSpoolProperties spool) {
        this.properties = properties;
        this.tenancy = tenancy;
        this.metrics = metrics;
        this.spool = spool;
    }

    @PostMapping(path = "/v1/assessments", consumes = JSON, produces = JSON)
    void assess(HttpServletRequest request, HttpServletResponse response,
                @RequestParam(name = "asOf", required = false) String asOf,
                @RequestParam(name = "detail", required = false) String detail)
            throws IOException {
        String endpoint = "assessments";
        Timer.Sample time = metrics.start();
        TenantRegistry.Tenant tenant = tenancy.of(request);
        LocalDate day = day(asOf, endpoint);
        Detail level = detail(detail, endpoint);
        CustomerSnapshot snapshot = snapshot(request, endpoint);
        ReadinessAssessment assessment = tenant.engine().assess(snapshot, day, level);
        metrics.assessed(assessment);
        request.setAttribute(ENTRIES_ATTRIBUTE, 1L);
        write(response, JSON, level == Detail.FULL ? ReferralJson.writeAssessment(assessment)
                : ReferralJson.writeDecision(assessment));
        metrics.stop(time, endpoint);
    }

    @PostMapping(path = "/v1/assessments:batch", consumes = NDJSON, produces = NDJSON)
    void assessBatch(HttpServletRequest request, HttpServletResponse response,
                     @RequestParam(name = "asOf", required = false) String asOf,
                     @RequestParam(name = "detail", required = false) String detail,
                     @RequestParam(name = "duplex", required = false) String duplex)
            throws IOException {
        String endpoint = "assessments:batch";
        Timer.Sample time = metrics.start();
        TenantRegistry.Tenant tenant = tenancy.of(request);
        LocalDate day = day(asOf, endpoint);
        Detail level = detail(detail, endpoint);
        boolean answerWhileReading = duplex(duplex, endpoint);
        long maxBatch = properties.maxBatchBytes().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > maxBatch) {
            throw Bodies.tooLarge(declared + " bytes", maxBatch, "max-batch-bytes");
        }
        Bodies.Limited body = new Bodies.Limited(request.getInputStream(), maxBatch);
        long maxLine = Math.min(properties.maxBodyBytes().toBytes(), BookFile.LARGEST_MAX_ENTRY_BYTES);
        response.setStatus(200);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        ThreadLocal<Lines> lines = ThreadLocal.withInitial(() -> new Lines(level));
        String overLimit = new Bodies.OverLimit(maxBatch).getMessage();
        BookFile opened;
        try {
            opened = BookFile.open(BATCH_NAME, body, maxLine);
        } catch (Bodies.OverLimit e) {
            // over the limit before the first answer (the reader reads ahead): nothing is written yet
            throw Bodies.tooLarge(null, maxBatch, "max-batch-bytes");
        }
        long[] written = {0};
        // answers never wait on the client: a writer thread sends them while the client reads, and what the client
        // has not read yet waits in a bounded buffer, then in the spool
        try (BookFile book = opened;
             SpoolingOutput answers = new SpoolingOutput(out, spool.batchSpoolDirectory(),
                     spool.maxBatchSpoolBytes().toBytes(), SpoolingOutput.MEMORY_BYTES, !answerWhileReading)) {
            BookAssessor assessor = BookAssessor.builder(tenant.engine()).detail(level).build();
            try {
                assessor.assessEntries(book.entries(), -1, day,
                        result -> result.failed() ? null : lines.get().line(result.assessment()),
                        (BookResult result, byte[] line) -> {
                            try {
                                if (result.failed()) {
                                    // the reader reads ahead: lines read before the limit was crossed keep their own problem
                                    byte[] error = body.overLimit() && result.problem().contains(overLimit)
                                            ? errorLine(null, result.location(), overLimit
                                                    + "; the rest of the batch is not read")
                                            : errorLine(result.customerId(), result.location(), result.problem());
                                    answers.write(error);
                                    metrics.invalid(endpoint);
                                } else {
                                    answers.write(line);
                                    metrics.assessed(result.assessment());
                                }
                                written[0]++;
                            } catch (SpoolingOutput.SpoolFull e) {
                                throw new SpoolFullStop(result.location(), e);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            } catch (SpoolFullStop stop) {
                // the client does not read: its answer so far, then an error line in the place of the entry that did
                // not fit; the rest of the body is read and dropped (up to max-batch-bytes), so that a client that
                // sends its whole body before reading gets to read them
                answers.writeLast(errorLine(null, stop.location, stop.getCause().getMessage()
                        + "; the rest of the batch is not read"));
                written[0]++;
                try {
                    body.transferTo(OutputStream.nullOutputStream());
                } catch (Bodies.OverLimit e) {
                    // not read to its end: the connection is closed below
                }
            }
            answers.finish();
        }
        request.setAttribute(ENTRIES_ATTRIBUTE, written[0]);
        if (body.overLimit()) {
            // the body is not read to its end: the answer ends here, complete, and the connection is not reused
            request.setAttribute(ConnectionClose.ATTRIBUTE, Boolean.TRUE);
        }
        out.close();
        metrics.stop(time, endpoint);
    }

    /** Ends a batch's run at the first answer that does not fit in the spool. */
    private static final class SpoolFullStop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String location;

        SpoolFullStop(String location, SpoolingOutput.SpoolFull cause) {
            super(cause.getMessage(), cause, false, false);
            this.location = location;
        }
    }

    @PostMapping(path = "/v1/records", consumes = JSON, produces = JSON)
    void record(HttpServletRequest request, HttpServletResponse response,
                @RequestParam(name = "asOf", required = false) String asOf)
            throws IOException {
        String endpoint = "records";
        Timer.Sample time = metrics.start();
        TenantRegistry.Tenant tenant = tenancy.of(request);
        LocalDate day = day(asOf, endpoint);
        CustomerSnapshot snapshot = snapshot(request, endpoint);
        DecisionRecord record = tenant.engine().record(snapshot, day);
        metrics.assessed(record.assessment());
        request.setAttribute(ENTRIES_ATTRIBUTE, 1L);
        write(response, JSON, ReferralJson.writeRecord(record));
        metrics.stop(time, endpoint);
    }

    @PostMapping(path = "/v1/records:replay", consumes = JSON, produces = JSON)
    void replay(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String endpoint = "records:replay";
        Timer.Sample time = metrics.start();
        TenantRegistry.Tenant tenant = tenancy.of(request);
        byte[] bytes = Bodies.read(request, properties.maxBodyBytes().toBytes());
        DecisionRecord record;
        try {
            record = ReferralJson.readRecord(ReferralJson.decodeUtf8(bytes, "body"), "body");
        } catch (io.referralrules.api.InvalidInputException e) {
            metrics.invalid(endpoint);
            throw e;
        }
        request.setAttribute(ENTRIES_ATTRIBUTE, 1L);
        write(response, JSON, ReplayJson.write(tenant.engine().replay(record)));
        metrics.stop(time, endpoint);
    }

    /**
     * The tenant's playbook on one line: {@code tenant}, {@code playbook} ({@code id}, {@code version}),
     * {@code hostRules}, {@code rulesHash} and {@code policyHash} (as in its decision records), and {@code policy}, every
     * threshold as {@link io.referralrules.json.PolicyJson#write} gives it.
     */
    @GetMapping(path = "/v1/playbooks", produces = JSON)
    void playbooks(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TenantRegistry.Tenant tenant = tenancy.of(request);
        var out = TREES.createObjectNode();
        out.put("tenant", tenant.id());
        var playbook = out.putObject("playbook");
        playbook.put("id", tenant.engine().playbook().id());
        playbook.put("version", tenant.engine().playbook().version());
        out.put("hostRules", tenant.hostRules());
        out.put("rulesHash", tenant.rulesHash());
        out.put("policyHash", tenant.policyHash());
        JsonNode policy = TREES.readTree(tenant.policyJson());
        out.set("policy", policy);
        write(response, JSON, TREES.writeValueAsString(out) + "\n");
    }

    private CustomerSnapshot snapshot(HttpServletRequest request, String endpoint) throws IOException {
        byte[] bytes = Bodies.read(request, properties.maxBodyBytes().toBytes());
        try {
            return ReferralJson.readSnapshot(ReferralJson.decodeUtf8(bytes, "body"), "body");
        } catch (io.referralrules.api.InvalidInputException e) {
            metrics.invalid(endpoint);
            throw e;
        }
    }

    private LocalDate day(String asOf, String endpoint) {
        if (asOf == null) {
            return LocalDate.now(properties.businessZone());
        }
        try {
            if (asOf.length() != 10) {
                throw new DateTimeParseException("not yyyy-mm-dd", asOf, 0);
            }
            LocalDate day = LocalDate.parse(asOf);
            if (day.isBefore(Limits.EARLIEST_DATE) || day.isAfter(Limits.LATEST_DATE)) {
                // refused here, before a batch's answer starts (else every line would be an error line, and a
                // single request's 400 would not count as an invalid input)
                metrics.invalid(endpoint);
                throw new ProblemException(Problems.of(400, "Bad Request", "the query parameter asOf must be between "
                        + Limits.EARLIEST_DATE + " and " + Limits.LATEST_DATE + ", was " + day).withPath("asOf"));
            }
            return day;
        } catch (DateTimeParseException e) {
            metrics.invalid(endpoint);
            throw new ProblemException(Problems.of(400, "Bad Request", "the query parameter asOf must be a date"
                    + " (yyyy-mm-dd)").withPath("asOf"));
        }
    }

    /**
     * Whether the batch's answers start while the body is still being read ({@code duplex=true}: for clients that read
     * while they send, such as curl); by default they start once the body is read, so a client that sends everything
     * before reading (most HTTP libraries) never has the server waiting on it.
     */
    private boolean duplex(String duplex, String endpoint) {
        if (duplex == null || duplex.equals("false")) {
            return false;
        }
        if (duplex.equals("true")) {
            return true;
        }
        metrics.invalid(endpoint);
        throw new ProblemException(Problems.of(400, "Bad Request", "the query parameter duplex must be true or false")
                .withPath("duplex"));
    }

    private Detail detail(String detail, String endpoint) {
        if (detail == null || detail.equals("full")) {
            return Detail.FULL;
        }
        if (detail.equals("decision")) {
            return Detail.DECISION;
        }
        metrics.invalid(endpoint);
        throw new ProblemException(Problems.of(400, "Bad Request", "the query parameter detail must be full or decision")
                .withPath("detail"));
    }

    private static void write(HttpServletResponse response, String type, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A failed entry's line: its customer id (when it shows one), its place in the batch, and the problem. */
    private static byte[] errorLine(String customerId, String location, String problem) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (JsonGenerator g = LINES.createGenerator(line)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", ReferralJson.SCHEMA_VERSION);
            if (customerId != null) {
                g.writeStringField("customerId", customerId);
            }
            g.writeStringField("location", location);
            g.writeStringField("error", problem);
            g.writeEndObject();
        }
        line.write('\n');
        return line.toByteArray();
    }

    /** One worker's NDJSON writer, on a buffer it reuses. */
    private static final class Lines {
        private final StringWriter text = new StringWriter(8192);
        private final AssessmentWriter json;

        Lines(Detail detail) {
            try {
                json = AssessmentWriter.lines(text, detail);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] line(ReadinessAssessment a) {
            try {
                text.getBuffer().setLength(0);
                json.write(a);
                json.writeRaw("\n");
                json.flush();
                return text.toString().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
