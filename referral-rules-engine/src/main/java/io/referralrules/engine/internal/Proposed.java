package io.referralrules.engine.internal;

import io.referralrules.api.ActionType;
import org.kie.api.runtime.rule.RuleContext;

import java.time.LocalDate;
import java.util.List;

/**
 * A rule proposes an action due on a day; overdue days are counted when the answer is read. An
 * {@link ActionType#ASK_FOR_INTRODUCTION} carries the playbook's talk-track key and gets the subject's prospect hints.
 */
public record Proposed(Subject subject, ActionType type, LocalDate due, String subjectId, Said said, String talkTrack)
        implements Conclusion {

    public static Proposed action(RuleContext kcontext, Subject subject, ActionType type, LocalDate due, String subjectId,
                                  String message, List<?> evidence) {
        return new Proposed(subject, type, due, subjectId, Said.by(kcontext, message, evidence), null);
    }

    public static Proposed ask(RuleContext kcontext, Subject subject, LocalDate due, String subjectId, String message,
                               String talkTrack, List<?> evidence) {
        return new Proposed(subject, ActionType.ASK_FOR_INTRODUCTION, due, subjectId, Said.by(kcontext, message, evidence),
                talkTrack);
    }
}
