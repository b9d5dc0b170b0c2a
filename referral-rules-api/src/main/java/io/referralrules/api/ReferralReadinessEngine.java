package io.referralrules.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 *
 * // many customers at once: the same answers, in the same order, for less work per customer
 * List<ReadinessAssessment> answers = engine.assessAll(List.of(snapshot, other), LocalDate.of(2026, 3, 10));
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
     * Assesses one customer as of one day, working out only the given {@link Detail}. At {@link Detail#FULL} the
     * answer equals {@link #assess(CustomerSnapshot, LocalDate)}.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    default ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf, Detail detail) {
        Objects.requireNonNull(detail, "detail");
        return assess(snapshot, asOf);
    }

    /**
     * Assesses many customers as of one day, at full detail. The answers are in the order of the snapshots and each
     * equals what {@link #assess(CustomerSnapshot, LocalDate)} gives for that snapshot alone; an implementation may
     * decide them together to spread its fixed cost over the batch.
     *
     * @param snapshots the customers; not modified
     * @param asOf      the assessment day
     * @return one assessment per snapshot, in order
     * @throws NullPointerException if an argument or a snapshot is {@code null}
     */
    default List<ReadinessAssessment> assessAll(List<CustomerSnapshot> snapshots, LocalDate asOf) {
        return assessAll(snapshots, asOf, Detail.FULL);
    }

    /**
     * Assesses many customers as of one day, working out only the given {@link Detail}; otherwise as
     * {@link #assessAll(List, LocalDate)}. If one customer's assessment fails, the call throws; assess that batch one
     * by one to find the customer.
     */
    default List<ReadinessAssessment> assessAll(List<CustomerSnapshot> snapshots, LocalDate asOf, Detail detail) {
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(detail, "detail");
        List<ReadinessAssessment> out = new ArrayList<>(snapshots.size());
        for (CustomerSnapshot snapshot : snapshots) {
            out.add(assess(Objects.requireNonNull(snapshot, "snapshot"), asOf, detail));
        }
        return out;
    }

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
