package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Sale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fire limit on the bundled rules: per assessment, grown with the customer's facts, refused below one. A rule that
 * feeds itself is a host rule, so stopping one is tested in referral-rules-host-rules
 * ({@code RuleFiringLimitWithHostRulesTest}).
 */
@DisplayName("The fire limit counts per assessment and grows with the customer's facts")
class RuleFiringLimitTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final CustomerSnapshot CUSTOMER = CustomerSnapshot.builder(
                    new Customer("C-42", CustomerType.BUSINESS, "rep-1", null))
            .add(new Sale("S-1", TODAY.minusDays(3), new BigDecimal("100"), null)).build();

    @Test
    void theLimitIsPerAssessmentSoABatchOfOrdinaryCustomersIsNotStopped() {
        // the bundled rules take a few dozen firings per customer: a limit of 60 holds for each of 300 decided together
        ReferralReadinessEngine engine = ReferralRules.builder().fireLimit(60).build();
        List<CustomerSnapshot> batch = java.util.Collections.nCopies(300, CUSTOMER);

        assertThat(engine.assessAll(batch, TODAY)).hasSize(300)
                .allSatisfy(a -> assertThat(a.stage()).isEqualTo(Stage.POSITIONING));
    }

    @Test
    void aCustomerWithManyFactsMayTakeTenFiringsPerFact() {
        // 200 asks before any sale: each is premature, chases the one before and tires the customer: about 600
        // firings, over a limit of 100 but within 10 per fact (2,000)
        CustomerSnapshot.Builder asks = CustomerSnapshot.builder(new Customer("C-7", CustomerType.BUSINESS, "rep-1", null));
        for (int i = 0; i < 200; i++) {
            asks.add(new io.referralrules.api.facts.ReferralAsk(String.format("A-%03d", i), TODAY.minusDays(1 + i / 4),
                    io.referralrules.api.facts.AskType.INTRODUCTION));
        }
        ReferralReadinessEngine engine = ReferralRules.builder().fireLimit(100).build();

        assertThat(engine.assess(asks.build(), TODAY).firedRules()).hasSizeGreaterThan(500);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> ReferralRules.builder().fireLimit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fireLimit must be at least 1, was 0");
        assertThatThrownBy(() -> new TenantEngines(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fireLimit must be at least 1, was -1");
    }
}
