package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * The conversation held right after a sale closes: thanks, a promise of outstanding results, a request to keep in
 * mind who else should be doing business with us, and a promise to bring the customer a new customer first.
 *
 * @param id   the host's id
 * @param date the day it was held
 */
public record PositioningConversation(String id, LocalDate date) implements Fact {
    public PositioningConversation {
        Checks.id("PositioningConversation", id);
        Checks.date("PositioningConversation", id, "date", date);
    }
}
