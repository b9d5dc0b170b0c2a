package io.referralrules.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code referral-rules}: assess a book of customers from a file, write the report card, generate sample books.
 *
 * <pre>
 * java -jar referral-rules-cli.jar assess samples/sample-book.json --as-of 2026-06-15 --report-card card.html
 * java -jar referral-rules-cli.jar generate --customers 1000000 --seed 42 | java -jar referral-rules-cli.jar assess - --format ndjson
 * </pre>
 */
@Command(name = "referral-rules", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, usageHelpWidth = 130,
        description = "Decides, customer by customer, whether a salesperson has earned the right to ask for a referral.",
        subcommands = {AssessCommand.class, BacktestCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  referral-rules assess samples/sample-book.json --as-of 2026-06-15 --report-card card.html",
                "  referral-rules backtest samples/sample-book.json --compare-playbook post-sale-momentum",
                "  referral-rules generate --customers 1000 --seed 7 --output book.ndjson",
                "", "Exit codes: 0 every entry assessed and written, 1 some entries invalid (the others written), 2 the run failed",
                "(usage, unreadable input, a failed write, an interrupt), 3 the book could not be read to its end."})
public final class Main implements Runnable {
    /** Exit code when every entry was assessed and written. */
    static final int OK = 0;
    /** Exit code when some entries were invalid (each listed); every other entry was assessed and written. */
    static final int SOME_INVALID = 1;
    /**
     * Exit code when the run failed: a usage error, an input that cannot be read at all, a failed write, an interrupt;
     * files written with {@code --output} and the report cards are left as they were.
     */
    static final int UNUSABLE = 2;
    /** Exit code when the book could not be read to its end: every entry before the break was read and written. */
    static final int INCOMPLETE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(Streams.system(), args));
    }

    /** Runs the command line on {@link System#in}, {@link System#out} and {@link System#err} as they are now (tests, embedding). */
    static int run(String... args) {
        return run(Streams.current(), args);
    }

    /** Runs the command line on the given streams and returns its exit code. */
    static int run(Streams streams, String... args) {
        CommandLine commandLine = new CommandLine(new Main(), new Factory(streams));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(streams.err(), StandardCharsets.UTF_8), true));
        return commandLine.setExitCodeExceptionMapper(e -> UNUSABLE).execute(args);
    }

    /** Makes the commands with the run's streams. */
    private record Factory(Streams streams) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == AssessCommand.class) {
                return type.cast(new AssessCommand(streams));
            }
            if (type == BacktestCommand.class) {
                return type.cast(new BacktestCommand(streams));
            }
            if (type == GenerateCommand.class) {
                return type.cast(new GenerateCommand(streams));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: assess, backtest or generate");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"referral-rules " + (v == null ? "(development build)" : v)};
        }
    }
}
