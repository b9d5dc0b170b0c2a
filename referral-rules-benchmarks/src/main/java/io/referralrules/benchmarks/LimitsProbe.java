package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.Sale;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleFiringLimitException;
import io.referralrules.engine.RuleSource;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * For Main (run it at {@code -Xmx256m}): in a fresh JVM, with the engine built and one ordinary customer decided,
 * how long the first assessment of an extreme customer takes. {@code asks}: 10,000 asks (40 a day over 250 days after
 * a sale); {@code feedback}: 10,000 feedback answers (complaints each followed by a green light); {@code runaway}: a
 * host rule that inserts what it matches, until the default fire limit stops it. Prints {@code ms <milliseconds>}.
 */
final class LimitsProbe {
    /** The runaway host rule of issue 15: every Tick inserts the next one. */
    static final RuleSource RUNAWAY = RuleSource.of("runaway.drl", """
            package com.acme.rules;
            import io.referralrules.api.facts.Customer;
            declare Tick
                n : int
            end
            rule "Start the clock" when Customer() then insert( new Tick( 0 ) ); end
            rule "Tick" when Tick( $n : n ) then insert( new Tick( $n + 1 ) ); end
            """);

    private LimitsProbe() {
    }

    public static void main(String[] args) {
        String kind = args.length > 0 ? args[0] : "asks";
        LocalDate today = Benchmarks.AS_OF;
        ReferralReadinessEngine engine = kind.equals("runaway")
                ? ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("runaway", "1", RUNAWAY))
                : ReferralRules.engine();
        if (!kind.equals("runaway")) {
            engine.assess(ColdStartBenchmark.ONE, today);
        }
        CustomerSnapshot.Builder customer = CustomerSnapshot.builder(new Customer("C-MANY", CustomerType.BUSINESS, "rep-1", null))
                .add(new Sale("S-1", today.minusDays(400), new BigDecimal("1000"), null));
        for (int i = 0; i < 10_000; i++) {
            if (kind.equals("feedback")) {
                int day = 300 - i / 40;
                customer.add(new FeedbackAnswer(String.format("F-%05d", i), today.minusDays(i % 2 == 0 ? day : day - 1),
                        "How are we doing?", i % 2 == 0 ? FeedbackSignal.COMPLAINT : FeedbackSignal.GREEN_LIGHT));
            } else if (kind.equals("asks")) {
                customer.add(new ReferralAsk(String.format("A-%05d", i), today.minusDays(1 + (9_999 - i) / 40), AskType.INTRODUCTION));
            }
        }
        CustomerSnapshot snapshot = customer.build();
        long start = System.nanoTime();
        String outcome;
        try {
            outcome = engine.assess(snapshot, today).stage().toString();
        } catch (RuleFiringLimitException e) {
            outcome = "stopped: " + e.getMessage();
        }
        System.out.println("ms " + (System.nanoTime() - start) / 1_000_000 + " " + kind);
        System.out.println(outcome);
        if (!kind.equals("runaway")) {
            // the plain-Java yardstick on the same customer, its first call in the same JVM
            long baselineStart = System.nanoTime();
            new BaselineEvaluator(engine.policy()).assess(snapshot, today);
            System.out.println("baseline-ms " + (System.nanoTime() - baselineStart) / 1_000_000 + " " + kind);
        }
    }
}
