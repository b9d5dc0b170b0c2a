package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * A complaint the customer raised. While open it blocks any referral ask; after it is resolved the ask stays
 * vetoed for the policy's complaint veto period.
 *
 * @param id         the host's id
 * @param date       the day the complaint was opened
 * @param resolvedOn the day it was resolved, or {@code null} while open; never before {@code date}
 */
public record Complaint(String id, LocalDate date, LocalDate resolvedOn) implements Fact {
    public Complaint {
        Checks.id("Complaint", id);
        Checks.date("Complaint", id, "date", date);
        Checks.optionalDate("Complaint", id, "resolvedOn", resolvedOn);
        Checks.notBefore("Complaint", id, "resolvedOn", resolvedOn, "date", date);
    }
}
