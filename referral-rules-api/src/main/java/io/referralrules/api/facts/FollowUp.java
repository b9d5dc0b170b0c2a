package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * A follow-up we did for an introduction.
 *
 * @param id             the host's id
 * @param date           the day it was done
 * @param introductionId the id of the {@link Introduction} it follows up
 * @param type           which of the three follow-ups it was
 */
public record FollowUp(String id, LocalDate date, String introductionId, FollowUpType type) implements Fact {
    public FollowUp {
        Checks.id("FollowUp", id);
        Checks.date("FollowUp", id, "date", date);
        Checks.required("FollowUp", id, "introductionId", introductionId);
        Checks.optionalRef("FollowUp", id, "introductionId", introductionId);
        Checks.required("FollowUp", id, "type", type);
    }
}
