package io.referralrules.api;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every threshold of a policy at its edges: the smallest and largest value it accepts, and the first value past each
 * end rejected with the field's name. Complements {@code ReadinessPolicyTest} (defaults, builder) and
 * {@code LimitsTest} (the day-count ceiling).
 */
@DisplayName("ReadinessPolicy: each threshold on both sides of its bounds")
class ReadinessPolicyBoundsTest {
    private static final ReadinessPolicy DEFAULTS = ReadinessPolicy.defaults();

    static Stream<Arguments> counts() {
        return Stream.of(
                count("serviceMinInteractions", ReadinessPolicy.Builder::serviceMinInteractions, ReadinessPolicy::serviceMinInteractions),
                count("proactiveMinActions", ReadinessPolicy.Builder::proactiveMinActions, ReadinessPolicy::proactiveMinActions),
                count("extraValueMinDeliveries", ReadinessPolicy.Builder::extraValueMinDeliveries, ReadinessPolicy::extraValueMinDeliveries),
                count("reciprocityMinReferrals", ReadinessPolicy.Builder::reciprocityMinReferrals, ReadinessPolicy::reciprocityMinReferrals),
                count("relationshipMinTouches", ReadinessPolicy.Builder::relationshipMinTouches, ReadinessPolicy::relationshipMinTouches),
                count("greenLightsRequired", ReadinessPolicy.Builder::greenLightsRequired, ReadinessPolicy::greenLightsRequired));
    }

    private static Arguments count(String field, BiFunction<ReadinessPolicy.Builder, Integer, ReadinessPolicy.Builder> set,
                                   ToIntFunction<ReadinessPolicy> get) {
        return arguments(field, set, get);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("counts")
    void aCountOfZeroIsAcceptedAndANegativeOneIsRejectedByName(String field,
                                                               BiFunction<ReadinessPolicy.Builder, Integer, ReadinessPolicy.Builder> set,
                                                               ToIntFunction<ReadinessPolicy> get) {
        assertThat(get.applyAsInt(set.apply(DEFAULTS.toBuilder(), 0).build())).isZero();
        assertThatThrownBy(() -> set.apply(DEFAULTS.toBuilder(), -1).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy." + field + " must not be negative, was -1");
    }

    @Test
    void everyBuilderSetterChangesItsOwnThreshold() {
        ReadinessPolicy p = DEFAULTS.toBuilder()
                .positioningWindowDays(31).positioningDueDays(2).lookbackDays(400)
                .serviceMinInteractions(3).serviceMinAverageRating(4.5).proactiveMinActions(2).extraValueMinDeliveries(3)
                .reciprocityMinReferrals(4).relationshipMinTouches(5).trustBuildersRequired(4)
                .mandatoryTrustBuilders(EnumSet.of(TrustBuilder.EXTRA_VALUE)).feedbackWindowDays(91).greenLightsRequired(3)
                .npsPromoterMin(10).npsDetractorMax(5).complaintVetoDays(32).prematureAskDays(15).pushyChaseDays(8)
                .titForTatDays(16).askCoolDownDays(95).introductionWaitDays(9).thankReferrerDays(2).statusReportDays(4)
                .thankYouGiftDays(10).momentumWindowDays(45)
                .build();

        assertThat(p).isEqualTo(new ReadinessPolicy(31, 2, 400, 3, 4.5, 2, 3, 4, 5, 4, EnumSet.of(TrustBuilder.EXTRA_VALUE),
                91, 3, 10, 5, 32, 15, 8, 16, 95, 9, 2, 4, 10, 45));
        assertThat(p.minimumEvidence(TrustBuilder.SERVICE_QUALITY)).isEqualTo(3);
        assertThat(p.minimumEvidence(TrustBuilder.PROACTIVE_CARE)).isEqualTo(2);
        assertThat(p.minimumEvidence(TrustBuilder.EXTRA_VALUE)).isEqualTo(3);
        assertThat(p.minimumEvidence(TrustBuilder.RECIPROCITY)).isEqualTo(4);
        assertThat(p.minimumEvidence(TrustBuilder.RELATIONSHIP)).isEqualTo(5);
    }

    @Test
    void theServiceRatingThresholdMayBeOneOrFiveButNothingOffTheScale() {
        assertThat(DEFAULTS.toBuilder().serviceMinAverageRating(1.0).build().serviceMinAverageRating()).isEqualTo(1.0);
        assertThat(DEFAULTS.toBuilder().serviceMinAverageRating(5.0).build().serviceMinAverageRating()).isEqualTo(5.0);
        for (double off : new double[] {0.99, 5.01, Double.NaN}) {
            assertThatThrownBy(() -> DEFAULTS.toBuilder().serviceMinAverageRating(off).build())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("ReadinessPolicy.serviceMinAverageRating must be between 1.0 and 5.0, was " + off);
        }
    }

    @Test
    void anyNumberOfTheFiveBuildersMayBeRequiredFromNoneToAll() {
        assertThat(DEFAULTS.toBuilder().trustBuildersRequired(0).build().trustBuildersRequired()).isZero();
        assertThat(DEFAULTS.toBuilder().trustBuildersRequired(5).build().trustBuildersRequired()).isEqualTo(5);
        assertThatThrownBy(() -> DEFAULTS.toBuilder().trustBuildersRequired(-1).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.trustBuildersRequired must be between 0 and 5, was -1");
    }

    @Test
    void noBuilderNeedBeMandatory() {
        ReadinessPolicy p = DEFAULTS.toBuilder().mandatoryTrustBuilders(Set.of()).build();

        assertThat(p.mandatoryTrustBuilders()).isEmpty();
        for (TrustBuilder b : TrustBuilder.values()) {
            assertThat(p.mandatory(b)).as(b.name()).isFalse();
        }
    }

    @Test
    void mandatoryBuildersThatAreMissingOrHoldANullAreRejected() {
        Set<TrustBuilder> withNull = new HashSet<>();
        withNull.add(TrustBuilder.RECIPROCITY);
        withNull.add(null);

        assertThatThrownBy(() -> new ReadinessPolicy(30, 1, 365, 2, 4.0, 1, 1, 1, 1, 3, null, 90, 2, 9, 6, 30, 14, 7, 14,
                90, 7, 1, 3, 7, 30))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.mandatoryTrustBuilders must not be or contain null, was null");
        assertThatThrownBy(() -> DEFAULTS.toBuilder().mandatoryTrustBuilders(withNull).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ReadinessPolicy.mandatoryTrustBuilders must not be or contain null, was ");
    }

    @Test
    void thePromoterCutOffLiesOnTheNpsScale() {
        assertThat(DEFAULTS.toBuilder().npsPromoterMin(10).build().npsPromoterMin()).isEqualTo(10);
        assertThat(DEFAULTS.toBuilder().npsPromoterMin(0).npsDetractorMax(-1).build().npsPromoterMin()).isZero();
        assertThatThrownBy(() -> DEFAULTS.toBuilder().npsPromoterMin(11).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.npsPromoterMin must be between 0 and 10, was 11");
        assertThatThrownBy(() -> DEFAULTS.toBuilder().npsPromoterMin(-1).npsDetractorMax(-1).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.npsPromoterMin must be between 0 and 10, was -1");
    }

    @Test
    void theDetractorCutOffMayBeMinusOneForNoDetractorsOrJustBelowThePromoters() {
        assertThat(DEFAULTS.toBuilder().npsDetractorMax(-1).build().npsDetractorMax()).isEqualTo(-1);
        assertThat(DEFAULTS.toBuilder().npsDetractorMax(8).build().npsDetractorMax()).isEqualTo(8);
        assertThatThrownBy(() -> DEFAULTS.toBuilder().npsDetractorMax(-2).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ReadinessPolicy.npsDetractorMax must be between -1 (no detractors) and npsPromoterMin - 1 (8), was -2");
    }

    @Test
    void aDayCountOfZeroIsAccepted() {
        ReadinessPolicy p = DEFAULTS.toBuilder().askCoolDownDays(0).complaintVetoDays(0).feedbackWindowDays(0).build();

        assertThat(p.askCoolDownDays()).isZero();
        assertThat(p.complaintVetoDays()).isZero();
        assertThat(p.feedbackWindowDays()).isZero();
    }
}
