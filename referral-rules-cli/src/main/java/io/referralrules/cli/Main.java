package io.referralrules.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        subcommands = {AssessCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  referral-rules assess samples/sample-book.json --as-of 2026-06-15 --report-card card.html",
                "  referral-rules generate --customers 1000 --seed 7 --output book.ndjson",
                "", "Exit codes: 0 all assessed, 1 some entries invalid, 2 usage error or unreadable input."})
public final class Main implements Runnable {
    /** Exit code when every entry was assessed. */
    static final int OK = 0;
    /** Exit code when some entries were invalid (the rest were assessed). */
    static final int SOME_INVALID = 1;
    /** Exit code for a usage error or an input that cannot be read at all. */
    static final int UNUSABLE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    static int run(String... args) {
        return new CommandLine(new Main()).setExitCodeExceptionMapper(e -> UNUSABLE).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: assess or generate");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"referral-rules " + (v == null ? "(development build)" : v)};
        }
    }
}
