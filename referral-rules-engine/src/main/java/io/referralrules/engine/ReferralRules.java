package io.referralrules.engine;

import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;

import java.util.Objects;

/**
 * Creates referral readiness engines. An engine is thread-safe and meant to be built once and reused.
 *
 * <p>A bundled playbook's rules are precompiled to the executable model, loaded once and shared by every engine of
 * that playbook: building another engine with other thresholds (for another tenant, say) compiles nothing. A
 * playbook with host rules is compiled when its engine is built; to share that compilation between engines, use
 * {@link TenantEngines}.
 *
 * <pre>{@code
 * ReferralReadinessEngine engine = ReferralRules.engine();                       // earned-trust, its defaults
 * ReadinessAssessment result = engine.assess(snapshot, LocalDate.of(2026, 3, 10));
 *
 * ReferralReadinessEngine patient = ReferralRules.engine(
 *         ReadinessPolicy.defaults().toBuilder().askCoolDownDays(180).build());
 * ReferralReadinessEngine quick = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM);
 *
 * ReferralReadinessEngine strict = ReferralRules.builder()
 *         .playbook(acme).policy(acmePolicy).fireLimit(20_000).build();
 * }</pre>
 */
public final class ReferralRules {
    /**
     * How many rule firings one customer's assessment may take by default: the bundled rules take a few dozen for a
     * typical customer and a few per fact at most, so only a rule that feeds itself comes near it. A customer with more
     * than a tenth of the limit in facts may take 10 firings per fact instead.
     */
    public static final int DEFAULT_FIRE_LIMIT = 100_000;

    private ReferralRules() {
    }

    /** A builder for an engine whose playbook, thresholds and limits are all chosen. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an engine; every setting has a default (earned-trust, its thresholds, {@link #DEFAULT_FIRE_LIMIT}).
     *
     * <pre>{@code
     * ReferralReadinessEngine engine = ReferralRules.builder()
     *         .playbook(Playbook.POST_SALE_MOMENTUM)
     *         .policy(PolicyJson.read(Path.of("tenants/acme.json"), Playbook.POST_SALE_MOMENTUM.defaults()))
     *         .fireLimit(20_000)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private Playbook playbook = Playbook.EARNED_TRUST;
        private ReadinessPolicy policy;
        private int fireLimit = DEFAULT_FIRE_LIMIT;

        private Builder() {
        }

        /** The rules to run; when no policy is set, the playbook's defaults are the thresholds. */
        public Builder playbook(Playbook playbook) {
            this.playbook = Objects.requireNonNull(playbook, "playbook");
            return this;
        }

        /** The thresholds. */
        public Builder policy(ReadinessPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How many rule firings one customer's assessment may take; past it, the assessment fails with a
         * {@link RuleFiringLimitException} naming the rule and the customer.
         *
         * @throws IllegalArgumentException if the limit is not positive
         */
        public Builder fireLimit(int firingsPerAssessment) {
            if (firingsPerAssessment < 1) {
                throw new IllegalArgumentException("fireLimit must be at least 1, was " + firingsPerAssessment);
            }
            this.fireLimit = firingsPerAssessment;
            return this;
        }

        /**
         * The engine.
         *
         * @throws RuleCompilationException if the playbook's host rules do not compile
     * @throws IllegalStateException    if the playbook has host rules and {@code referral-rules-host-rules} is not on
     *                                  the class path
         * @throws IllegalStateException    if the playbook has host rules and {@code referral-rules-host-rules}, which
         *                                  compiles them, is not on the class path
         */
        public ReferralReadinessEngine build() {
            return new DroolsReadinessEngine(RuleSets.ruleSet(playbook), policy != null ? policy : playbook.defaults(),
                    playbook.ref(), fireLimit);
        }
    }

    /** An engine running the earned-trust playbook with its default thresholds. */
    public static ReferralReadinessEngine engine() {
        return engine(Playbook.EARNED_TRUST);
    }

    /** An engine running the earned-trust playbook with the given thresholds. */
    public static ReferralReadinessEngine engine(ReadinessPolicy policy) {
        return builder().policy(policy).build();
    }

    /** An engine running the given playbook with its default thresholds. */
    public static ReferralReadinessEngine engine(Playbook playbook) {
        return builder().playbook(playbook).build();
    }

    /**
     * An engine running the given playbook with the given thresholds.
     *
     * @throws RuleCompilationException if the playbook's host rules do not compile
     */
    public static ReferralReadinessEngine engine(Playbook playbook, ReadinessPolicy policy) {
        return builder().playbook(playbook).policy(policy).build();
    }
}
