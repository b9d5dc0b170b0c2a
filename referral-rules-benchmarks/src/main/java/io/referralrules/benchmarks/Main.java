package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.book.SampleBook;
import io.referralrules.json.ReferralJson;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every measurement of docs/PERFORMANCE.md and prints the figures with their ratios to the baseline of the same
 * run, then each target of the engine's second design beside its measured figure, {@code met} or {@code not met}:
 * {@code java -jar referral-rules-benchmarks/target/referral-rules-benchmarks-0.1.0-SNAPSHOT.jar [--quick] [--cli CLI.jar]}
 * ({@code --quick} for a short smoke run with fewer iterations, not for publishing; {@code --cli} also measures the
 * command line: its first answer, and a generated 1,000,000-customer book at {@code -Xmx512m}).
 */
public final class Main {
    private static final Pattern PER_SECOND = Pattern.compile("\\(([\\d,]+)/s\\)");

    private Main() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        List<String> argList = Arrays.asList(args);
        boolean quick = argList.contains("--quick");
        int cliAt = argList.indexOf("--cli");
        Path cli = cliAt >= 0 && cliAt + 1 < args.length ? Path.of(args[cliAt + 1]) : null;
        int forks = quick ? 3 : 10;
        Map<String, String> rows = new LinkedHashMap<>();
        List<String[]> targets = new ArrayList<>();

        // 1 and 2: one assessment, the cost per customer in a batch, and the empty snapshot, with allocation
        Collection<RunResult> avgt = new Runner(base(quick).include(AssessmentBenchmark.class.getName() + "\\.")
                .mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS).addProfiler(GCProfiler.class).build()).run();
        double baseline = score(avgt, "baseline");
        double batch = score(avgt, "engineBatch");
        rows.put("1. one assessment, assess(one) (µs/op)", ratio(score(avgt, "engine"), baseline));
        rows.put("1. per customer in a batch of " + AssessmentBenchmark.BATCH + ", full detail (µs)", ratio(batch, baseline));
        rows.put("1. per customer in a batch, decision only (µs)", ratio(score(avgt, "engineBatchDecision"), baseline));
        rows.put("1. allocation, assess(one) (B/op)", ratio(alloc(avgt, "engine"), alloc(avgt, "baseline")));
        double batchAlloc = alloc(avgt, "engineBatch");
        rows.put("1. allocation per customer in a batch, full detail (B)", ratio(batchAlloc, alloc(avgt, "baseline")));
        rows.put("1. allocation per customer in a batch, decision only (B)", ratio(alloc(avgt, "engineBatchDecision"), alloc(avgt, "baseline")));
        rows.put("2. empty snapshot (µs/op)", ratio(score(avgt, "engineEmptySnapshot"), score(avgt, "baselineEmptySnapshot")));
        targets.add(target("one assessment ≤ 10× the baseline (per customer in a batch)", batch / baseline <= 10,
                String.format(Locale.ROOT, "%.1f×", batch / baseline)));
        targets.add(target("allocation ≤ 10 KB per assessment (in a batch)", batchAlloc <= 10_240,
                String.format(Locale.ROOT, "%,.0f B", batchAlloc)));

        // 3: book throughput with 1 and 2 threads, one by one and in batches
        double[] batchThroughput = new double[3];
        double[] baselineThroughput = new double[3];
        for (int threads : new int[] {1, 2}) {
            Collection<RunResult> thrpt = new Runner(base(quick).include(AssessmentBenchmark.class.getName() + "\\.(engine|engineBatch|baseline)$")
                    .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).threads(threads).build()).run();
            String t = threads + " thread" + (threads == 1 ? "" : "s");
            // higher is better here: the ratio is how many times fewer assessments per second the engine makes
            rows.put("3. book throughput, assess(one), " + t + " (assessments/s; ratio = baseline / engine)",
                    ratio(score(thrpt, "engine"), score(thrpt, "baseline"), score(thrpt, "baseline") / score(thrpt, "engine")));
            batchThroughput[threads] = score(thrpt, "engineBatch");
            baselineThroughput[threads] = score(thrpt, "baseline");
            rows.put("3. book throughput, batches, " + t + " (assessments/s; ratio = baseline / engine)",
                    ratio(batchThroughput[threads], baselineThroughput[threads], baselineThroughput[threads] / batchThroughput[threads]));
        }
        double scaling = batchThroughput[2] / batchThroughput[1];
        rows.put("3. two threads / one thread, batches", String.format(Locale.ROOT, "%.2f×", scaling));
        targets.add(target("book throughput, 2 threads ≥ 1/10 of the baseline's", batchThroughput[2] * 10 >= baselineThroughput[2],
                String.format(Locale.ROOT, "1/%.0f", baselineThroughput[2] / batchThroughput[2])));
        targets.add(target("book throughput, 2 threads ≥ 150,000 assessments/s", batchThroughput[2] >= 150_000,
                String.format(Locale.ROOT, "%,.0f/s", batchThroughput[2])));
        targets.add(target("two threads ≥ 1.8× one thread", scaling >= 1.8, String.format(Locale.ROOT, "%.2f×", scaling)));

        // 4: cold start, in JMH (fresh fork, single shot) and from JVM start (fresh process)
        Collection<RunResult> cold = new Runner(new OptionsBuilder().include(ColdStartBenchmark.class.getName())
                .forks(forks).shouldFailOnError(true).build()).run();
        rows.put("4. first decision in a fresh JVM, JMH single shot (ms)", String.format(Locale.ROOT, "%.0f precompiled, %.0f DRL at start-up",
                score(cold, "precompiledModel"), score(cold, "drlCompiledAtStartUp")));
        List<Double> firstDecision = values(ColdStartBenchmark.class, "first-decision-ms", forks, "precompiled");
        rows.put("4. JVM start to first decision, median of " + forks + " (ms)", String.format(Locale.ROOT, "%.0f precompiled, %.0f DRL at start-up",
                median(firstDecision), median(values(ColdStartBenchmark.class, "first-decision-ms", forks, "drl"))));
        targets.add(target("first decision ≤ 0.7 s after JVM start (library)", median(firstDecision) <= 700,
                String.format(Locale.ROOT, "%.0f ms", median(firstDecision))));

        // 5: retained heap of one engine, three fresh JVMs each
        List<Double> heap = values(HeapProbe.class, "retained-bytes", 3, "precompiled");
        double spread = (heap.get(heap.size() - 1) - heap.get(0)) / 1e6;
        rows.put("5. retained heap of one engine, median of 3 (MB)", String.format(Locale.ROOT, "%.1f precompiled (spread %.2f), %.1f DRL at start-up",
                median(heap) / 1e6, spread, median(values(HeapProbe.class, "retained-bytes", 3, "drl")) / 1e6));
        // (the heap probes run with the serial collector: its used-heap figure after a full GC is exact and stable)
        targets.add(target("retained heap of one engine ≤ 20 MB, within 1 MB over three runs",
                median(heap) <= 20e6 && spread <= 1.0, String.format(Locale.ROOT, "%.1f MB, spread %.2f MB", median(heap) / 1e6, spread)));

        // 7: limits: customers with 10,000 facts and a runaway host rule, each first assessment in a fresh JVM at -Xmx256m
        List<Double> manyAsks = values(LimitsProbe.class, "ms", 3, "asks");
        List<Double> manyAnswers = values(LimitsProbe.class, "ms", 3, "feedback");
        List<Double> runaway = values(LimitsProbe.class, "ms", 3, "runaway");
        rows.put("7. one customer with 10,000 asks, first assessment, -Xmx256m, median of 3 (ms)",
                ratio(median(manyAsks), median(values(LimitsProbe.class, "baseline-ms", 3, "asks"))));
        rows.put("7. one customer with 10,000 feedback answers, first assessment, -Xmx256m, median of 3 (ms)",
                ratio(median(manyAnswers), median(values(LimitsProbe.class, "baseline-ms", 3, "feedback"))));
        rows.put("7. runaway host rule stopped at the default fire limit, median of 3 (ms)", String.format(Locale.ROOT, "%.0f", median(runaway)));
        targets.add(target("the 10,000-asks customer in under 1 s within -Xmx256m", median(manyAsks) < 1000,
                String.format(Locale.ROOT, "%.0f ms", median(manyAsks))));
        targets.add(target("a runaway host rule fails within 2 s at the default limit", median(runaway) < 2000,
                String.format(Locale.ROOT, "%.0f ms", median(runaway))));

        // 6: the command line
        if (cli != null) {
            List<Double> firstAnswer = cliFirstAnswer(cli, forks);
            rows.put("6. command line: JVM start to first answer, median of " + forks + " (ms)",
                    String.format(Locale.ROOT, "%.0f", median(firstAnswer)));
            targets.add(target("the command line's first answer ≤ 1.0 s", median(firstAnswer) <= 1000,
                    String.format(Locale.ROOT, "%.0f ms", median(firstAnswer))));
            double perSecond = cliBook(cli, quick ? 100_000 : 1_000_000);
            rows.put("6. command line, generated NDJSON book, decision-only NDJSON out, -Xmx512m (customers/s)",
                    String.format(Locale.ROOT, "%,.0f", perSecond));
            targets.add(target("the command line's 1,000,000-customer book ≥ 50,000 customers/s", perSecond >= 50_000,
                    String.format(Locale.ROOT, "%,.0f/s%s", perSecond, quick ? " (100,000 customers: quick run)" : "")));
        } else {
            targets.add(target("the command line (run with --cli PATH to measure)", false, "not measured"));
        }

        System.out.println();
        System.out.println("referral-rules benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name") + (quick ? ", QUICK RUN" : "") + ")");
        System.out.println("figure | engine | baseline | ratio (engine / baseline unless said)");
        rows.forEach((figure, value) -> System.out.println(figure + " | " + value));
        System.out.println();
        System.out.println("target | measured | met?");
        for (String[] t : targets) {
            System.out.println(String.join(" | ", t));
        }
    }

    private static String[] target(String what, boolean met, String measured) {
        return new String[] {what, measured, met ? "met" : "not met"};
    }

    private static ChainedOptionsBuilder base(boolean quick) {
        ChainedOptionsBuilder b = new OptionsBuilder().forks(1).shouldFailOnError(true);
        if (quick) {
            b = b.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3).measurementTime(TimeValue.seconds(1));
        }
        return b;
    }

    private static double score(Collection<RunResult> results, String method) {
        for (RunResult r : results) {
            BenchmarkParams params = r.getParams();
            if (params.getBenchmark().endsWith("." + method)) {
                return r.getPrimaryResult().getScore();
            }
        }
        throw new IllegalStateException("no result for " + method);
    }

    private static double alloc(Collection<RunResult> results, String method) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + method)) {
                Result<?> norm = r.getSecondaryResults().get("gc.alloc.rate.norm");
                return norm == null ? Double.NaN : norm.getScore();
            }
        }
        throw new IllegalStateException("no result for " + method);
    }

    private static String ratio(double engine, double baseline) {
        return ratio(engine, baseline, engine / baseline);
    }

    private static String ratio(double engine, double baseline, double ratio) {
        return String.format(Locale.ROOT, "%,.2f | %,.2f | %,.1f×", engine, baseline, ratio);
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** Runs {@code main} of the class in fresh JVMs; the numbers after {@code key}, sorted. */
    private static List<Double> values(Class<?> main, String key, int runs, String arg) throws IOException, InterruptedException {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path")));
            if (main == HeapProbe.class) {
                command.add("-XX:+UseSerialGC");
            }
            if (main == LimitsProbe.class) {
                command.add("-Xmx256m");
            }
            command.add(main.getName());
            command.add(arg);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(key + " ")) {
                        values.add(Double.parseDouble(line.split(" ")[1]));
                    }
                }
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(main.getSimpleName() + " " + arg + " failed");
            }
        }
        values.sort(Double::compare);
        return values;
    }

    /**
     * Milliseconds from starting the command line on a one-customer book to its first answer line, sorted; launched as
     * the README says, with the class-data-sharing archive beside the jar when there is one.
     */
    private static List<Double> cliFirstAnswer(Path cli, int runs) throws IOException, InterruptedException {
        Path one = Files.createTempFile("one-customer", ".ndjson");
        CustomerSnapshot customer = new SampleBook(Benchmarks.SEED, Benchmarks.AS_OF).customers(1).toList().get(0);
        Files.writeString(one, ReferralJson.writeBookEntry(customer) + "\n", StandardCharsets.UTF_8);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            List<String> command = launch(cli, "assess", one.toString(), "--as-of", Benchmarks.AS_OF.toString(),
                    "--format", "ndjson", "--no-progress");
            // the documented launch command: with the class-data-sharing archive the build makes beside the jar
            Path archive = cli.resolveSibling("referral-rules-cli.jsa");
            if (Files.exists(archive)) {
                command.add(1, "-XX:SharedArchiveFile=" + archive);
            }
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                if (out.readLine() == null) {
                    throw new IllegalStateException("the command line printed no answer");
                }
                values.add((System.nanoTime() - start) / 1e6);
                out.transferTo(java.io.Writer.nullWriter());
            }
            process.waitFor();
        }
        Files.delete(one);
        values.sort(Double::compare);
        return values;
    }

    /** The customers per second the command line reports for a generated NDJSON book, decision-only NDJSON out. */
    private static double cliBook(Path cli, int customers) throws IOException, InterruptedException {
        Path book = Files.createTempFile("book", ".ndjson");
        Path answers = Files.createTempFile("answers", ".ndjson");
        try {
            run(launch(cli, "generate", "--customers", String.valueOf(customers), "--seed", "42", "--as-of",
                    Benchmarks.AS_OF.toString(), "--output", book.toString()));
            List<String> assess = launch(cli, "assess", book.toString(), "--as-of", Benchmarks.AS_OF.toString(), "--format",
                    "ndjson", "--detail", "decision", "--output", answers.toString(), "--no-progress");
            assess.add(1, "-Xmx512m");
            String summary = run(assess);
            Matcher m = PER_SECOND.matcher(summary);
            if (!m.find()) {
                throw new IllegalStateException("no customers/s in the command line's summary: " + summary);
            }
            return Double.parseDouble(m.group(1).replace(",", ""));
        } finally {
            Files.deleteIfExists(book);
            Files.deleteIfExists(answers);
        }
    }

    private static List<String> launch(Path cli, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", cli.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a command to its end and returns what it printed on standard error (the command line's summary). */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
        }
        return err;
    }
}
