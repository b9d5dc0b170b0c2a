package io.referralrules.engine.internal;

import org.kie.api.runtime.rule.RuleContext;

import java.util.List;

/** A derived conclusion that is neither a stage, an action nor a warning, kept among the reasons. */
public record Noted(Subject subject, Said said) implements Conclusion {

    public static Noted of(RuleContext kcontext, Subject subject, String message, List<?> evidence) {
        return new Noted(subject, Said.by(kcontext, message, evidence));
    }

    /** Trust is earned, citing the evidence of every builder that is met. */
    public static Noted trustEarned(RuleContext kcontext, Subject subject, String message, List<?> metMeasures) {
        List<Object> evidence = new java.util.ArrayList<>();
        for (Object m : metMeasures) {
            evidence.addAll(((TrustBuilderMeasure) m).evidence());
        }
        return of(kcontext, subject, message, evidence);
    }
}
