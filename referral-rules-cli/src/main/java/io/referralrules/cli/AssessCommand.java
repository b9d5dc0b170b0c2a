package io.referralrules.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import io.referralrules.book.BookState;
import io.referralrules.book.IncrementalBook;
import io.referralrules.book.IncrementalResult;
import io.referralrules.book.IncrementalSummary;
import io.referralrules.book.StateFileException;
import io.referralrules.book.BookSummary;
import io.referralrules.book.ReportCardBuilder;
import io.referralrules.book.ReportCardHtml;
import io.referralrules.book.ReportCardJson;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.AssessmentWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 130,
        // the first line is the command's summary in the top-level help: one whole sentence
        description = {"Assesses every customer of a book as of one day.",
                "Prints one line (or one JSON document) per customer, then a summary line on standard error. Invalid entries are",
                "reported with their customer id and place; the rest of the book is assessed."},
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
                "", "Bad entries: an entry that is not a valid snapshot, not UTF-8 or longer than --max-entry-bytes is listed on standard",
                "  error with its customer id (when it shows one) and place (book.ndjson:17, book.json $.customers[16] (line 18)), and",
                "  every other entry is assessed and written. In a .json book, reading goes on after a broken place at the next entry.",
                "", "Output: --output is written beside its file and moved into place at the end, so a failed or interrupted run leaves",
                "  the previous file (or none). Standard output gets whole lines; an interrupt writes out the whole answers held",
                "  (closing a JSON array) and says so on standard error.",
                "", "Incremental runs: --state FILE remembers, per customer, the fingerprint of its entry, its answer's digest and the",
                "  day the answer may change by itself (revisitOn). The next run skips a customer whose entry is byte for byte the same",
                "  and whose revisit day is after --as-of; every other customer is assessed and written. --changed-only writes only",
                "  the answers that differ from the state's (new customers too). A state of another playbook, policy, rule set,",
                "  version or --detail is not used (every customer is assessed, said on standard error); a run with an earlier",
                "  --as-of assesses every customer; a report card makes every customer assessed. The new state is written beside",
                "  FILE and moved into place after the answers, only when the book was read to its end. A customer no longer in the",
                "  book leaves the state and nothing is written for it; an invalid entry gets no row, so it is assessed next time.",
                "  referral-rules assess book.ndjson --as-of 2026-06-16 --state book.state --changed-only --format ndjson --output changed.ndjson",
                "", "Exit codes:",
                "  0  every entry assessed and written",
                "  1  some entries invalid, each listed on standard error; every other entry assessed and written",
                "  2  the run failed: a usage error, a book or policy that cannot be read at all, a state file that cannot be used",
                "     (not a state file, cut short, damaged: delete it to assess every customer), a failed write (full disk, closed",
                "     pipe), an interrupt; --output, the report cards and the state file are left as they were",
                "  3  the book could not be read to its end (e.g. a file cut short): every entry before the break is read and",
                "     written, the break is listed with its place; the state file is left as it was"})
final class AssessCommand implements Callable<Integer> {
    private static final int MAX_LISTED_FAILURES = 1000;
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** What {@code --format} takes: picocli converts it, lists it in the help and names the choices when a value is wrong. */
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
            description = "One of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
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

    @Option(names = "--trends", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "The report card's last four calendar quarters, each customer assessed again as of each quarter's end"
                    + " on the facts known then (--trends, the default), or not (--no-trends: faster on a large book).")
    boolean trends;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that assess at once (default: the number of processors).")
    Integer threads;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the results (default: standard output).")
    Path output;

    @Option(names = "--max-entry-bytes", paramLabel = "N", defaultValue = "16777216",
            description = "The largest entry read, in bytes (an NDJSON line, an element of a JSON book; default ${DEFAULT-VALUE}, 16 MiB);"
                    + " a longer one is listed as invalid and skipped without being held in memory.")
    long maxEntryBytes;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Incremental run: reads what the previous run left in FILE (if it exists), skips the customers whose entry is"
                    + " byte for byte the same and whose answer's revisit day (revisitOn) is after --as-of, and writes the new state"
                    + " there at the end. Only the customers assessed are written.")
    Path state;

    /** Why the previous state is not used, when it was written in another format. */
    private final AtomicReference<String> stateNote = new AtomicReference<>();

    @Option(names = "--changed-only",
            description = "With --state: writes only the answers that differ from the state's (new customers included).")
    boolean changedOnly;

    @Option(names = "--progress", negatable = true,
            description = "Show the progress bar on standard error once a book takes more than a second (--progress), or never"
                    + " (--no-progress). Default: only when standard error is a terminal.")
    Boolean progress;

    private final Streams streams;
    private final PrintStream err;

    AssessCommand(Streams streams) {
        this.streams = streams;
        this.err = streams.err();
    }

    @Override
    public Integer call() {
        LocalDate day = asOf != null ? asOf : LocalDate.now();
        if (maxEntryBytes < 1 || maxEntryBytes > BookFile.LARGEST_MAX_ENTRY_BYTES) {
            err.println("referral-rules: --max-entry-bytes must be from 1 to " + BookFile.LARGEST_MAX_ENTRY_BYTES + ", was " + maxEntryBytes);
            return Main.UNUSABLE;
        }
        if (changedOnly && state == null) {
            err.println("referral-rules: --changed-only needs --state FILE, the answers it compares with");
            return Main.UNUSABLE;
        }
        String clash = state == null ? null : writtenOverByState();
        if (clash != null) {
            err.println("referral-rules: --state and " + clash + " name the same file, " + state + "; the state would replace what "
                    + clash + " writes");
            return Main.UNUSABLE;
        }
        // the previous state (tens of MB for a big book) is read while the engine is built
        FutureTask<BookState> previous = state == null ? null : new FutureTask<>(() -> readState(state, stateNote));
        if (previous != null) {
            Thread reader = new Thread(previous, "referral-rules-state");
            reader.setDaemon(true);
            reader.start();
        }
        try (Outputs outputs = new Outputs(streams)) {
            Map<String, String> teams = new HashMap<>();
            Playbook chosen = Playbook.byId(playbook);
            ReadinessPolicy thresholds = policy == null ? chosen.defaults() : Inputs.readPolicy(policy, chosen.defaults());
            ReferralReadinessEngine engine = ReferralRules.engine(chosen, thresholds);
            if (teamsFile != null) {
                teams.putAll(readTeams(teamsFile));
            }
            if (previous != null) {
                return assessIncrementally(day, engine, teams, outputs, awaitState(previous));
            }
            return assess(day, engine, teams, outputs);
        } catch (StateFileException e) {
            err.println("referral-rules: cannot use the state " + e.getMessage() + "; delete it, or give another --state file, to assess"
                    + " every customer");
            return Main.UNUSABLE;
        } catch (InvalidInputException e) {
            err.println("referral-rules: " + e.getMessage());
            return Main.UNUSABLE;
        } catch (Outputs.WriteFailed e) {
            err.println("referral-rules: " + e.getMessage() + "; the run stopped");
            return Main.UNUSABLE;
        } catch (IOException | UncheckedIOException e) {
            err.println("referral-rules: cannot read " + Inputs.describe(e));
            return Main.UNUSABLE;
        }
    }

    private int assess(LocalDate day, ReferralReadinessEngine engine, Map<String, String> teams, Outputs outputs) throws IOException {
        try (BookFile entries = Inputs.openBook(book, streams.in(), maxEntryBytes)) {
            Run run = new Run(entries, day, engine, teams, outputs);
            run.writer.start();
            // the answer's bytes and the report card's quarters are worked out on the workers, counted here in book order
            BookSummary summary = run.assessor().assessEntries(entries.entries(), run.total, day,
                    result -> result.failed() ? null : new Rendered(run.writer.render(result), run.card.quarters(result.snapshot())),
                    (result, rendered) -> {
                        if (result.failed()) {
                            run.listFailure(result);
                            return;
                        }
                        run.card.add(result.snapshot(), result.assessment(), rendered.quarters());
                        run.writer.write(rendered.bytes());
                    });
            double seconds = run.finishAnswers(outputs);
            if (!outputs.commit()) {
                return Main.UNUSABLE;
            }
            err.println(summaryLine(summary, engine, seconds));
            return run.end(summary.failed(), "");
        }
    }

    /** One answer as the workers hand it on: its output, and its quarters for the report card's trends. */
    private record Rendered(byte[] bytes, ReportCardBuilder.QuarterFigures quarters) {
    }

    /**
     * What a run of {@code assess} keeps from the start of the book to its end, plain or incremental: the answers'
     * output, the report card, the progress bar, the total (for the bar), the failures listed and the last one.
     */
    private final class Run {
        final BookFile entries;
        final ReferralReadinessEngine engine;
        final Output writer;
        final ReportCardBuilder card;
        final ProgressBar bar;
        final long total;
        final long started;
        private long listed;
        private BookResult lastFailure;

        Run(BookFile entries, LocalDate day, ReferralReadinessEngine engine, Map<String, String> teams, Outputs outputs) throws IOException {
            this.entries = entries;
            this.engine = engine;
            this.writer = new Output(outputs.open(output, Noun.ANSWER), format, detail.detail);
            boolean showProgress = showProgress();
            // only the progress bar uses the total; counting reads the whole file once more
            this.total = showProgress && !book.equals("-") && book.endsWith(".ndjson") ? countLines(Path.of(book)) : -1;
            teams.putAll(entries.teams());
            this.card = new ReportCardBuilder(day, engine.policy(), engine.playbook(), teams);
            if (trends && (reportCard != null || reportCardJson != null)) {
                card.trends(engine);
            }
            this.bar = new ProgressBar(err, showProgress);
            this.started = System.nanoTime();
        }

        /** The book assessor: the threads asked for (every core by default), the detail, the progress bar. */
        BookAssessor assessor() {
            return BookAssessor.builder(engine)
                    .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                    .detail(detail.detail)
                    .onProgress(500, bar::update)
                    .build();
        }

        /** Lists a failed entry on standard error (the first {@value AssessCommand#MAX_LISTED_FAILURES}), and keeps it as the last one. */
        void listFailure(BookResult result) {
            lastFailure = result;
            if (listed++ < MAX_LISTED_FAILURES) {
                bar.clear();
                err.println("invalid: " + (result.customerId() == null ? "(no customer id)" : result.customerId())
                        + " at " + result.location() + ": " + problem(result));
            }
        }

        /**
         * After the last answer: closes the answers, clears the bar, says how many failures were not listed, and writes
         * the report cards asked for; the seconds since the start, the run's time without the report cards.
         */
        double finishAnswers(Outputs outputs) throws IOException {
            writer.finish();
            bar.clear();
            if (listed > MAX_LISTED_FAILURES) {
                err.println("invalid: " + (listed - MAX_LISTED_FAILURES) + " more not listed");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (reportCard != null) {
                write(outputs.open(reportCard, Noun.REPORT_CARD), ReportCardHtml.render(card.build()));
            }
            if (reportCardJson != null) {
                write(outputs.open(reportCardJson, Noun.REPORT_CARD), ReportCardJson.write(card.build()));
            }
            return seconds;
        }

        /**
         * After the outputs are in place and the summary said: where the report card is, the break that ended the book
         * early (followed by {@code afterBreak}), and the exit code.
         */
        int end(long failed, String afterBreak) {
            if (reportCard != null) {
                err.println("Report card: " + reportCard.toAbsolutePath().normalize());
            }
            if (!entries.readToEnd()) {
                err.println("referral-rules: could not read the book to its end, at " + lastFailure.location() + ": " + problem(lastFailure)
                        + ". " + before(lastFailure.index()) + afterBreak);
                return Main.INCOMPLETE;
            }
            return failed > 0 ? Main.SOME_INVALID : Main.OK;
        }
    }

    /** The state read on its own thread; its failure as if it had been read here. */
    private static BookState awaitState(FutureTask<BookState> previous) throws IOException {
        try {
            return previous.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the state", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The previous run's state, or {@code null} when the file does not exist yet, or was written in another format by
     * another version (then {@code note} says so: the run assesses every customer and writes the state in this
     * version's format, as for a state of another identity, so an upgrade never stops a nightly run).
     */
    private static BookState readState(Path file, AtomicReference<String> note) throws IOException {
        try {
            return BookState.read(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (StateFileException e) {
            if (e.otherFormat().isPresent()) {
                note.set(e.getMessage() + "; it is not used: every customer is assessed and counts as new, and the state is"
                        + " written again in this version's format");
                return null;
            }
            throw e;
        } catch (IOException e) {
            throw Inputs.naming(file.toString(), e);
        }
    }

    /**
     * An incremental run ({@code --state}): customers whose entry and answer cannot have changed are skipped, the others
     * assessed and written (only those whose answer changed with {@code --changed-only}); the new state is moved into
     * place after the answers, and only when the book was read to its end.
     */
    private int assessIncrementally(LocalDate day, ReferralReadinessEngine engine, Map<String, String> teams, Outputs outputs,
                                    BookState previous) throws IOException {
        try (BookFile entries = Inputs.openBook(book, streams.in(), maxEntryBytes)) {
            Run run = new Run(entries, day, engine, teams, outputs);
            Outputs.Destination stateFile = outputs.openLast(state, Noun.LINE);
            boolean cards = reportCard != null || reportCardJson != null;
            IncrementalBook incremental = IncrementalBook.of(run.assessor());
            IncrementalBook.Plan plan = incremental.plan(previous, day);
            if (cards) {
                plan = plan.assessingEveryone("the report card needs every answer");
            }
            if (stateNote.get() != null) {
                err.println("referral-rules: state " + stateNote.get());
            } else {
                plan.note().ifPresent(note -> err.println("referral-rules: state " + state + ": " + note));
            }
            run.writer.start();
            IncrementalSummary summary = incremental.assessEntries(entries.entries(), run.total, plan, new StateStream(stateFile),
                    r -> r.assessed() && (!changedOnly || r.changed()) ? run.writer.render(r.result()) : null, (r, text) -> {
                        if (r.change() == IncrementalResult.Change.FAILED) {
                            run.listFailure(r.result());
                            return;
                        }
                        if (r.assessed() && cards) {
                            run.card.add(r.result().snapshot(), r.assessment());
                        }
                        if (text != null) {
                            run.writer.write(text);
                        }
                    });
            double seconds = run.finishAnswers(outputs);
            boolean keepState = entries.readToEnd() && !summary.book().cancelled();
            if (!keepState) {
                outputs.discard(stateFile);
            }
            if (!outputs.commit()) {
                return Main.UNUSABLE;
            }
            err.println(summaryLine(summary, engine, seconds, changedOnly));
            if (keepState) {
                err.println("State: " + state + " (" + Noun.CUSTOMER.count(summary.stateRows()) + ", " + size(Files.size(state)) + ")");
            }
            return run.end(summary.book().failed(), " The state " + state + (Files.exists(state) ? " is left as it was." : " is not written."));
        }
    }

    /** "45,253 bytes", "45.3 MB". */
    static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%,d bytes", bytes) : String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    /** The state's bytes, on their way to the state file's destination (written through a temporary file, moved last). */
    private static final class StateStream extends OutputStream {
        private final Outputs.Destination destination;

        StateStream(Outputs.Destination destination) {
            this.destination = destination;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                destination.sink().write(Arrays.copyOfRange(b, off, off + len), false);
            } catch (IOException e) {
                throw new Outputs.WriteFailed(destination.where(), e);
            }
        }
    }

    /** The option whose file {@code --state} names too ({@code --output} or a report card), or {@code null}. */
    private String writtenOverByState() {
        String[] names = {"--output", "--report-card", "--report-card-json"};
        Path[] files = {output, reportCard, reportCardJson};
        for (int i = 0; i < names.length; i++) {
            if (files[i] != null && sameFile(state, files[i])) {
                return names[i];
            }
        }
        return null;
    }

    /** The same path once made absolute, or the same file reached through a link. */
    private static boolean sameFile(Path a, Path b) {
        Path x = a.toAbsolutePath().normalize();
        Path y = b.toAbsolutePath().normalize();
        if (x.equals(y)) {
            return true;
        }
        try {
            return Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the progress bar shows: as {@code --progress} or {@code --no-progress} says, else when standard error is a terminal. */
    boolean showProgress() {
        return progress != null ? progress : streams.errIsTerminal().getAsBoolean();
    }

    /** What was read before a break: "The 2 entries before it are read (the valid ones assessed and written)." */
    static String before(long entries) {
        if (entries == 0) {
            return "No entry comes before it.";
        }
        return entries == 1 ? "The 1 entry before it is read (assessed and written if valid)."
                : "The " + Noun.ENTRY.count(entries) + " before it are read (the valid ones assessed and written).";
    }

    /** The problem without the place it starts with (the listing names the place already). */
    private String problem(BookResult result) {
        String problem = result.problem();
        String place = result.location() + ": ";
        if (problem.startsWith(place)) {
            problem = problem.substring(place.length());
        }
        if (problem.endsWith("more than the maximum " + maxEntryBytes)) {
            problem += " (--max-entry-bytes)";
        }
        return problem;
    }

    private static void write(Outputs.Destination destination, String text) {
        try {
            destination.sink().write(text.getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new Outputs.WriteFailed(destination.where(), e);
        }
    }

    private static long countLines(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.lines().filter(l -> !l.isBlank()).count();
        }
    }

    /** An owner-to-team file, read strictly; messages name the file and the path, never a value. */
    private static Map<String, String> readTeams(Path file) throws IOException {
        JsonNode node;
        try {
            node = STRICT.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String problem = "is not valid JSON" + (at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")");
            throw new InvalidInputException(file + ": $ " + problem, "$", problem);
        } catch (IOException e) {
            throw Inputs.naming(file.toString(), e);
        }
        Map<String, String> teams = new HashMap<>();
        if (node == null || !node.isObject()) {
            String problem = "must be a JSON object of owner id to team name";
            throw new InvalidInputException(file + ": $ " + problem, "$", problem);
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (!e.getValue().isTextual()) {
                String problem = "must be a team name (a string), was " + (e.getValue().isContainerNode() ? (e.getValue().isArray()
                        ? "an array" : "an object") : e.getValue().isNumber() ? "a number" : e.getValue().isBoolean() ? "a boolean" : "null");
                String path = e.getKey().matches("[A-Za-z0-9_.@-]{1,100}") ? "$." + e.getKey() : "$";
                throw new InvalidInputException(file + ": " + path + " " + problem, path, problem);
            }
            teams.put(e.getKey(), e.getValue().asText());
        }
        return teams;
    }

    static String summaryLine(BookSummary s, ReferralReadinessEngine engine, double seconds) {
        String stages = s.byStage().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Assessed %s as of %s under %s in %.1f s (%,.0f/s): %,d ok, %,d invalid%s. %s",
                Noun.CUSTOMER.count(s.total()), s.asOf(), engine.playbook(), seconds, seconds > 0 ? s.total() / seconds : 0.0, s.assessed(),
                s.failed(), s.cancelled() ? ", cancelled" : "", stages.isEmpty() ? "" : "Stages: " + stages + ".");
    }

    /**
     * The summary of an incremental run: "Assessed 120 of 1,000 customers as of … in 0.4 s (2,500/s): 120 ok, 0 invalid;
     * 880 skipped (same facts, nothing due); 15 answers changed (3 new). Stages of those assessed: …".
     */
    static String summaryLine(IncrementalSummary s, ReferralReadinessEngine engine, double seconds, boolean changedOnly) {
        BookSummary b = s.book();
        String stages = b.byStage().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Assessed %,d of %s as of %s under %s in %.1f s (%,.0f/s): %,d ok, %,d invalid%s; %,d skipped"
                        + " (same facts, nothing due); %s changed (%,d new)%s.%s",
                b.total(), Noun.CUSTOMER.count(s.total()), b.asOf(), engine.playbook(), seconds, seconds > 0 ? s.total() / seconds : 0.0,
                b.assessed(), b.failed(), b.cancelled() ? ", cancelled" : "", s.skipped(), Noun.ANSWER.count(s.changed()), s.added(),
                changedOnly ? ", only they are written" : "", stages.isEmpty() ? "" : " Stages of those assessed: " + stages + ".");
    }

    /**
     * Writes results in the chosen format, in book order. Each result is rendered as the bytes of its output on the
     * worker that decided it ({@link #render}: JSON through a streaming generator, one per worker thread, or a table
     * line); the calling thread only hands those bytes on, with the separators of the format, as whole pieces to a
     * {@link LineSink} (which, on an interrupt, closes a JSON array after the last whole answer).
     */
    private static final class Output {
        private static final byte[] FIRST = "\n".getBytes(StandardCharsets.UTF_8);
        private static final byte[] NEXT = ",\n".getBytes(StandardCharsets.UTF_8);

        private final Outputs.Destination destination;
        private final LineSink out;
        private final Format format;
        private final Detail detail;
        private final ThreadLocal<Renderer> renderers = ThreadLocal.withInitial(Renderer::new);
        private boolean first = true;

        Output(Outputs.Destination destination, Format format, Detail detail) {
            this.destination = destination;
            this.out = destination.sink();
            this.format = format;
            this.detail = detail;
        }

        void start() {
            if (format == Format.table) {
                raw(String.format(Locale.ROOT, "%-12s %-10s %-22s %-52s %s%n", "CUSTOMER", "OWNER", "STAGE", "NEXT ACTION", "WARNINGS"));
            } else if (format == Format.json) {
                raw("[");
                out.closing("]\n".getBytes(StandardCharsets.UTF_8), "the JSON array is closed");
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

        /** Hands one answer on; a failed write ends the run. */
        void write(byte[] rendered) {
            try {
                if (format == Format.json) {
                    byte[] separator = first ? FIRST : NEXT;
                    byte[] piece = new byte[separator.length + rendered.length];
                    System.arraycopy(separator, 0, piece, 0, separator.length);
                    System.arraycopy(rendered, 0, piece, separator.length, rendered.length);
                    out.write(piece, true);
                    if (first) {
                        out.closing("\n]\n".getBytes(StandardCharsets.UTF_8), "the JSON array is closed");
                    }
                } else {
                    out.write(rendered, true);
                }
                first = false;
            } catch (IOException e) {
                throw new Outputs.WriteFailed(destination.where(), e);
            }
        }

        void finish() {
            if (format == Format.json) {
                raw(first ? "]\n" : "\n]\n");
                out.closing(new byte[0], "");
            }
        }

        private void raw(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8), false);
            } catch (IOException e) {
                throw new Outputs.WriteFailed(destination.where(), e);
            }
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
