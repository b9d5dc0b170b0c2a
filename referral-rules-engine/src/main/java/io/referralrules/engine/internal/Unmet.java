package io.referralrules.engine.internal;

import io.referralrules.api.ObstacleKind;
import io.referralrules.api.ReadinessPolicy;
import org.kie.api.runtime.rule.RuleContext;

import java.time.LocalDate;
import java.util.List;

/**
 * An unmet condition for READY_TO_ASK, found by the rule that blocks it, with what was measured, what is needed, what
 * would meet it and the day time alone clears it ({@code null} when new facts are needed).
 */
public record Unmet(Subject subject, ObstacleKind kind, String subjectId, String measured, String needed, String remedy,
                    LocalDate clearsOn, Said said) implements Conclusion {

    public static Unmet of(RuleContext kcontext, Subject subject, ObstacleKind kind, String subjectId, String measured,
                           String needed, String remedy, LocalDate clearsOn, List<?> evidence) {
        return new Unmet(subject, kind, subjectId, measured, needed, remedy, clearsOn,
                Said.by(kcontext, measured + " (needs " + needed + "): " + remedy, evidence));
    }

    /** An unmet trust builder, marked when the policy makes it mandatory. */
    public static Unmet builder(RuleContext kcontext, Object unmetMeasure, ReadinessPolicy policy) {
        TrustBuilderMeasure m = (TrustBuilderMeasure) unmetMeasure;
        String needed = m.needed() + (policy.mandatory(m.builder()) ? ", mandatory" : "");
        return of(kcontext, m.subject(), ObstacleKind.TRUST_BUILDER, m.builder().name(), m.measured(), needed, m.remedy(),
                null, m.evidence());
    }
}
