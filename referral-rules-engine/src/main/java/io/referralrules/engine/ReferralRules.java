package io.referralrules.engine;

import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;

import java.util.Objects;

/**
 * Creates referral readiness engines backed by the bundled Drools rules (the earned-trust method), precompiled to
 * the executable model. The compiled rules are loaded once and shared by every engine; an engine is thread-safe and
 * meant to be built once and reused.
 *
 * <pre>{@code
 * ReferralReadinessEngine engine = ReferralRules.engine();
 * ReadinessAssessment result = engine.assess(snapshot, LocalDate.of(2026, 3, 10));
 *
 * ReferralReadinessEngine patient = ReferralRules.engine(
 *         ReadinessPolicy.defaults().toBuilder().askCoolDownDays(180).build());
 * }</pre>
 */
public final class ReferralRules {
    private ReferralRules() {
    }

    /** An engine with the default earned-trust policy. */
    public static ReferralReadinessEngine engine() {
        return engine(ReadinessPolicy.defaults());
    }

    /** An engine that decides with the given thresholds. */
    public static ReferralReadinessEngine engine(ReadinessPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new DroolsReadinessEngine(BundledRules.kieBase(), policy);
    }
}
