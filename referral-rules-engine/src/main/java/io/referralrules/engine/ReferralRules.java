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
 * }</pre>
 */
public final class ReferralRules {
    private ReferralRules() {
    }

    /** An engine running the earned-trust playbook with its default thresholds. */
    public static ReferralReadinessEngine engine() {
        return engine(Playbook.EARNED_TRUST);
    }

    /** An engine running the earned-trust playbook with the given thresholds. */
    public static ReferralReadinessEngine engine(ReadinessPolicy policy) {
        return engine(Playbook.EARNED_TRUST, policy);
    }

    /** An engine running the given playbook with its default thresholds. */
    public static ReferralReadinessEngine engine(Playbook playbook) {
        return engine(playbook, playbook.defaults());
    }

    /**
     * An engine running the given playbook with the given thresholds.
     *
     * @throws RuleCompilationException if the playbook's host rules do not compile
     */
    public static ReferralReadinessEngine engine(Playbook playbook, ReadinessPolicy policy) {
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(policy, "policy");
        return new DroolsReadinessEngine(RuleSets.ruleSet(playbook), policy, playbook.ref());
    }
}
