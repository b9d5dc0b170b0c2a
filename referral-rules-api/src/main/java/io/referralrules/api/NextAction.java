package io.referralrules.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Something the salesperson should do, with the day it is due.
 *
 * @param type        what to do
 * @param dueDate     the day it is due
 * @param overdueDays how many days past due it is on the assessment day; 0 when not overdue
 * @param subjectId   the id of the fact it is about (the sale, the introduction…), or {@code null} when it concerns the
 *                    customer as a whole
 * @param reason      the rule that proposed it and why
 * @param talkTrack   a key the host maps to its own wording for this conversation (for example
 *                    {@code earned-trust.ask-for-introduction}), or {@code null} when the action has none
 * @param prospectHints whom the customer could introduce; set on {@link ActionType#ASK_FOR_INTRODUCTION}, empty on
 *                    other actions
 */
public record NextAction(ActionType type, LocalDate dueDate, int overdueDays, String subjectId, Reason reason,
                         String talkTrack, List<ProspectHint> prospectHints) {
    public NextAction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(reason, "reason");
        if (overdueDays < 0) {
            String problem = "must not be negative, was " + overdueDays;
            throw new InvalidInputException("NextAction.overdueDays " + problem, "overdueDays", problem);
        }
        if (talkTrack != null && talkTrack.isBlank()) {
            String problem = "must be null or non-blank, was '" + talkTrack + "'";
            throw new InvalidInputException("NextAction.talkTrack " + problem, "talkTrack", problem);
        }
        prospectHints = List.copyOf(Objects.requireNonNull(prospectHints, "prospectHints"));
    }

    /** An action without a talk track or prospect hints. */
    public NextAction(ActionType type, LocalDate dueDate, int overdueDays, String subjectId, Reason reason) {
        this(type, dueDate, overdueDays, subjectId, reason, null, List.of());
    }

    /** Whether the action is past its due date. */
    public boolean overdue() {
        return overdueDays > 0;
    }
}
