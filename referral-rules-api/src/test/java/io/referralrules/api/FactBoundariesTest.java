package io.referralrules.api;

import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.IssueStatus;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The edges of what a fact accepts: the ends of every rating scale, the largest amount the API keeps exactly, ids
 * that are long enough to be cut in messages, and customer attributes. Each side of each edge is tried, so that a
 * check moved by one (a {@code <} for a {@code <=}) is noticed.
 */
@DisplayName("Facts: both sides of every edge")
class FactBoundariesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void aServiceRatingOfOneOrFiveIsAcceptedAndAnUnratedContactToo() {
        assertThat(new ServiceInteraction("SI-1", DAY, ServiceInteraction.MIN_RATING, IssueStatus.OPEN).satisfaction()).isEqualTo(1);
        assertThat(new ServiceInteraction("SI-2", DAY, ServiceInteraction.MAX_RATING, IssueStatus.OPEN).satisfaction()).isEqualTo(5);
        assertThat(new ServiceInteraction("SI-3", DAY, null, IssueStatus.RESOLVED).satisfaction()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SurveyType.class)
    void aSurveyScoreAtEitherEndOfItsScaleIsAcceptedAndOneBeyondIsNot(SurveyType type) {
        assertThat(new SurveyScore("N-1", DAY, type, type.min()).score()).isEqualTo(type.min());
        assertThat(new SurveyScore("N-2", DAY, type, type.max()).score()).isEqualTo(type.max());
        for (int outside : new int[] {type.min() - 1, type.max() + 1}) {
            assertThatThrownBy(() -> new SurveyScore("N-3", DAY, type, outside))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("SurveyScore.score must be between " + type.min() + " and " + type.max() + ", was " + outside + " (id=N-3)");
        }
    }

    @Test
    void aSaleOfNothingIsAccepted() {
        assertThat(new Sale("S-1", DAY, BigDecimal.ZERO, null).amount()).isEqualByComparingTo("0");
    }

    @Test
    void theLargestAmountIsThirtyDigitsBeforeThePointAndTenAfterAndKeepsThemAll() {
        BigDecimal largest = new BigDecimal("123456789012345678901234567890.1234567890");

        Sale sale = new Sale("S-1", DAY, largest, null);

        assertThat(sale.amount()).isSameAs(largest);
        assertThat(new ReferredSale("RS-1", DAY, "I-1", largest).amount()).isEqualTo(largest);
    }

    @Test
    void thirtyOneDigitsBeforeThePointAreRejectedWithTheNumber() {
        assertThatThrownBy(() -> new Sale("S-1", DAY, new BigDecimal("1234567890123456789012345678901"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Sale.amount must have at most 30 digits before the decimal point and 10 after it, "
                        + "was 1234567890123456789012345678901 (id=S-1)");
    }

    @Test
    void elevenDigitsAfterThePointAreRejected() {
        assertThatThrownBy(() -> new Sale("S-1", DAY, new BigDecimal("1.12345678901"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Sale.amount must have at most 30 digits before the decimal point and 10 after it, "
                        + "was 1.12345678901 (id=S-1)");
    }

    @Test
    void anAmountTooLongToQuoteIsDescribedByItsDigitCount() {
        // 41 characters written out: a message quotes at most 40
        BigDecimal huge = new BigDecimal("1234567890123456789012345678901234567890.1");

        assertThatThrownBy(() -> new Sale("S-1", DAY, huge, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Sale.amount must have at most 30 digits before the decimal point and 10 after it, "
                        + "was a number of 41 digits (id=S-1)");
    }

    @Test
    void anAmountOfExactlyFortyCharactersIsStillQuoted() {
        BigDecimal forty = new BigDecimal("12345678901234567890123456789012345678.0");

        assertThatThrownBy(() -> new Sale("S-1", DAY, forty, null))
                .hasMessageEndingWith("was 12345678901234567890123456789012345678.0 (id=S-1)");
    }

    @Test
    void anAmountWrittenWithAnExponentBecomesTheWholeNumberAndADecimalKeepsItsScale() {
        Sale thousands = new Sale("S-1", DAY, new BigDecimal("1.5E+3"), null);
        Sale cents = new Sale("S-2", DAY, new BigDecimal("99.50"), null);
        Sale whole = new Sale("S-3", DAY, new BigDecimal("7400"), null);

        assertThat(thousands.amount().scale()).isZero();
        assertThat(thousands.amount().toString()).isEqualTo("1500");
        assertThat(cents.amount().scale()).isEqualTo(2);
        assertThat(cents.amount().toString()).isEqualTo("99.50");
        assertThat(whole.amount().toString()).isEqualTo("7400");
    }

    @Test
    void anIdOfSixtyFourCharactersIsQuotedWholeAndALongerOneByItsStartAndLength() {
        String sixtyFour = "T".repeat(64);
        String sixtyFive = "T".repeat(65);

        assertThatThrownBy(() -> new SocialTouch(sixtyFour, LocalDate.of(1800, 1, 1), null))
                .hasMessage("SocialTouch.date must be between 1900-01-01 and 2999-12-31, was 1800-01-01 (id=" + sixtyFour + ")");
        assertThatThrownBy(() -> new SocialTouch(sixtyFive, LocalDate.of(1800, 1, 1), null))
                .hasMessage("SocialTouch.date must be between 1900-01-01 and 2999-12-31, was 1800-01-01 (id="
                        + sixtyFour + "... (65 characters))");
    }

    @Test
    void customerAttributesAreKeptSortedByKeyAndLookedUpByKey() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("segment", "enterprise");
        given.put("industry", "banking");

        Customer customer = new Customer("C-1", CustomerType.BUSINESS, "rep-1", null, given);

        assertThat(customer.attributes().keySet()).containsExactly("industry", "segment");
        assertThat(customer.attribute("industry")).isEqualTo("banking");
        assertThat(customer.attribute("region")).isNull();
    }

    @Test
    void anAttributeKeyThatIsNotAPlainWordIsNotRepeatedInTheMessage() {
        Map<String, String> given = new HashMap<>();
        given.put("notes on Jane Roe", null);

        assertThatThrownBy(() -> new Customer("C-1", CustomerType.BUSINESS, "rep-1", null, given))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Customer.attributes.<key> must not be null (id=C-1)");
    }

    @Test
    void aPlainAttributeKeyOfSixtyFourCharactersIsNamedAndALongerOneIsNot() {
        Map<String, String> plain = new HashMap<>();
        plain.put("k".repeat(64), null);
        Map<String, String> tooLong = new HashMap<>();
        tooLong.put("k".repeat(65), null);

        assertThatThrownBy(() -> new Customer("C-1", CustomerType.BUSINESS, "rep-1", null, plain))
                .hasMessage("Customer.attributes." + "k".repeat(64) + " must not be null (id=C-1)");
        assertThatThrownBy(() -> new Customer("C-1", CustomerType.BUSINESS, "rep-1", null, tooLong))
                .hasMessage("Customer.attributes.<key> must not be null (id=C-1)");
    }

    @Test
    void aMissingAttributeKeyIsABlankKey() {
        Map<String, String> given = new HashMap<>();
        given.put(null, "banking");

        assertThatThrownBy(() -> new Customer("C-1", CustomerType.BUSINESS, "rep-1", null, given))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Customer.attributes has a blank key null (id=C-1)");
    }

    @Test
    void anOwnerIdMayNotBeBlank() {
        assertThatThrownBy(() -> new Customer("C-1", CustomerType.BUSINESS, " ", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Customer.ownerId must be null or non-blank, was ' ' (id=C-1)");
    }

    @Test
    void onlyAResolvedIssueIsSettled() {
        assertThat(IssueStatus.RESOLVED.unresolved()).isFalse();
        assertThat(IssueStatus.OPEN.unresolved()).isTrue();
        assertThat(IssueStatus.ESCALATED.unresolved()).isTrue();
    }
}
