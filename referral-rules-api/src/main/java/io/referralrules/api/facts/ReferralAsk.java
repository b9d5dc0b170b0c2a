package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * A referral ask a salesperson made of the customer.
 *
 * @param id   the host's id
 * @param date the day of the ask
 * @param type whether it asked for an introduction or just for names
 */
public record ReferralAsk(String id, LocalDate date, AskType type) implements Fact {
    public ReferralAsk {
        Checks.id("ReferralAsk", id);
        Checks.date("ReferralAsk", id, "date", date);
        Checks.required("ReferralAsk", id, "type", type);
    }
}
