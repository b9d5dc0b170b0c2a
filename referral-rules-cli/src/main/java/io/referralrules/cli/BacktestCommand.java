package io.referralrules.cli;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.book.Backtest;
import io.referralrules.book.BacktestHtml;
import io.referralrules.book.BacktestJson;
import io.referralrules.book.BacktestReport;
import io.referralrules.book.BacktestTable;
import io.referralrules.book.BookFile;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code referral-rules backtest BOOK}: does the playbook work? Re-assesses every referral ask of the book as of the day
 * before it, with the facts known then, and reports the introduction rate per stage, warning, trust builder and survey
 * signal, and of the asks the playbook would have allowed against those it would have held back; with
 * {@code --compare-playbook} or {@code --compare-policy}, the same history under a second playbook or policy, side by
 * side. Output is whole or nothing, as {@code assess} writes it.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, usageHelpWidth = 130,
        description = {"Backtests a playbook on the book's own history of referral asks.",
                "For every ask: the customer as known the day before it (stage, trust builders, survey signals) and on its day (the",
                "warnings it drew), and what the ask got within the outcome window (an introduction naming it, confirmed, a referred",
                "sale within 180 days)."},
        footer = {"", "Examples:",
                "  referral-rules backtest samples/sample-book.json",
                "  referral-rules backtest book.ndjson --compare-playbook post-sale-momentum --html backtest.html",
                "  referral-rules backtest book.ndjson --compare-policy stricter.json --format json --output backtest.json",
                "", "Exit codes:",
                "  0  every customer backtested and the report written",
                "  1  some entries invalid (or could not be re-assessed), each listed on standard error; the others counted and the",
                "     report written",
                "  2  the run failed: a usage error, a book or policy that cannot be read at all, a failed write; nothing is written",
                "  3  the book could not be read to its end: the report counts the entries before the break"})
final class BacktestCommand implements Callable<Integer> {
    private static final int MAX_LISTED_FAILURES = 1000;

    /** What {@code --format} takes. */
    enum Format { table, json }

    @Parameters(index = "0", paramLabel = "BOOK", description = "The book: a .json or .ndjson file, or - for NDJSON on standard input.")
    String book;

    @Option(names = "--playbook", paramLabel = "ID", defaultValue = "earned-trust",
            description = "earned-trust or post-sale-momentum (default ${DEFAULT-VALUE}).")
    String playbook;

    @Option(names = "--policy", paramLabel = "FILE", description = "A JSON policy file: thresholds that differ from the playbook's defaults.")
    Path policy;

    @Option(names = "--compare-playbook", paramLabel = "ID",
            description = "Also backtests this playbook (with --compare-policy, or its own defaults), side by side.")
    String comparePlaybook;

    @Option(names = "--compare-policy", paramLabel = "FILE",
            description = "Also backtests this policy (over the defaults of --compare-playbook, or of --playbook), side by side.")
    Path comparePolicy;

    @Option(names = "--outcome-days", paramLabel = "N", defaultValue = "30",
            description = "An introduction counts when agreed at most N days after the ask (default ${DEFAULT-VALUE}; 0 to "
                    + Backtest.MAX_OUTCOME_DAYS + ").")
    int outcomeDays;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "One of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--html", paramLabel = "FILE.html", description = "Also writes the backtest as a self-contained HTML page.")
    Path html;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the report (default: standard output).")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that re-assess at once (default: the number of processors).")
    Integer threads;

    private final Streams streams;
    private final PrintStream err;

    BacktestCommand(Streams streams) {
        this.streams = streams;
        this.err = streams.err();
    }

    @Override
    public Integer call() {
        if (outcomeDays < 0 || outcomeDays > Backtest.MAX_OUTCOME_DAYS) {
            err.println("referral-rules: --outcome-days must be from 0 to " + Backtest.MAX_OUTCOME_DAYS + ", was " + outcomeDays);
            return Main.UNUSABLE;
        }
        int workers = threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(), Backtest.MAX_THREADS);
        if (workers < 1 || workers > Backtest.MAX_THREADS) {
            err.println("referral-rules: --threads must be from 1 to " + Backtest.MAX_THREADS + ", was " + workers);
            return Main.UNUSABLE;
        }
        if (html != null && output != null && html.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            err.println("referral-rules: --html and --output name the same file, " + html);
            return Main.UNUSABLE;
        }
        try (Outputs outputs = new Outputs(streams)) {
            Playbook chosen = Playbook.byId(playbook);
            ReferralReadinessEngine engine = ReferralRules.engine(chosen, policy == null ? chosen.defaults() : Inputs.readPolicy(policy, chosen.defaults()));
            Backtest.Builder builder = Backtest.builder(engine).outcomeDays(outcomeDays).threads(workers);
            if (comparePlaybook != null || comparePolicy != null) {
                Playbook other = comparePlaybook == null ? chosen : Playbook.byId(comparePlaybook);
                ReadinessPolicy otherPolicy = comparePolicy == null ? other.defaults() : Inputs.readPolicy(comparePolicy, other.defaults());
                builder.compareWith(ReferralRules.engine(other, otherPolicy));
            }
            long[] listed = {0};
            builder.onFailure(f -> {
                if (listed[0]++ < MAX_LISTED_FAILURES) {
                    err.println("invalid: " + (f.customerId() == null ? "(no customer id)" : f.customerId()) + " at " + f.location()
                            + ": " + withoutPlace(f));
                }
            });
            long started = System.nanoTime();
            BacktestReport report;
            boolean readToEnd;
            try (BookFile entries = Inputs.openBook(book, streams.in(), BookFile.DEFAULT_MAX_ENTRY_BYTES)) {
                report = builder.build().run(entries);
                readToEnd = entries.readToEnd();
            }
            if (listed[0] > MAX_LISTED_FAILURES) {
                err.println("invalid: " + (listed[0] - MAX_LISTED_FAILURES) + " more not listed");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            write(outputs.open(output, Noun.LINE), format == Format.json ? BacktestJson.write(report) : BacktestTable.write(report));
            if (html != null) {
                write(outputs.open(html, Noun.LINE), BacktestHtml.render(report));
            }
            if (!outputs.commit()) {
                return Main.UNUSABLE;
            }
            err.println(String.format(Locale.ROOT, "Backtested %,d asks of %s under %s%s in %.1f s: %,d ok, %,d invalid.",
                    report.asks(), Noun.CUSTOMER.count(report.customers()), side(report.first().playbook(), policy),
                    report.second() == null ? "" : " and " + side(report.second().playbook(), comparePolicy), seconds,
                    report.customers() - report.failed(), report.failed()));
            if (html != null) {
                err.println("Backtest page: " + html.toAbsolutePath().normalize());
            }
            if (!readToEnd) {
                err.println("referral-rules: could not read the book to its end (see the last entry listed); the report counts the"
                        + " entries before the break");
                return Main.INCOMPLETE;
            }
            return report.failed() > 0 ? Main.SOME_INVALID : Main.OK;
        } catch (InvalidInputException e) {
            err.println("referral-rules: " + e.getMessage());
            return Main.UNUSABLE;
        } catch (Outputs.WriteFailed e) {
            err.println("referral-rules: " + e.getMessage() + "; nothing is written");
            return Main.UNUSABLE;
        } catch (IOException | UncheckedIOException e) {
            err.println("referral-rules: cannot read " + Inputs.describe(e));
            return Main.UNUSABLE;
        }
    }

    /** A side of the run: its playbook, and its policy file when one was given ("earned-trust@1.0 with acme.json"). */
    private static String side(Object playbook, Path policyFile) {
        return policyFile == null ? String.valueOf(playbook) : playbook + " with " + policyFile.getFileName();
    }

    /** The problem without the place it starts with (the listing names the place already). */
    private static String withoutPlace(BacktestReport.Failure f) {
        String place = f.location() + ": ";
        return f.problem().startsWith(place) ? f.problem().substring(place.length()) : f.problem();
    }

    private static void write(Outputs.Destination destination, String text) {
        try {
            destination.sink().write(text.getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new Outputs.WriteFailed(destination.where(), e);
        }
    }
}
