package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.json.ReferralJson;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the command line's incremental runs (issue 11): a generated book; a full run of it without and with
 * {@code --state}; the next day, with 1% of the customers' facts changed (a social touch added to every hundredth), a
 * run with {@code --state --changed-only}; and a full run of that next day's book without a state, the yardstick of the
 * same day. Each run is a fresh JVM as the README launches it ({@code -Xmx512m}, the class-data-sharing archive beside
 * the jar), NDJSON out (decision only unless told {@code full}), timed by {@code /usr/bin/time}. Not a unit test: a 1,000,000-customer book takes
 * several minutes of both cores.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * java -cp "referral-rules-benchmarks/target/referral-rules-benchmarks-0.1.0-SNAPSHOT.jar:referral-rules-benchmarks/target/lib/*" \
 *      io.referralrules.benchmarks.IncrementalRun referral-rules-cli/target/referral-rules-cli-0.1.0-SNAPSHOT.jar /tmp/incremental 1000000
 * # then the same books through the library in one JVM, three rounds:
 * java -Xmx1g -cp ... io.referralrules.benchmarks.IncrementalRun --in-process /tmp/incremental/book-day1.ndjson /tmp/incremental/book-day2.ndjson decision 3
 * </pre>
 */
public final class IncrementalRun {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    private IncrementalRun() {
    }

    /** What one run took, and how many answers it wrote. */
    private record Timed(String name, List<String> command, double wall, double cpu, long maxRssKb, String summary, long written) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("--in-process")) {
            inProcess(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? args[3] : "decision",
                    args.length > 4 ? Integer.parseInt(args[4]) : 3);
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: IncrementalRun CLI_JAR WORK_FOLDER [CUSTOMERS (default 1000000)] [EVERY_NTH_CHANGED (default 100)]"
                    + " [DETAIL (decision or full, default decision)]");
            System.exit(2);
        }
        Path cli = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        long customers = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        String detail = args.length > 4 ? args[4] : "decision";
        Path day1 = work.resolve("book-day1.ndjson");
        Path day2 = work.resolve("book-day2.ndjson");
        Path state = work.resolve("book.state");
        Files.deleteIfExists(state);

        time("generate", launch(cli, "generate", "--customers", String.valueOf(customers), "--seed", "42", "--as-of", DAY.toString(),
                "--output", day1.toString()), work);
        long changed = nextDay(day1, day2, every);
        System.err.printf(Locale.ROOT, "next day's book: %,d of %,d customers with a new social touch%n", changed, customers);

        List<Timed> runs = new ArrayList<>();
        runs.add(time("day 1, full run, no state", assess(cli, detail, day1, DAY, work.resolve("day1-plain.ndjson")), work));
        runs.add(time("day 1, full run, --state (first run: no state yet)", assess(cli, detail, day1, DAY, work.resolve("day1.ndjson"),
                "--state", state.toString()), work));
        long stateBytes = Files.size(state);
        runs.add(time("day 2, 1% changed, --state --changed-only", assess(cli, detail, day2, DAY.plusDays(1), work.resolve("day2-changed.ndjson"),
                "--state", state.toString(), "--changed-only"), work));
        runs.add(time("day 2, full run, no state (yardstick)", assess(cli, detail, day2, DAY.plusDays(1), work.resolve("day2-full.ndjson")), work));

        System.out.printf(Locale.ROOT, "%,d customers, %,d changed on day 2; book %,d bytes; state %,d bytes (%.1f bytes a customer)%n%n",
                customers, changed, Files.size(day1), stateBytes, stateBytes / (double) customers);
        System.out.println("| run | wall (s) | CPU (s) | max RSS (MB) | answers written |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Timed t : runs) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %d | %,d |%n", t.name(), t.wall(), t.cpu(), t.maxRssKb() / 1024,
                    t.written());
        }
        double full = runs.get(3).wall();
        double incremental = runs.get(2).wall();
        System.out.printf(Locale.ROOT, "%nday 2 incremental / day 2 full: %.1f%% of the wall time (target: at most 5%%)%n",
                100 * incremental / full);
        System.out.printf(Locale.ROOT, "day 2 incremental / day 1 full with --state: %.1f%%%n%n", 100 * incremental / runs.get(1).wall());
        for (Timed t : runs) {
            System.out.println("$ " + String.join(" ", t.command()));
            System.out.println(t.summary().strip());
            System.out.println();
        }
    }

    /**
     * The same runs in this one JVM, through the library ({@code BookAssessor}, {@code IncrementalBook}; the answers are
     * counted, not written): a host that keeps its engine between runs pays no JVM start and no warm-up. The books are
     * those the other mode leaves in its folder ({@code book-day1.ndjson}, {@code book-day2.ndjson}).
     */
    private static void inProcess(Path day1, Path day2, String detailName, int rounds) throws IOException {
        io.referralrules.api.Detail detail = detailName.equals("full") ? io.referralrules.api.Detail.FULL : io.referralrules.api.Detail.DECISION;
        io.referralrules.api.ReferralReadinessEngine engine = io.referralrules.engine.ReferralRules.engine();
        io.referralrules.book.BookAssessor assessor = io.referralrules.book.BookAssessor.builder(engine).threads(2).detail(detail).build();
        io.referralrules.book.IncrementalBook incremental = io.referralrules.book.IncrementalBook.of(assessor);
        java.io.ByteArrayOutputStream state = new java.io.ByteArrayOutputStream();
        List<String> rows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            try (io.referralrules.book.BookFile book = io.referralrules.book.BookFile.open(day1.toString(), Files.newInputStream(day1))) {
                assessor.assessEntries(book.entries(), -1, DAY, r -> r, (r, p) -> { });
            }
            long t1 = System.nanoTime();
            state.reset();
            long[] written = {0};
            try (io.referralrules.book.BookFile book = io.referralrules.book.BookFile.open(day1.toString(), Files.newInputStream(day1))) {
                incremental.assessEntries(book.entries(), -1, incremental.plan(null, DAY), state, r -> r,
                        (r, p) -> written[0] += r.changed() ? 1 : 0);
            }
            long t2 = System.nanoTime();
            io.referralrules.book.BookState previous = io.referralrules.book.BookState.read(
                    new java.io.ByteArrayInputStream(state.toByteArray()), "state");
            long t3 = System.nanoTime();
            long[] changed = {0};
            try (io.referralrules.book.BookFile book = io.referralrules.book.BookFile.open(day2.toString(), Files.newInputStream(day2))) {
                incremental.assessEntries(book.entries(), -1, incremental.plan(previous, DAY.plusDays(1)), java.io.OutputStream.nullOutputStream(),
                        r -> r, (r, p) -> changed[0] += r.changed() ? 1 : 0);
            }
            long t4 = System.nanoTime();
            try (io.referralrules.book.BookFile book = io.referralrules.book.BookFile.open(day2.toString(), Files.newInputStream(day2))) {
                assessor.assessEntries(book.entries(), -1, DAY.plusDays(1), r -> r, (r, p) -> { });
            }
            long t5 = System.nanoTime();
            rows.add(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.2f | %.1f (%,d changed) | %.1f | %.1f%% |", round, (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, changed[0], (t5 - t4) / 1e9, 100.0 * (t4 - t3) / (t5 - t4)));
        }
        System.out.println("in one JVM, " + detail + " detail, 2 threads, answers not written:");
        System.out.println("| round | day 1 full (s) | day 1 full with a state (s) | reading the state (s) | day 2 incremental (s) |"
                + " day 2 full (s) | incremental / full |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    /** Copies the book, giving every {@code every}-th customer a social touch on the next day; the other lines as they are. */
    private static long nextDay(Path from, Path to, int every) throws IOException {
        long changed = 0;
        long i = 0;
        try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine(), i++) {
                if (i % every == every / 2) {
                    CustomerSnapshot s = ReferralJson.readBookEntry(line, from + ":" + (i + 1));
                    line = ReferralJson.writeBookEntry(s.toBuilder()
                            .add(new SocialTouch(s.customer().id() + "-ST-NEXT", DAY.plusDays(1), "coffee")).build());
                    changed++;
                }
                out.write(line);
                out.write('\n');
            }
        }
        return changed;
    }

    private static List<String> assess(Path cli, String detail, Path book, LocalDate day, Path output, String... more) {
        List<String> command = launch(cli, "assess", book.toString(), "--as-of", day.toString(), "--detail", detail, "--format",
                "ndjson", "--output", output.toString(), "--no-progress");
        command.addAll(List.of(more));
        command.add(1, "-Xmx512m");
        return command;
    }

    private static List<String> launch(Path cli, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path archive = cli.resolveSibling("referral-rules-cli.jsa");
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", cli.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String outputOf(List<String> command) {
        return Path.of(command.get(command.indexOf("--output") + 1)).getFileName().toString();
    }

    private static long lines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    /** Runs a command under {@code /usr/bin/time}: wall and CPU seconds, the largest resident set, standard error. */
    private static Timed time(String name, List<String> command, Path work) throws IOException, InterruptedException {
        Path times = work.resolve("time.txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
        timed.addAll(command);
        System.err.println("$ " + String.join(" ", command));
        Process process = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        System.err.print(err);
        if (code != 0) {
            throw new IllegalStateException(name + " failed with exit code " + code);
        }
        String[] t = Files.readString(times).strip().split(" ");
        long written = -1;
        if (command.contains("assess")) {
            // counted, then deleted: a full run's answers take gigabytes
            Path output = work.resolve(outputOf(command));
            written = lines(output);
            Files.delete(output);
        }
        return new Timed(name, command, Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]),
                Long.parseLong(t[3]), err, written);
    }
}
