package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Sale;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * The first decision in a fresh JVM: build an engine and assess one customer, once per fork. Precompiled executable
 * model against the same playbook compiled from DRL at start-up (what a playbook with host rules costs). Main also
 * measures the same from JVM start, in separate processes.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ColdStartBenchmark {
    static final CustomerSnapshot ONE = CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null))
            .add(new Sale("S-1", Benchmarks.AS_OF.minusDays(3), new BigDecimal("1000"), null)).build();
    static final RuleSource NO_HOST_RULES = RuleSource.of("none.drl", "package none;\n");

    @Benchmark
    public ReadinessAssessment precompiledModel() {
        return ReferralRules.engine().assess(ONE, Benchmarks.AS_OF);
    }

    @Benchmark
    public ReadinessAssessment drlCompiledAtStartUp() {
        return ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("earned-trust", "drl", NO_HOST_RULES))
                .assess(ONE, Benchmarks.AS_OF);
    }

    /** For Main: a fresh JVM that prints milliseconds from JVM start to the first decision. */
    public static void main(String[] args) {
        ColdStartBenchmark b = new ColdStartBenchmark();
        ReadinessAssessment a = args.length > 0 && args[0].equals("drl") ? b.drlCompiledAtStartUp() : b.precompiledModel();
        long sinceStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("first-decision-ms " + sinceStart + " " + a.stage());
    }
}
