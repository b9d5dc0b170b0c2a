package io.referralrules.api;

import java.time.LocalDate;
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
 */
public record NextAction(ActionType type, LocalDate dueDate, int overdueDays, String subjectId, Reason reason) {
    public NextAction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(reason, "reason");
        if (overdueDays < 0) {
            throw new IllegalArgumentException("NextAction.overdueDays must not be negative, was " + overdueDays);
        }
    }

    /** Whether the action is past its due date. */
    public boolean overdue() {
        return overdueDays > 0;
    }
}
