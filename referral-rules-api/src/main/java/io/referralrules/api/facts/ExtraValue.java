package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * Something useful we gave the customer outside the contracted products: an insight, a newsletter, an introduction to information.
 *
 * @param id          the host's id
 * @param date        the day it happened
 * @param description a short description in the host's words; may be {@code null}
 */
public record ExtraValue(String id, LocalDate date, String description) implements Fact {
    public ExtraValue {
        Checks.id("ExtraValue", id);
        Checks.date("ExtraValue", id, "date", date);
    }
}
