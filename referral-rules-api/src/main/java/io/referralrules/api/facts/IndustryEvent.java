package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * An industry event or conference the customer attended: a place where they meet others who face the same problem,
 * so it is offered as a prospect hint when the customer is ready to be asked.
 *
 * @param id   the host's id
 * @param date the day the customer attended (the first day, for a multi-day event)
 * @param name the event's name as the host knows it, shown to the salesperson
 */
public record IndustryEvent(String id, LocalDate date, String name) implements Fact {
    public IndustryEvent {
        Checks.id("IndustryEvent", id);
        Checks.date("IndustryEvent", id, "date", date);
        Checks.nonBlankText("IndustryEvent", id, "name", name);
    }
}
