package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.book.ReportCard.Quarter;
import io.referralrules.book.ReportCard.Trend;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No look-ahead in the trends: on generated customers (books generated as of a few weeks after three quarters'
 * ends, assessed as of 2026-06-15), a quarter's figures are the same whether the customer's later
 * facts are known or not. Each customer's card is built from its whole snapshot, then, for each quarter, from the
 * snapshot as known at that quarter's end: that quarter and every earlier one must not change. The seed is
 * {@code -Dreferralrules.seed} (default 29), named in every failure.
 */
class ReportCardTrendsLookAheadTest {
    private static final long SEED = Long.getLong("referralrules.seed", 29L);
    private static final int CUSTOMERS = 150;
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();

    private static Trend trend(CustomerSnapshot customer) {
        ReportCardBuilder builder = new ReportCardBuilder(AS_OF, ENGINE.policy(), ENGINE.playbook(), Map.of()).trends(ENGINE);
        return builder.add(customer, ENGINE.assess(customer, AS_OF)).build().trends().orElseThrow().book();
    }

    @Test
    void factsAfterAQuartersEndNeverChangeThatQuartersFigures() {
        List<Quarter> quarters = Quarter.endedBy(AS_OF, ReportCardBuilder.QUARTERS);
        // books generated as of a few weeks after a quarter's end, so facts cross each end
        List<CustomerSnapshot> book = java.util.stream.Stream.of(LocalDate.of(2025, 10, 20), LocalDate.of(2026, 1, 20),
                        LocalDate.of(2026, 4, 20))
                .flatMap(day -> new SampleBook(SEED, day).customers(CUSTOMERS / 3)).toList();
        int cut = 0;
        int changedLater = 0;
        for (CustomerSnapshot customer : book) {
            Trend whole = trend(customer);
            for (int i = 0; i < quarters.size(); i++) {
                CustomerSnapshot known = customer.asKnownOn(quarters.get(i).end());
                if (known == customer) {
                    continue;
                }
                cut++;
                Trend asKnown = trend(known);
                for (int k = 0; k <= i; k++) {
                    assertThat(whole.quarters().get(k)).as("seed %d, customer %s, quarter %s, known as of %s; rerun with"
                                    + " -Dreferralrules.seed=%d", SEED, customer.customer().id(), quarters.get(k).label(),
                            quarters.get(i).end(), SEED)
                            .usingRecursiveComparison().isEqualTo(asKnown.quarters().get(k));
                }
                if (i + 1 < quarters.size()
                        && !whole.quarters().get(i + 1).equals(asKnown.quarters().get(i + 1))) {
                    changedLater++;
                }
            }
        }
        // the test has teeth: many customers have facts after a quarter's end, and they change the next quarter
        assertThat(cut).as("seed %d: customer-quarters with later facts", SEED).isGreaterThan(CUSTOMERS);
        assertThat(changedLater).as("seed %d: customer-quarters whose later facts change the next quarter", SEED)
                .isGreaterThan(CUSTOMERS / 10);
    }
}
