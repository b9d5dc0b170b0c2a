package io.referralrules.benchmarks;

import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** For Main: in a fresh JVM, the heap an engine keeps after it has decided once (used heap after full GCs, minus before). */
final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // load the library's own classes that are not the engine's state before the first measurement
        Class.forName("io.referralrules.api.CustomerSnapshot");
        long before = settled(memory);
        ReferralReadinessEngine engine = args.length > 0 && args[0].equals("drl")
                ? ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("earned-trust", "drl", ColdStartBenchmark.NO_HOST_RULES))
                : ReferralRules.engine();
        engine.assess(ColdStartBenchmark.ONE, Benchmarks.AS_OF);
        long after = settled(memory);
        System.out.println("retained-bytes " + (after - before) + " " + engine.playbook());
    }

    private static long settled(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
