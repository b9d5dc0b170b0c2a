package io.referralrules.engine;

/**
 * An assessment stopped because its rules fired more often than the engine allows: almost always a host rule that
 * feeds itself (it inserts or modifies a fact that makes it match again), which would otherwise run until the heap is
 * gone. The message names the rule that was about to fire again, the customer and the limit; ids and dates only. The
 * limit is the engine's ({@link ReferralRules#DEFAULT_FIRE_LIMIT} unless set), raised to 10 firings per fact for a
 * customer with more facts than that allows (the bundled rules fire a few times per fact at most).
 *
 * <pre>{@code
 * ReferralReadinessEngine engine = ReferralRules.builder().playbook(acme).fireLimit(10_000).build();
 * try {
 *     engine.assess(snapshot, today);
 * } catch (RuleFiringLimitException e) {
 *     log.error("rule {} runs away for customer {}", e.rule(), e.customerId());
 * }
 * }</pre>
 */
public final class RuleFiringLimitException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String customerId;
    private final long firings;

    RuleFiringLimitException(String rule, String customerId, String asOf, long firings, long limitPerAssessment) {
        super("rule '" + rule + "' was about to fire again after " + firings + " rule firings"
                + (customerId == null ? "" : " for customer '" + customerId + "' as of " + asOf)
                + ", past the limit of " + limitPerAssessment + " firings per assessment: a rule that keeps matching what it"
                + " inserts or modifies? (raise the limit with ReferralRules.builder().fireLimit(n) if the rules are right)");
        this.rule = rule;
        this.customerId = customerId;
        this.firings = firings;
    }

    /** The rule that was about to fire when the limit was reached. */
    public String rule() {
        return rule;
    }

    /** The customer the rule was matching, or {@code null} when the match names none. */
    public String customerId() {
        return customerId;
    }

    /** How many rules had fired in the session when it stopped. */
    public long firings() {
        return firings;
    }
}
