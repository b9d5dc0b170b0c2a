package io.referralrules.benchmarks;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every measurement of docs/PERFORMANCE.md and prints the five figures with their ratios to the baseline of the
 * same run: {@code java -jar referral-rules-benchmarks/target/referral-rules-benchmarks-0.1.0-SNAPSHOT.jar}
 * ({@code --quick} for a short smoke run with fewer iterations, not for publishing).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        int forks = quick ? 3 : 10;
        Map<String, String> rows = new LinkedHashMap<>();

        // 1 and 2: one assessment and the empty snapshot, with allocation
        Collection<RunResult> avgt = new Runner(base(quick).include(AssessmentBenchmark.class.getName() + "\\.")
                .mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS).addProfiler(GCProfiler.class).build()).run();
        double engine = score(avgt, "engine");
        double baseline = score(avgt, "baseline");
        double engineEmpty = score(avgt, "engineEmptySnapshot");
        double baselineEmpty = score(avgt, "baselineEmptySnapshot");
        rows.put("1. one assessment (µs/op)", ratio(engine, baseline));
        rows.put("1. allocation per assessment (B/op)", ratio(alloc(avgt, "engine"), alloc(avgt, "baseline")));
        rows.put("2. empty snapshot (µs/op)", ratio(engineEmpty, baselineEmpty));

        // 3: book throughput with 1 and 2 threads
        for (int threads : new int[] {1, 2}) {
            Collection<RunResult> thrpt = new Runner(base(quick).include(AssessmentBenchmark.class.getName() + "\\.(engine|baseline)$")
                    .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).threads(threads).build()).run();
            // higher is better here: the ratio is how many times fewer assessments per second the engine makes
            rows.put("3. book throughput, " + threads + " thread" + (threads == 1 ? "" : "s") + " (assessments/s; ratio = baseline / engine)",
                    ratio(score(thrpt, "engine"), score(thrpt, "baseline"), score(thrpt, "baseline") / score(thrpt, "engine")));
        }

        // 4: cold start, in JMH (fresh fork, single shot) and from JVM start (fresh process)
        Collection<RunResult> cold = new Runner(new OptionsBuilder().include(ColdStartBenchmark.class.getName())
                .forks(forks).shouldFailOnError(true).build()).run();
        rows.put("4. first decision in a fresh JVM, JMH single shot (ms)", String.format(Locale.ROOT, "%.0f precompiled, %.0f DRL at start-up",
                score(cold, "precompiledModel"), score(cold, "drlCompiledAtStartUp")));
        rows.put("4. JVM start to first decision, median of " + forks + " (ms)", String.format(Locale.ROOT, "%.0f precompiled, %.0f DRL at start-up",
                median(ColdStartBenchmark.class, "first-decision-ms", forks, "precompiled"),
                median(ColdStartBenchmark.class, "first-decision-ms", forks, "drl")));

        // 5: retained heap of one engine
        rows.put("5. retained heap of one engine, median of 3 (MB)", String.format(Locale.ROOT, "%.1f precompiled, %.1f DRL at start-up",
                median(HeapProbe.class, "retained-bytes", 3, "precompiled") / 1e6, median(HeapProbe.class, "retained-bytes", 3, "drl") / 1e6));
        // (the heap probes run with the serial collector: its used-heap figure after a full GC is exact and stable)

        System.out.println();
        System.out.println("referral-rules benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name") + (quick ? ", QUICK RUN" : "") + ")");
        System.out.println("figure | engine | baseline | ratio (engine / baseline unless said)");
        rows.forEach((figure, value) -> System.out.println(figure + " | " + value));
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

    /** Runs {@code main} of the class in fresh JVMs and takes the median of the number after {@code key}. */
    private static double median(Class<?> main, String key, int runs, String arg) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
            if (main == HeapProbe.class) {
                command.add("-XX:+UseSerialGC");
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
        return values.get(values.size() / 2);
    }
}
