package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One assessment, engine beside baseline, on the same generated customers (cycled), and the fixed cost of an empty
 * snapshot. Run with {@code -prof gc} for the allocation per assessment. Throughput mode with 1 and 2 threads gives the
 * book throughput (each thread walks the book on its own cursor). The batch benchmarks decide {@value #BATCH} customers
 * per call ({@code assessAll}) and report the cost per customer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssessmentBenchmark {
    /** Customers per {@code assessAll} call in the batch benchmarks; the engine's own session batch is the same size. */
    public static final int BATCH = 256;

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

        List<CustomerSnapshot> nextBatch(CustomerSnapshot[] book) {
            // the book's length is a multiple of the batch
            List<CustomerSnapshot> batch = Arrays.asList(book).subList(next, next + BATCH);
            next = (next + BATCH) & (book.length - 1);
            return batch;
        }
    }

    @Benchmark
    public ReadinessAssessment engine(Shared shared, Cursor cursor) {
        return shared.engine.assess(cursor.next(shared.book), Benchmarks.AS_OF);
    }

    /** The cost per customer when a batch is decided in one call, full detail. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<ReadinessAssessment> engineBatch(Shared shared, Cursor cursor) {
        return shared.engine.assessAll(cursor.nextBatch(shared.book), Benchmarks.AS_OF);
    }

    /** The cost per customer when a batch is decided in one call, decision only (what a nightly book run stores). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<ReadinessAssessment> engineBatchDecision(Shared shared, Cursor cursor) {
        return shared.engine.assessAll(cursor.nextBatch(shared.book), Benchmarks.AS_OF, Detail.DECISION);
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
