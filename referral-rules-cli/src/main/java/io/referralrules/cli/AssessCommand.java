package io.referralrules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.Detail;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.NextAction;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.book.BookAssessor;
import io.referralrules.book.BookFile;
import io.referralrules.book.BookResult;
import io.referralrules.book.BookSummary;
import io.referralrules.book.ReportCardBuilder;
import io.referralrules.book.ReportCardHtml;
import io.referralrules.book.ReportCardJson;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.AssessmentWriter;
import io.referralrules.json.PolicyJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 130,
        description = {"Assesses every customer of a book as of one day and prints one line (or one JSON document) per customer,",
                "then a summary line on standard error. Invalid entries are reported with their customer id and place; the rest",
                "of the book is assessed."},
        footer = {"", "Book files:",
                "  .json    {\"schemaVersion\": 1, \"teams\": {\"rep-01\": \"North\"}, \"customers\": [ <snapshot>, ... ]}",
                "  .ndjson  one snapshot per line (the snapshot JSON of docs/schema/snapshot.schema.json); - reads it from standard input",
                "", "Examples:",
                "  referral-rules assess samples/sample-book.json --as-of 2026-06-15 --report-card card.html",
                "  referral-rules assess book.ndjson --playbook post-sale-momentum --policy tenants/acme.json --format ndjson > answers.ndjson",
                "  referral-rules assess book.ndjson --detail decision --format ndjson --output decisions.ndjson --no-progress",
                "", "Output (json, ndjson): one document per customer, on one line.",
                "  --detail full      the assessment (docs/schema/assessment.schema.json): the decision and its explanations",
                "  --detail decision  the decision only (docs/schema/decision.schema.json): schemaVersion, customerId, asOf, playbook,",
                "                     stage, stageReason, trustEarned, trustBuilders, actions, warnings; no whyNot, earliestAsk,",
                "                     reasons, firedRules. The table and the report card are the same at both levels.",
                "", "Exit codes: 0 all assessed, 1 some entries invalid (the rest assessed), 2 usage error or unreadable input."})
final class AssessCommand implements Callable<Integer> {
    private static final int MAX_LISTED_FAILURES = 1000;

    enum Format { table, json, ndjson }

    enum DetailLevel {
        full(Detail.FULL), decision(Detail.DECISION);

        final Detail detail;

        DetailLevel(Detail detail) {
            this.detail = detail;
        }
    }

    @Parameters(index = "0", paramLabel = "BOOK", description = "The book: a .json or .ndjson file, or - for NDJSON on standard input.")
    String book;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The assessment day, yyyy-mm-dd (default: today).")
    LocalDate asOf;

    @Option(names = "--playbook", paramLabel = "ID", defaultValue = "earned-trust",
            description = "earned-trust or post-sale-momentum (default ${DEFAULT-VALUE}).")
    String playbook;

    @Option(names = "--policy", paramLabel = "FILE", description = "A JSON policy file: thresholds that differ from the playbook's defaults.")
    Path policy;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or ndjson (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--detail", paramLabel = "LEVEL", defaultValue = "full",
            description = "full (the assessment with its explanations) or decision (the decision only, faster; default ${DEFAULT-VALUE}).")
    DetailLevel detail;

    @Option(names = "--report-card", paramLabel = "FILE.html", description = "Writes the report card as a self-contained HTML page.")
    Path reportCard;

    @Option(names = "--report-card-json", paramLabel = "FILE.json", description = "Writes the report card as JSON.")
    Path reportCardJson;

    @Option(names = "--teams", paramLabel = "FILE", description = "A JSON object of owner id to team, for the report card (adds to the book's own).")
    Path teamsFile;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that assess at once (default: the number of processors).")
    Integer threads;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the results (default: standard output).")
    Path output;

    @Option(names = "--no-progress", description = "Never show the progress bar (it only shows on a terminal, after a second).")
    boolean noProgress;

    PrintStream err = System.err;

    @Override
    public Integer call() {
        LocalDate day = asOf != null ? asOf : LocalDate.now();
        try {
            Map<String, String> teams = new HashMap<>();
            Playbook chosen = Playbook.byId(playbook);
            ReadinessPolicy thresholds = policy == null ? chosen.defaults() : PolicyJson.read(policy, chosen.defaults());
            ReferralReadinessEngine engine = ReferralRules.engine(chosen, thresholds);
            if (teamsFile != null) {
                teams.putAll(readTeams(teamsFile));
            }
            return assess(day, engine, teams);
        } catch (InvalidInputException e) {
            err.println("referral-rules: " + e.getMessage());
            return Main.UNUSABLE;
        } catch (IOException | UncheckedIOException e) {
            err.println("referral-rules: cannot read " + describe(e));
            return Main.UNUSABLE;
        }
    }

    private int assess(LocalDate day, ReferralReadinessEngine engine, Map<String, String> teams) throws IOException {
        long total = -1;
        try (BookFile entries = open(); OutputStream out = Outputs.stream(output)) {
            Output writer = new Output(out, format, detail.detail);
            boolean showProgress = !noProgress && System.console() != null;
            if (showProgress && !book.equals("-") && book.endsWith(".ndjson")) {
                // only the progress bar uses the total; counting reads the whole file once more
                total = countLines(Path.of(book));
            }
            teams.putAll(entries.teams());
            ReportCardBuilder card = new ReportCardBuilder(day, engine.policy(), engine.playbook(), teams);
            ProgressBar bar = new ProgressBar(err, showProgress);
            long started = System.nanoTime();
            long[] listed = {0};
            BookAssessor assessor = BookAssessor.builder(engine)
                    .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                    .detail(detail.detail)
                    .onProgress(500, bar::update)
                    .build();
            writer.start();
            BookSummary summary = assessor.assessEntries(entries.entries(), total, day, writer::render, (result, text) -> {
                if (result.failed()) {
                    if (listed[0]++ < MAX_LISTED_FAILURES) {
                        bar.clear();
                        err.println("invalid: " + (result.customerId() == null ? "(no customer id)" : result.customerId())
                                + " at " + result.location() + ": " + result.problem());
                    }
                    return;
                }
                card.add(result.snapshot(), result.assessment());
                writer.write(text);
            });
            writer.finish();
            bar.clear();
            if (listed[0] > MAX_LISTED_FAILURES) {
                err.println("invalid: " + (listed[0] - MAX_LISTED_FAILURES) + " more not listed");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (reportCard != null) {
                createParent(reportCard);
                Files.writeString(reportCard, ReportCardHtml.render(card.build()), StandardCharsets.UTF_8);
            }
            if (reportCardJson != null) {
                createParent(reportCardJson);
                Files.writeString(reportCardJson, ReportCardJson.write(card.build()), StandardCharsets.UTF_8);
            }
            err.println(summaryLine(summary, engine, seconds));
            if (reportCard != null) {
                err.println("Report card: " + reportCard.toAbsolutePath().normalize());
            }
            return summary.failed() > 0 ? Main.SOME_INVALID : Main.OK;
        }
    }

    private BookFile open() throws IOException {
        if (book.equals("-")) {
            return BookFile.open("-", System.in);
        }
        InputStream in = Files.newInputStream(Path.of(book));
        return BookFile.open(book, in);
    }


    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static long countLines(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.lines().filter(l -> !l.isBlank()).count();
        }
    }

    private static Map<String, String> readTeams(Path file) throws IOException {
        JsonNode node = new ObjectMapper().readTree(file.toFile());
        Map<String, String> teams = new HashMap<>();
        if (node == null || !node.isObject()) {
            String problem = "must be a JSON object of owner id to team name";
            throw new InvalidInputException(file + ": $ " + problem, "$", problem);
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (!e.getValue().isTextual()) {
                String problem = "must be a team name, was " + e.getValue();
                throw new InvalidInputException(file + ": $." + e.getKey() + " " + problem, "$." + e.getKey(), problem);
            }
            teams.put(e.getKey(), e.getValue().asText());
        }
        return teams;
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        return e.getMessage();
    }

    static String summaryLine(BookSummary s, ReferralReadinessEngine engine, double seconds) {
        String stages = s.byStage().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Assessed %,d customers as of %s under %s in %.1f s (%,.0f/s): %,d ok, %,d invalid%s. %s",
                s.total(), s.asOf(), engine.playbook(), seconds, seconds > 0 ? s.total() / seconds : 0.0, s.assessed(),
                s.failed(), s.cancelled() ? ", cancelled" : "", stages.isEmpty() ? "" : "Stages: " + stages + ".");
    }

    /**
     * Writes results in the chosen format, in book order. Each result is rendered as the bytes of its output on the
     * worker that decided it ({@link #render}: JSON through a streaming generator, one per worker thread, or a table
     * line); the calling thread only copies those bytes out, with the separators of the format.
     */
    private static final class Output {
        private final OutputStream out;
        private final Format format;
        private final Detail detail;
        private final ThreadLocal<Renderer> renderers = ThreadLocal.withInitial(Renderer::new);
        private boolean first = true;

        Output(OutputStream out, Format format, Detail detail) {
            this.out = out;
            this.format = format;
            this.detail = detail;
        }

        void start() throws IOException {
            if (format == Format.table) {
                raw(String.format(Locale.ROOT, "%-12s %-10s %-22s %-52s %s%n", "CUSTOMER", "OWNER", "STAGE", "NEXT ACTION", "WARNINGS"));
            } else if (format == Format.json) {
                raw("[");
            }
        }

        /** The result's output as UTF-8 bytes (a JSON document, with its line end in NDJSON; a table line); called on the workers. */
        byte[] render(BookResult result) {
            if (result.failed()) {
                return null;
            }
            ReadinessAssessment a = result.assessment();
            String text = switch (format) {
                case table -> String.format(Locale.ROOT, "%-12s %-10s %-22s %-52s %d%n", a.customerId(),
                        result.snapshot().customer().ownerId(), a.stage(), next(a), a.warnings().size());
                case ndjson -> renderers.get().json(a, "\n");
                case json -> renderers.get().json(a, "");
            };
            return text.getBytes(StandardCharsets.UTF_8);
        }

        void write(byte[] rendered) {
            try {
                if (format == Format.json) {
                    raw(first ? "\n" : ",\n");
                }
                out.write(rendered);
                first = false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish() throws IOException {
            if (format == Format.json) {
                raw(first ? "]\n" : "\n]\n");
            }
            out.flush();
        }

        private void raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }

        /** One worker's JSON writer, on a text buffer it reuses. */
        private final class Renderer {
            private final StringWriter text = new StringWriter(8192);
            private final AssessmentWriter json;

            Renderer() {
                try {
                    json = AssessmentWriter.lines(text, detail);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            String json(ReadinessAssessment a, String end) {
                try {
                    text.getBuffer().setLength(0);
                    json.write(a);
                    json.writeRaw(end);
                    json.flush();
                    return text.toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private static String next(ReadinessAssessment a) {
            if (a.actions().isEmpty()) {
                return a.stage() == Stage.NO_RELATIONSHIP ? "-" : "(wait)";
            }
            NextAction first = a.actions().get(0);
            return first.type() + " " + first.dueDate() + (first.overdue() ? " (late " + first.overdueDays() + "d)" : "");
        }
    }
}
