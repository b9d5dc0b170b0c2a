package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The "did you mean" of a misspelt threshold: suggested when the key is within a quarter of its length (at least two)
 * edits of a threshold, the nearest one, the earlier threshold on a tie; otherwise every threshold is listed.
 */
@DisplayName("Policy files: which misspelt key gets a suggestion")
class PolicyKeySuggestionsTest {
    private static final String KNOWN = "; known thresholds: askCoolDownDays, cesFeedback, complaintVetoDays, csatFeedback, "
            + "extraValueMinDeliveries, "
            + "feedbackWindowDays, greenLightsRequired, introductionWaitDays, lookbackDays, mandatoryTrustBuilders, "
            + "momentumWindowDays, npsDetractorMax, npsPromoterMin, positioningDueDays, positioningWindowDays, "
            + "prematureAskDays, proactiveMinActions, pushyChaseDays, reciprocityMinReferrals, relationshipMinTouches, "
            + "serviceMinAverageRating, serviceMinInteractions, statusReportDays, thankReferrerDays, thankYouGiftDays, "
            + "titForTatDays, trustBuildersRequired";

    private static InvalidInputException rejected(String json) {
        return catchThrowableOfType(InvalidInputException.class, () -> PolicyJson.parse(json, "tenant.json", ReadinessPolicy.defaults()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // two edits in an 11-character key: the most a short key gets
            "lookbakDayz, lookbackDays",
            // three edits in a 15-character key: a quarter of its length
            "lookbackDaysXYZ, lookbackDays",
            // one edit: the nearest, not merely a near one
            "npsPromoterMax, npsPromoterMin",
            // three edits from both positioning thresholds: the one listed first in the policy
            "positioningWinDays, positioningWindowDays"})
    void aKeyCloseToAThresholdGetsTheNearestOne(String key, String suggested) {
        assertThat(rejected("{\"" + key + "\": 10}"))
                .hasMessage("tenant.json: $." + key + " is not a policy threshold (did you mean " + suggested + "?)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // three edits in an 11-character key: one too many
            "npsPromoter",
            // four edits in a 13-character key: one too many, though the key without its last letter is near
            "lookbackXYZsq",
            // the end of many thresholds, but far from each of them as a whole
            "Days",
            "x",
            "colour"})
    void aKeyFarFromEveryThresholdListsThemAll(String key) {
        assertThat(rejected("{\"" + key + "\": 10}")).hasMessage("tenant.json: $." + key + " is not a policy threshold" + KNOWN);
    }

    @Test
    void anUnknownKeyThatIsNotAPlainWordIsNamedByItsPositionOnly() {
        InvalidInputException e = rejected("{\"askCoolDownDays\": 100, \"notes on Jane Roe\": 1}");

        assertThat(e.path()).isEqualTo("$.<key 2>");
        assertThat(e).hasMessage("tenant.json: $.<key 2> is not a policy threshold" + KNOWN);
    }
}
