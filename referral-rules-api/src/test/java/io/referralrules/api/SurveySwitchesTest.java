package io.referralrules.api;

import io.referralrules.api.facts.SurveyType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CSAT and CES switches of a policy: off by default, on with the industry reading or one of the tenant's, each
 * cut-off at both ends of its scale, and a switch that is off holding no thresholds.
 */
@DisplayName("ReadinessPolicy: the CSAT and CES switches and their readings")
class SurveySwitchesTest {
    private static final ReadinessPolicy DEFAULTS = ReadinessPolicy.defaults();

    @Test
    void bothSwitchesAreOffByDefaultSoOnlyNpsIsRead() {
        assertThat(DEFAULTS.csatFeedback()).isNull();
        assertThat(DEFAULTS.cesFeedback()).isNull();
        assertThat(DEFAULTS.reading(SurveyType.CSAT)).isNull();
        assertThat(DEFAULTS.reading(SurveyType.CES)).isNull();
        assertThat(DEFAULTS.reading(SurveyType.NPS)).isEqualTo(new SurveyReading(9, 6));
    }

    @Test
    void theIndustryReadingsAreSatisfiedFourToFiveAndEasyFiveToSeven() {
        assertThat(SurveyReading.industry(SurveyType.NPS)).isEqualTo(new SurveyReading(9, 6));
        assertThat(SurveyReading.industry(SurveyType.CSAT)).isEqualTo(new SurveyReading(4, 2));
        assertThat(SurveyReading.industry(SurveyType.CES)).isEqualTo(new SurveyReading(5, 3));
    }

    @Test
    void aReadingSplitsItsScaleIntoGreenLightsNeutralScoresAndComplaints() {
        SurveyReading csat = SurveyReading.industry(SurveyType.CSAT);

        assertThat(csat.greenLight(4)).isTrue();
        assertThat(csat.greenLight(3)).isFalse();
        assertThat(csat.complaint(3)).isFalse();
        assertThat(csat.complaint(2)).isTrue();
        SurveyReading ces = SurveyReading.industry(SurveyType.CES);
        assertThat(ces.greenLight(5)).isTrue();
        assertThat(ces.greenLight(4)).isFalse();
        assertThat(ces.complaint(4)).isFalse();
        assertThat(ces.complaint(3)).isTrue();
    }

    @Test
    void switchingOnTakesTheIndustryReadingAndSwitchingOffDropsIt() {
        ReadinessPolicy on = DEFAULTS.toBuilder().csatFeedback(true).cesFeedback(true).build();

        assertThat(on.csatFeedback()).isEqualTo(new SurveyReading(4, 2));
        assertThat(on.cesFeedback()).isEqualTo(new SurveyReading(5, 3));
        assertThat(on.reading(SurveyType.CSAT)).isEqualTo(new SurveyReading(4, 2));
        assertThat(on.reading(SurveyType.CES)).isEqualTo(new SurveyReading(5, 3));
        assertThat(on.toBuilder().csatFeedback(false).cesFeedback(false).build()).isEqualTo(DEFAULTS);
    }

    @Test
    void switchingOnAgainKeepsTheTenantsOwnReading() {
        ReadinessPolicy own = DEFAULTS.toBuilder().csatFeedback(new SurveyReading(5, 1)).build();

        assertThat(own.toBuilder().csatFeedback(true).build().csatFeedback()).isEqualTo(new SurveyReading(5, 1));
        assertThat(own.toBuilder().csatFeedback((SurveyReading) null).build()).isEqualTo(DEFAULTS);
    }

    @Test
    void theOldConstructorBuildsAPolicyWithBothSwitchesOff() {
        ReadinessPolicy old = new ReadinessPolicy(30, 1, 365, 2, 4.0, 1, 1, 1, 1, 3,
                EnumSet.of(TrustBuilder.SERVICE_QUALITY, TrustBuilder.RECIPROCITY), 90, 2, 9, 6, 30, 14, 7, 14, 90, 7, 1,
                3, 7, 30);

        assertThat(old).isEqualTo(DEFAULTS);
    }

    @Test
    void theCsatGreenLightCutOffLiesOnTheOneToFiveScale() {
        assertThat(DEFAULTS.toBuilder().csatFeedback(new SurveyReading(5, 4)).build().csatFeedback().greenLightMin())
                .isEqualTo(5);
        assertThat(DEFAULTS.toBuilder().csatFeedback(new SurveyReading(1, 0)).build().csatFeedback().greenLightMin())
                .isEqualTo(1);
        assertThatThrownBy(() -> DEFAULTS.toBuilder().csatFeedback(new SurveyReading(6, 2)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.csatFeedback.greenLightMin must be between 1 and 5, was 6");
        assertThatThrownBy(() -> DEFAULTS.toBuilder().csatFeedback(new SurveyReading(0, -1)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.csatFeedback.greenLightMin must be between 1 and 5, was 0");
    }

    @Test
    void theCsatComplaintCutOffMayBeZeroForNoComplaintsOrJustBelowTheGreenLights() {
        assertThat(DEFAULTS.toBuilder().csatFeedback(new SurveyReading(4, 0)).build().csatFeedback().complaintMax())
                .isZero();
        assertThat(DEFAULTS.toBuilder().csatFeedback(new SurveyReading(4, 3)).build().csatFeedback().complaintMax())
                .isEqualTo(3);
        assertThatThrownBy(() -> DEFAULTS.toBuilder().csatFeedback(new SurveyReading(4, 4)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.csatFeedback.complaintMax must be between 0 (no complaints) and "
                        + "csatFeedback.greenLightMin - 1 (3), was 4");
        assertThatThrownBy(() -> DEFAULTS.toBuilder().csatFeedback(new SurveyReading(4, -1)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.csatFeedback.complaintMax must be between 0 (no complaints) and "
                        + "csatFeedback.greenLightMin - 1 (3), was -1");
    }

    @Test
    void theCesCutOffsLieOnTheOneToSevenScale() {
        assertThat(DEFAULTS.toBuilder().cesFeedback(new SurveyReading(7, 6)).build().cesFeedback())
                .isEqualTo(new SurveyReading(7, 6));
        assertThat(DEFAULTS.toBuilder().cesFeedback(new SurveyReading(1, 0)).build().cesFeedback())
                .isEqualTo(new SurveyReading(1, 0));
        assertThatThrownBy(() -> DEFAULTS.toBuilder().cesFeedback(new SurveyReading(8, 3)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.cesFeedback.greenLightMin must be between 1 and 7, was 8");
        assertThatThrownBy(() -> DEFAULTS.toBuilder().cesFeedback(new SurveyReading(5, 5)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.cesFeedback.complaintMax must be between 0 (no complaints) and "
                        + "cesFeedback.greenLightMin - 1 (4), was 5");
    }

    @Test
    void anInvalidReadingNamesItsFieldAsAPath() {
        assertThatThrownBy(() -> DEFAULTS.toBuilder().cesFeedback(new SurveyReading(0, 0)).build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.path()).isEqualTo("cesFeedback.greenLightMin"));
    }
}
