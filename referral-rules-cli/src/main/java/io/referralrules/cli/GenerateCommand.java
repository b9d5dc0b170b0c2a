package io.referralrules.cli;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.book.BookFile;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.ReferralRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "generate", mixinStandardHelpOptions = true, usageHelpWidth = 130,
        // the first line is the command's summary in the top-level help: one whole sentence
        description = "Writes a deterministic sample book of fictional customers (the same seed gives the same book).",
        footer = {"", "Example:", "  referral-rules generate --customers 60 --seed 2026 --as-of 2026-06-15 --format json --ask-histories --output samples/sample-book.json",
                "", "--output is written beside its file and moved into place at the end. Exit codes: 0 written, 2 failed (usage, a failed",
                "write, an interrupt; --output is left as it was)."})
final class GenerateCommand implements Callable<Integer> {
    /**
     * What {@code --format} takes, the same way as {@code assess}'s: picocli converts it, lists it in the help and names the
     * choices when a value is wrong.
     */
    enum Format { ndjson, json }

    @Option(names = "--customers", paramLabel = "N", required = true, description = "How many customers.")
    long customers;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "The seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day the book is dated for (default: today).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ndjson",
            description = "One of ${COMPLETION-CANDIDATES}: ndjson one customer per line, json a book with its teams (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--ask-histories", description = {"Give every customer with a sale an earlier relationship, more than 800 days"
            + " before --as-of, whose asks got introductions by a known model (0.6 when ready the day before, 0.15 otherwise,"
            + " +0.1 with an NPS promoter, -0.1 with an open complaint): a book to backtest. Assessments as of --as-of are"
            + " the same with or without. Costs one assessment per ask."})
    boolean askHistories;

    @Option(names = "--output", paramLabel = "FILE", description = "The file to write (default: standard output).")
    Path output;

    private final Streams streams;

    GenerateCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws IOException {
        if (customers < 0) {
            streams.err().println("referral-rules: --customers must not be negative, was " + customers);
            return Main.UNUSABLE;
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now();
        SampleBook plain = new SampleBook(seed, day);
        SampleBook sample = askHistories ? plain.withAskHistories(ReferralRules.engine()) : plain;
        try (Outputs outputs = new Outputs(streams); Stream<CustomerSnapshot> book = sample.customers(customers)) {
            Writer out = new LineWriter(outputs.open(output, Noun.LINE));
            if (format == Format.json) {
                BookFile.writeJson(book.iterator(), sample.teams(customers), out);
            } else {
                BookFile.writeNdjson(book.iterator(), out);
            }
            return outputs.commit() ? Main.OK : Main.UNUSABLE;
        } catch (Outputs.WriteFailed e) {
            streams.err().println("referral-rules: " + e.getMessage() + "; the run stopped");
            return Main.UNUSABLE;
        }
    }

    /** Hands whole lines to the destination's sink; a failed write is a {@link Outputs.WriteFailed}. */
    private static final class LineWriter extends Writer {
        private final Outputs.Destination destination;
        private final StringBuilder pending = new StringBuilder();

        LineWriter(Outputs.Destination destination) {
            this.destination = destination;
        }

        @Override
        public void write(char[] text, int off, int len) {
            pending.append(text, off, len);
            int end = pending.lastIndexOf("\n");
            if (end >= 0) {
                try {
                    destination.sink().write(pending.substring(0, end + 1).getBytes(StandardCharsets.UTF_8), true);
                } catch (IOException e) {
                    throw new Outputs.WriteFailed(destination.where(), e);
                }
                pending.delete(0, end + 1);
            }
        }

        @Override
        public void flush() {
            // only whole lines are written, as they come
        }

        @Override
        public void close() {
            // the destination is committed by the run
        }
    }
}
