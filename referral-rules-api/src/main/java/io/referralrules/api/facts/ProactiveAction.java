package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * A need we anticipated and handled before the customer asked.
 *
 * @param id          the host's id
 * @param date        the day it happened
 * @param description a short description in the host's words; may be {@code null}
 */
public record ProactiveAction(String id, LocalDate date, String description) implements Fact {
    public ProactiveAction {
        Checks.id("ProactiveAction", id);
        Checks.date("ProactiveAction", id, "date", date);
    }
}
