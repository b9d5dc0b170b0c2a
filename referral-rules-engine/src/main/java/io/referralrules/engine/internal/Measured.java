package io.referralrules.engine.internal;

import io.referralrules.api.TrustBuilder;
import org.kie.api.runtime.rule.RuleContext;

import java.util.List;

/** A trust builder as measured on the assessment day. */
public record Measured(Subject subject, TrustBuilder builder, boolean met, Said said) implements Conclusion {

    public static Measured of(RuleContext kcontext, Subject subject, TrustBuilder builder, boolean met, List<?> evidence,
                              String message) {
        return new Measured(subject, builder, met, Said.by(kcontext, message, evidence));
    }

    /** A builder met by a minimum count of facts, as {@link TrustBuilderMeasure#count} measured it. */
    public static Measured of(RuleContext kcontext, TrustBuilderMeasure m, int minimum) {
        return new Measured(m.subject(), m.builder(), m.met(),
                Said.by(kcontext, m.measured() + " (needs " + minimum + ").", m.evidence()));
    }
}
