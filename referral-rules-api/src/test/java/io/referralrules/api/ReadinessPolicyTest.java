package io.referralrules.api;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ReadinessPolicyTest {
    private static final ReadinessPolicy DEFAULTS = ReadinessPolicy.defaults();

    @Test
    void theDefaultsAreTheEarnedTrustMethodsNumbers() {
        assertThat(DEFAULTS.positioningWindowDays()).isEqualTo(30);
        assertThat(DEFAULTS.positioningDueDays()).isEqualTo(1);
        assertThat(DEFAULTS.lookbackDays()).isEqualTo(365);
        assertThat(DEFAULTS.serviceMinInteractions()).isEqualTo(2);
        assertThat(DEFAULTS.serviceMinAverageRating()).isEqualTo(4.0);
        assertThat(DEFAULTS.trustBuildersRequired()).isEqualTo(3);
        assertThat(DEFAULTS.mandatoryTrustBuilders()).containsExactlyInAnyOrder(TrustBuilder.SERVICE_QUALITY, TrustBuilder.RECIPROCITY);
        assertThat(DEFAULTS.feedbackWindowDays()).isEqualTo(90);
        assertThat(DEFAULTS.greenLightsRequired()).isEqualTo(2);
        assertThat(DEFAULTS.npsPromoterMin()).isEqualTo(9);
        assertThat(DEFAULTS.npsDetractorMax()).isEqualTo(6);
        assertThat(DEFAULTS.complaintVetoDays()).isEqualTo(30);
        assertThat(DEFAULTS.prematureAskDays()).isEqualTo(14);
        assertThat(DEFAULTS.pushyChaseDays()).isEqualTo(7);
        assertThat(DEFAULTS.titForTatDays()).isEqualTo(14);
        assertThat(DEFAULTS.askCoolDownDays()).isEqualTo(90);
        assertThat(DEFAULTS.introductionWaitDays()).isEqualTo(7);
        assertThat(DEFAULTS.thankReferrerDays()).isEqualTo(1);
        assertThat(DEFAULTS.statusReportDays()).isEqualTo(3);
        assertThat(DEFAULTS.thankYouGiftDays()).isEqualTo(7);
        for (TrustBuilder b : TrustBuilder.values()) {
            assertThat(DEFAULTS.minimumEvidence(b)).isEqualTo(b == TrustBuilder.SERVICE_QUALITY ? 2 : 1);
        }
    }

    @Test
    void theBuilderChangesOnlyWhatItIsTold() {
        ReadinessPolicy p = DEFAULTS.toBuilder().askCoolDownDays(120).build();

        assertThat(p.askCoolDownDays()).isEqualTo(120);
        assertThat(p.toBuilder().askCoolDownDays(90).build()).isEqualTo(DEFAULTS);
    }

    @Test
    void impossibleThresholdsAreRejectedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.toBuilder().askCoolDownDays(-1).build())
                .withMessage("ReadinessPolicy.askCoolDownDays must not be negative, was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.toBuilder().serviceMinAverageRating(5.5).build())
                .withMessage("ReadinessPolicy.serviceMinAverageRating must be between 1.0 and 5.0, was 5.5");
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.toBuilder().trustBuildersRequired(6).build())
                .withMessage("ReadinessPolicy.trustBuildersRequired must be between 0 and 5, was 6");
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.toBuilder().npsDetractorMax(9).build())
                .withMessage("ReadinessPolicy.npsDetractorMax must be between -1 (no detractors) and npsPromoterMin - 1 (8), was 9");
        assertThatNullPointerException().isThrownBy(() -> DEFAULTS.toBuilder().mandatoryTrustBuilders(null).build())
                .withMessage("mandatoryTrustBuilders");
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.toBuilder().momentumWindowDays(-1).build())
                .withMessage("ReadinessPolicy.momentumWindowDays must not be negative, was -1");
    }

    @Test
    void aWindowMayBeAsLongAsTheLookBackButNotLonger() {
        assertThat(DEFAULTS.toBuilder().feedbackWindowDays(365).momentumWindowDays(365).build().feedbackWindowDays()).isEqualTo(365);
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.toBuilder().feedbackWindowDays(366).build())
                .withMessage("ReadinessPolicy.feedbackWindowDays must not exceed lookbackDays (365), was 366");
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.toBuilder().momentumWindowDays(366).build())
                .withMessage("ReadinessPolicy.momentumWindowDays must not exceed lookbackDays (365), was 366");
    }

    @Test
    void theRejectionNamesTheFieldAndTheProblemSeparately() {
        assertThatThrownBy(() -> DEFAULTS.toBuilder().titForTatDays(-3).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.path()).isEqualTo("titForTatDays");
                    assertThat(e.problem()).isEqualTo("must not be negative, was -3");
                });
    }

    @Test
    void mandatoryBuildersAreCopied() {
        Set<TrustBuilder> mine = EnumSet.of(TrustBuilder.RELATIONSHIP);
        ReadinessPolicy p = DEFAULTS.toBuilder().mandatoryTrustBuilders(mine).build();
        mine.add(TrustBuilder.EXTRA_VALUE);

        assertThat(p.mandatoryTrustBuilders()).containsExactly(TrustBuilder.RELATIONSHIP);
        assertThat(p.mandatory(TrustBuilder.RELATIONSHIP)).isTrue();
        assertThat(p.mandatory(TrustBuilder.EXTRA_VALUE)).isFalse();
    }
}
