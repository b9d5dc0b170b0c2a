package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.engine.ReferralRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One assessment, engine beside baseline, on the same generated customers (cycled), and the fixed cost of an empty
 * snapshot. Run with {@code -prof gc} for the allocation per assessment. Throughput mode with 1 and 2 threads gives the
 * book throughput (each thread walks the book on its own cursor).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssessmentBenchmark {

    /** The engine, the baseline and the book: shared by every thread. */
    @State(Scope.Benchmark)
    public static class Shared {
        ReferralReadinessEngine engine;
        BaselineEvaluator baseline;
        CustomerSnapshot[] book;
        CustomerSnapshot empty;

        @Setup
        public void setUp() {
            engine = ReferralRules.engine();
            baseline = new BaselineEvaluator(engine.policy());
            book = Benchmarks.book();
            empty = CustomerSnapshot.builder(new Customer("C-EMPTY", CustomerType.BUSINESS, "rep-1", null)).build();
        }
    }

    /** Each thread's position in the book. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        CustomerSnapshot next(CustomerSnapshot[] book) {
            CustomerSnapshot s = book[next];
            next = (next + 1) & (book.length - 1);
            return s;
        }
    }

    @Benchmark
    public ReadinessAssessment engine(Shared shared, Cursor cursor) {
        return shared.engine.assess(cursor.next(shared.book), Benchmarks.AS_OF);
    }

    @Benchmark
    public BaselineEvaluator.Answer baseline(Shared shared, Cursor cursor) {
        return shared.baseline.assess(cursor.next(shared.book), Benchmarks.AS_OF);
    }

    @Benchmark
    public ReadinessAssessment engineEmptySnapshot(Shared shared) {
        return shared.engine.assess(shared.empty, Benchmarks.AS_OF);
    }

    @Benchmark
    public BaselineEvaluator.Answer baselineEmptySnapshot(Shared shared) {
        return shared.baseline.assess(shared.empty, Benchmarks.AS_OF);
    }
}
