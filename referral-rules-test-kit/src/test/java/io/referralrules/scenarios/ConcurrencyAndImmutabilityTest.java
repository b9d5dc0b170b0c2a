package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FollowUpType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
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

    /** Every scenario customer on several days: different stages, warnings, actions and earliest ask days. */
    private static List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        List<CustomerSnapshot> customers = new ArrayList<>(ScenarioBook.all());
        customers.add(busyCustomer());
        for (CustomerSnapshot customer : customers) {
            for (int day : new int[] {0, 1, 7, 30, 91}) {
                inputs.add(new Input(customer, daysAgo(-day)));
            }
        }
        return inputs;
    }

    private record Input(CustomerSnapshot snapshot, LocalDate asOf) {
    }

    @Test
    void eightThreadsOfTwentyThousandAssessmentsGiveTheSequentialAnswers() throws Exception {
        List<Input> inputs = inputs();
        Map<Detail, Map<Input, ReadinessAssessment>> sequential = new EnumMap<>(Detail.class);
        for (Detail detail : Detail.values()) {
            Map<Input, ReadinessAssessment> answers = new HashMap<>();
            for (Input input : inputs) {
                answers.put(input, ENGINE.assess(input.snapshot(), input.asOf(), detail));
            }
            sequential.put(detail, answers);
        }
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                // the threads take turns: full or decision detail, one customer at a time or batches mixing customers
                Detail detail = thread % 4 < 2 ? Detail.FULL : Detail.DECISION;
                boolean oneByOne = thread % 2 == 0;
                Map<Input, ReadinessAssessment> expected = sequential.get(detail);
                Callable<Integer> task = () -> {
                    start.await();
                    int checked = 0;
                    for (int from = 0; from < perThread; from += 200) {
                        List<Input> chunk = new ArrayList<>();
                        for (int i = from; i < from + 200; i++) {
                            chunk.add(inputs.get((i * 7 + thread * 13) % inputs.size()));
                        }
                        if (oneByOne) {
                            for (Input input : chunk) {
                                assertThat(ENGINE.assess(input.snapshot(), input.asOf(), detail)).isEqualTo(expected.get(input));
                                checked++;
                            }
                            continue;
                        }
                        for (LocalDate day : chunk.stream().map(Input::asOf).distinct().toList()) {
                            List<Input> sameDay = chunk.stream().filter(in -> in.asOf().equals(day)).toList();
                            List<ReadinessAssessment> answers = ENGINE.assessAll(sameDay.stream().map(Input::snapshot).toList(), day, detail);
                            for (int k = 0; k < sameDay.size(); k++) {
                                assertThat(answers.get(k)).isEqualTo(expected.get(sameDay.get(k)));
                                checked++;
                            }
                        }
                    }
                    return checked;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                assertThat(future.get()).isEqualTo(perThread);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHostsSnapshotIsUnchangedAfterAssessment() {
        CustomerSnapshot snapshot = busyCustomer();
        List<Fact> before = snapshot.facts().toList();
        // built anew, field by field: equal values, none of the same objects
        List<Fact> copies = busyCustomer().facts().toList();
        assertThat(copies).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(copies.get(i)).isNotSameAs(before.get(i)).isEqualTo(before.get(i));
        }

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
