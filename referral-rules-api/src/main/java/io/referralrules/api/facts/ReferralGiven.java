package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * A business lead <em>we</em> referred to the customer (reciprocity).
 *
 * @param id          the host's id
 * @param date        the day it happened
 * @param description a short description in the host's words; may be {@code null}
 */
public record ReferralGiven(String id, LocalDate date, String description) implements Fact {
    public ReferralGiven {
        Checks.id("ReferralGiven", id);
        Checks.date("ReferralGiven", id, "date", date);
    }
}
