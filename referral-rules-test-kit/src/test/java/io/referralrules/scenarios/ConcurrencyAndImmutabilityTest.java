package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FollowUpType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyAndImmutabilityTest extends RuleTestSupport {

    private static CustomerSnapshot busyCustomer() {
        return customer(join(readyToAsk(), List.of(
                complaint("CP-1", 40, 35), namesOnlyAsk("A-0", 120), ask("A-1", 30),
                introduction("I-1", 28, "A-1", null, 10), followUp("F-1", 26, "I-1", FollowUpType.THANK_REFERRER),
                referredSale("RS-1", 2, "I-1"))));
    }

    @Test
    void eightThreadsAtOnceGiveTheSequentialAnswer() throws Exception {
        CustomerSnapshot snapshot = busyCustomer();
        ReadinessAssessment sequential = assess(snapshot);
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<ReadinessAssessment>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<ReadinessAssessment>> task = () -> {
                    start.await();
                    List<ReadinessAssessment> results = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        results.add(assess(snapshot));
                    }
                    return results;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<List<ReadinessAssessment>> future : futures) {
                assertThat(future.get()).hasSize(perThread).allSatisfy(a -> assertThat(a).isEqualTo(sequential));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHostsSnapshotIsUnchangedAfterAssessment() {
        CustomerSnapshot snapshot = busyCustomer();
        List<Fact> before = snapshot.facts().toList();
        List<Fact> copies = List.copyOf(before);

        assess(snapshot);
        assess(snapshot, daysAgo(30));   // as-of views copy facts whose later dates are hidden

        List<Fact> after = snapshot.facts().toList();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).isSameAs(before.get(i)).isEqualTo(copies.get(i));
        }
        assertThat(snapshot).isEqualTo(busyCustomer());
    }
}
