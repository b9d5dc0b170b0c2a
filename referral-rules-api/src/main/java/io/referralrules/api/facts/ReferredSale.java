package io.referralrules.api.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A referred prospect bought.
 *
 * @param id             the host's id of the sale
 * @param date           the day the sale closed
 * @param introductionId the id of the {@link Introduction} the prospect came through
 * @param amount         the sale's value, zero or more
 */
public record ReferredSale(String id, LocalDate date, String introductionId, BigDecimal amount) implements Fact {
    public ReferredSale {
        Checks.id("ReferredSale", id);
        Checks.date("ReferredSale", id, "date", date);
        Checks.required("ReferredSale", id, "introductionId", introductionId);
        Checks.optionalRef("ReferredSale", id, "introductionId", introductionId);
        amount = Checks.amount("ReferredSale", id, "amount", amount);
    }
}
