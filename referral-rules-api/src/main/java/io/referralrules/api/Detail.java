package io.referralrules.api;

/**
 * How much of the answer an assessment works out. The decision itself (stage, the rule that decided it, trust
 * builders, actions, warnings) is the same at every level; the explanations around it cost extra work and are only
 * worked out when asked for.
 *
 * <pre>{@code
 * // a nightly book run that stores only the decision
 * List<ReadinessAssessment> answers = engine.assessAll(snapshots, LocalDate.of(2026, 6, 15), Detail.DECISION);
 * }</pre>
 */
public enum Detail {
    /**
     * Everything: the decision, every reason and fired rule, the why-not list and the earliest ask day (which may
     * re-assess the customer on a later day). The default of {@link ReferralReadinessEngine#assess}.
     */
    FULL,
    /**
     * The decision only: stage and its reason, trust builders, actions and warnings. {@code whyNot}, {@code reasons}
     * and {@code firedRules} are empty and {@code earliestAsk} is {@link EarliestAsk#notWorkedOut()}.
     */
    DECISION
}
