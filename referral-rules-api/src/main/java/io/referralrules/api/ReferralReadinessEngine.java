package io.referralrules.api;

import java.time.LocalDate;

/**
 * Decides, for one customer, where they stand in the referral cycle, what to do next, which follow-ups are due and
 * why. Implementations are thread-safe: build one engine at start-up and share it.
 *
 * <pre>{@code
 * ReferralReadinessEngine engine = ReferralRules.engine();   // from referral-rules-engine
 * CustomerSnapshot snapshot = CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-7", null))
 *         .add(new Sale("S-1", LocalDate.of(2026, 3, 2), new BigDecimal("12000"), "slow invoicing"))
 *         .build();
 * ReadinessAssessment result = engine.assess(snapshot, LocalDate.of(2026, 3, 10));
 * result.stage();     // POSITIONING
 * result.actions();   // HOLD_POSITIONING_CONVERSATION due 2026-03-03, overdue 7 days
 * }</pre>
 */
public interface ReferralReadinessEngine {

    /**
     * Assesses one customer as of one day. Facts dated after {@code asOf} are treated as not yet happened, so the
     * answer depends only on the snapshot, the day and the engine's policy: never on the system clock.
     *
     * @param snapshot the customer's facts; not modified
     * @param asOf     the assessment day
     * @return the assessment, never {@code null}
     * @throws NullPointerException if an argument is {@code null}
     */
    ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf);

    /**
     * Assesses like {@link #assess} and keeps what is needed to replay the decision later: the snapshot, the day, the
     * playbook, the thresholds and fingerprints of the rules and thresholds.
     */
    DecisionRecord record(CustomerSnapshot snapshot, LocalDate asOf);

    /**
     * Re-runs a recorded decision on its facts and day with this engine, and reports whether the answer is identical.
     * A different playbook, rule set, policy or engine version is reported as a difference, not silently re-decided.
     */
    ReplayResult replay(DecisionRecord record);

    /** The thresholds this engine decides with. */
    ReadinessPolicy policy();

    /** The playbook (rule set) and version this engine decides with; every assessment names it too. */
    PlaybookRef playbook();
}
