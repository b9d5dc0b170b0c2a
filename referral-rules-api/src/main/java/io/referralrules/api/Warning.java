package io.referralrules.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A warning about the customer's history.
 *
 * @param type      what went wrong
 * @param date      the day it happened (the day of the offending ask, or the due date of an overdue follow-up)
 * @param subjectId the id of the fact it is about (the ask, the introduction)
 * @param reason    the rule that raised it and why
 */
public record Warning(WarningType type, LocalDate date, String subjectId, Reason reason) {
    public Warning {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
    }
}
