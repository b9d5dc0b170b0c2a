package io.referralrules.engine.internal;

import io.referralrules.api.WarningType;
import org.kie.api.runtime.rule.RuleContext;

import java.time.LocalDate;
import java.util.List;

/** A rule raises a warning about something that happened on a day. */
public record Raised(Subject subject, WarningType type, LocalDate date, String subjectId, Said said) implements Conclusion {

    public static Raised warning(RuleContext kcontext, Subject subject, WarningType type, LocalDate date, String subjectId,
                                 String message, List<?> evidence) {
        return new Raised(subject, type, date, subjectId, Said.by(kcontext, message, evidence));
    }
}
