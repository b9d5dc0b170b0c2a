package io.referralrules.api.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A sale closed with the customer.
 *
 * @param id            the host's id of the sale
 * @param date          the day the sale closed
 * @param amount        the sale's value in the host's currency, zero or more
 * @param problemSolved what the sale solved for the customer, in the host's words; may be {@code null}
 */
public record Sale(String id, LocalDate date, BigDecimal amount, String problemSolved) implements Fact {
    public Sale {
        Checks.id("Sale", id);
        Checks.date("Sale", id, "date", date);
        amount = Checks.amount("Sale", id, "amount", amount);
    }
}
