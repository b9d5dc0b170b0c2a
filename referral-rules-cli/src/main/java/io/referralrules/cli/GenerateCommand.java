package io.referralrules.cli;

import io.referralrules.book.BookFile;
import io.referralrules.book.SampleBook;
import io.referralrules.api.CustomerSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "generate", mixinStandardHelpOptions = true, usageHelpWidth = 130,
        description = "Writes a deterministic sample book of fictional customers (the same seed gives the same book).",
        footer = {"", "Example:", "  referral-rules generate --customers 60 --seed 2026 --as-of 2026-06-15 --format json --output samples/sample-book.json"})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--customers", required = true, description = "How many customers.")
    long customers;

    @Option(names = "--seed", defaultValue = "42", description = "The seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", description = "The day the book is dated for (default: today).")
    LocalDate asOf;

    @Option(names = "--format", defaultValue = "ndjson", description = "ndjson (one customer per line) or json (with teams). Default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--output", description = "The file to write (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (customers < 0) {
            System.err.println("--customers must not be negative, was " + customers);
            return Main.UNUSABLE;
        }
        if (!format.equals("ndjson") && !format.equals("json")) {
            System.err.println("--format must be ndjson or json, was " + format);
            return Main.UNUSABLE;
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now();
        SampleBook sample = new SampleBook(seed, day);
        try (Writer out = Outputs.writer(output); Stream<CustomerSnapshot> book = sample.customers(customers)) {
            if (format.equals("json")) {
                BookFile.writeJson(book.iterator(), sample.teams(customers), out);
            } else {
                BookFile.writeNdjson(book.iterator(), out);
            }
        }
        return Main.OK;
    }
}
