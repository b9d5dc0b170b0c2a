package io.referralrules.api;

import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.SocialTouch;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerSnapshotTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Customer CUSTOMER = new Customer("C-1", CustomerType.INDIVIDUAL, "rep-1", null);

    private static Sale sale(String id) {
        return new Sale(id, DAY, BigDecimal.TEN, null);
    }

    @Test
    void twoFactsOfOneKindWithTheSameIdAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerSnapshot.builder(CUSTOMER).add(sale("S-1")).add(sale("S-2")).add(sale("S-1")).build())
                .withMessage("CustomerSnapshot.sales[2].id duplicates 'S-1' of sales[0]");
    }

    @Test
    void factsOfDifferentKindsMayShareAnId() {
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(sale("X-1")).add(new SocialTouch("X-1", DAY, null)).build();

        assertThat(s.facts()).hasSize(2);
    }

    @Test
    void aFollowUpOfAnUnknownIntroductionIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerSnapshot.builder(CUSTOMER)
                        .add(new FollowUp("F-1", DAY, "I-404", FollowUpType.THANK_REFERRER)).build())
                .withMessage("CustomerSnapshot.followUps[0].introductionId refers to unknown introduction 'I-404' (id=F-1)");
    }

    @Test
    void aReferredSaleOfAnUnknownIntroductionIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerSnapshot.builder(CUSTOMER)
                        .add(new ReferredSale("RS-1", DAY, "I-404", BigDecimal.ONE)).build())
                .withMessage("CustomerSnapshot.referredSales[0].introductionId refers to unknown introduction 'I-404' (id=RS-1)");
    }

    @Test
    void anIntroductionOfAnUnknownAskIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerSnapshot.builder(CUSTOMER)
                        .add(new Introduction("I-1", DAY, "A-404", "P-1", IntroductionChannel.EMAIL, null, null)).build())
                .withMessage("CustomerSnapshot.introductions[0].askId refers to unknown ask 'A-404' (id=I-1)");
    }

    @Test
    void aNullElementOrListIsRejectedByField() {
        List<Sale> withNull = new ArrayList<>();
        withNull.add(sale("S-1"));
        withNull.add(null);
        List<ReferralAsk> none = List.of();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CustomerSnapshot(CUSTOMER, withNull, List.of(), List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), none, List.of(), List.of(), List.of()))
                .withMessage("CustomerSnapshot.sales[1] must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CustomerSnapshot(CUSTOMER, List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), List.of()))
                .withMessage("CustomerSnapshot.asks must not be null (use an empty list)");
        assertThatNullPointerException().isThrownBy(() -> CustomerSnapshot.builder(null).build())
                .withMessage("customer");
    }

    @Test
    void theSnapshotCopiesTheHostsListsAndCannotBeChanged() {
        List<Sale> hostList = new ArrayList<>(List.of(sale("S-1")));
        CustomerSnapshot s = new CustomerSnapshot(CUSTOMER, hostList, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        hostList.add(sale("S-2"));

        assertThat(s.sales()).extracting(Sale::id).containsExactly("S-1");
        assertThatThrownBy(() -> s.sales().add(sale("S-3"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderKeepsEveryFact() {
        CustomerSnapshot s = CustomerSnapshot.builder(CUSTOMER).add(sale("S-1"))
                .add(new ReferralAsk("A-1", DAY, AskType.INTRODUCTION))
                .add(new Introduction("I-1", DAY, "A-1", "P-1", IntroductionChannel.CALL, null, null)).build();

        assertThat(s.toBuilder().build()).isEqualTo(s);
    }
}
