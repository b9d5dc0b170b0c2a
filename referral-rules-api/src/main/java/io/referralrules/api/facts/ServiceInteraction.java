package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * A service contact with the customer: a support case, a visit, an onboarding call.
 *
 * <p>{@code status} is the interaction's status as the host knows it now (there is no resolution date), so a
 * re-assessment of an earlier day sees today's status.
 *
 * @param id           the host's id
 * @param date         the day of the interaction
 * @param satisfaction the customer's satisfaction rating from 1 (poor) to 5 (excellent), or {@code null} when not rated
 * @param status       whether the issue is resolved, open or escalated
 */
public record ServiceInteraction(String id, LocalDate date, Integer satisfaction, IssueStatus status) implements Fact {
    /** Lowest satisfaction rating. */
    public static final int MIN_RATING = 1;
    /** Highest satisfaction rating. */
    public static final int MAX_RATING = 5;

    public ServiceInteraction {
        Checks.id("ServiceInteraction", id);
        Checks.date("ServiceInteraction", id, "date", date);
        Checks.required("ServiceInteraction", id, "status", status);
        if (satisfaction != null) {
            Checks.range("ServiceInteraction", id, "satisfaction", satisfaction, MIN_RATING, MAX_RATING);
        }
    }
}
