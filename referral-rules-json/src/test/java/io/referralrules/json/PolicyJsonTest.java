package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.TrustBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Policy files: thresholds as JSON, strict, with the key path in every error")
class PolicyJsonTest {
    private static final ReadinessPolicy EARNED = ReadinessPolicy.defaults();
    private static final Path POLICIES = Path.of("src/test/resources/policies");

    private static InvalidInputException rejected(String json) {
        try {
            PolicyJson.parse(json, "tenant.json", EARNED);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("accepted " + json);
    }

    @Test
    void aFileGivesOnlyTheThresholdsItChangesTheRestComeFromTheBase() throws IOException {
        ReadinessPolicy acme = PolicyJson.read(POLICIES.resolve("acme.json"), EARNED);

        assertThat(acme).isEqualTo(EARNED.toBuilder().askCoolDownDays(120).greenLightsRequired(3)
                .mandatoryTrustBuilders(Set.of(TrustBuilder.SERVICE_QUALITY)).build());
    }

    @Test
    void theSameFileOnAnotherBaseKeepsThatBasesOtherThresholds() throws IOException {
        ReadinessPolicy quick = EARNED.toBuilder().greenLightsRequired(1).momentumWindowDays(21).build();

        ReadinessPolicy read = PolicyJson.read(POLICIES.resolve("acme.json"), quick);

        assertThat(read.askCoolDownDays()).isEqualTo(120);
        assertThat(read.momentumWindowDays()).isEqualTo(21);
        assertThat(read.greenLightsRequired()).isEqualTo(3);
    }

    @Test
    void anEmptyObjectIsTheBasePolicy() {
        assertThat(PolicyJson.parse("{}", "empty.json", EARNED)).isEqualTo(EARNED);
    }

    @Test
    void writtenAndReadBackThePolicyIsEqual() {
        ReadinessPolicy custom = EARNED.toBuilder().serviceMinAverageRating(4.5).npsDetractorMax(5)
                .mandatoryTrustBuilders(Set.of(TrustBuilder.RECIPROCITY, TrustBuilder.SERVICE_QUALITY)).build();

        String json = PolicyJson.write(custom);

        assertThat(PolicyJson.parse(json, "written.json", ReadinessPolicy.defaults())).isEqualTo(custom);
        assertThat(json).contains("\"mandatoryTrustBuilders\" : [ \"SERVICE_QUALITY\", \"RECIPROCITY\" ]");
    }

    @Test
    void aTypoedKeyIsRejectedWithItsPathAndASuggestion() {
        assertThatThrownBy(() -> PolicyJson.read(POLICIES.resolve("typo.json"), EARNED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(POLICIES.resolve("typo.json") + ": $.askCooldownDays is not a policy threshold (did you mean askCoolDownDays?)");
    }

    @Test
    void anUnknownKeyFarFromAnyThresholdListsTheKnownOnes() {
        InvalidInputException e = rejected("{\"colour\": \"blue\"}");

        assertThat(e.path()).isEqualTo("$.colour");
        assertThat(e.getMessage()).startsWith("tenant.json: $.colour is not a policy threshold; known thresholds: askCoolDownDays, ");
    }

    @Test
    void aNegativeWindowIsRejectedWithItsPath() {
        assertThatThrownBy(() -> PolicyJson.read(POLICIES.resolve("negative-window.json"), EARNED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(POLICIES.resolve("negative-window.json") + ": $.feedbackWindowDays must not be negative, was -5")
                .satisfies(e -> assertThat(((InvalidInputException) e).path()).isEqualTo("$.feedbackWindowDays"));
    }

    @Test
    void aStringWhereAWholeNumberBelongsIsRejected() {
        assertThat(rejected("{\"askCoolDownDays\": \"90\"}")).hasMessage("tenant.json: $.askCoolDownDays must be a whole number, was \"90\"");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRejected() {
        assertThat(rejected("{\"greenLightsRequired\": 1.5}")).hasMessage("tenant.json: $.greenLightsRequired must be a whole number, was 1.5");
    }

    @Test
    void aNumberTooLargeForAWholeNumberIsRejected() {
        assertThat(rejected("{\"lookbackDays\": 9999999999}")).hasMessage("tenant.json: $.lookbackDays must be a whole number between -2147483648 and 2147483647, was 9999999999");
    }

    @Test
    void aBooleanWhereARatingBelongsIsRejected() {
        assertThat(rejected("{\"serviceMinAverageRating\": true}")).hasMessage("tenant.json: $.serviceMinAverageRating must be a number, was true");
    }

    @Test
    void aNullValueIsRejected() {
        assertThat(rejected("{\"askCoolDownDays\": null}")).hasMessage("tenant.json: $.askCoolDownDays must not be null; leave the key out to keep 90");
    }

    @Test
    void anUnknownTrustBuilderIsRejectedWithItsIndex() {
        InvalidInputException e = rejected("{\"mandatoryTrustBuilders\": [\"SERVICE_QUALITY\", \"RECIPROCTY\"]}");

        assertThat(e.path()).isEqualTo("$.mandatoryTrustBuilders[1]");
        assertThat(e).hasMessage("tenant.json: $.mandatoryTrustBuilders[1] must be one of [SERVICE_QUALITY, PROACTIVE_CARE,"
                + " EXTRA_VALUE, RECIPROCITY, RELATIONSHIP], was \"RECIPROCTY\"");
    }

    @Test
    void aSingleTrustBuilderInsteadOfAnArrayIsRejected() {
        assertThat(rejected("{\"mandatoryTrustBuilders\": \"RECIPROCITY\"}"))
                .hasMessage("tenant.json: $.mandatoryTrustBuilders must be an array, was \"RECIPROCITY\"");
    }

    @Test
    void aMinimumAboveItsMaximumIsRejected() {
        assertThat(rejected("{\"npsPromoterMin\": 7, \"npsDetractorMax\": 7}"))
                .hasMessage("tenant.json: $.npsDetractorMax must be between -1 (no detractors) and npsPromoterMin - 1 (6), was 7");
        assertThat(rejected("{\"trustBuildersRequired\": 6}"))
                .hasMessage("tenant.json: $.trustBuildersRequired must be between 0 and 5, was 6");
    }

    @Test
    void aWindowLongerThanTheLookBackIsRejected() {
        assertThat(rejected("{\"lookbackDays\": 60}"))
                .hasMessage("tenant.json: $.feedbackWindowDays must not exceed lookbackDays (60), was 90");
    }

    @Test
    void aRatingOffTheScaleIsRejected() {
        assertThat(rejected("{\"serviceMinAverageRating\": 5.5}"))
                .hasMessage("tenant.json: $.serviceMinAverageRating must be between 1.0 and 5.0, was 5.5");
    }

    @Test
    void aRepeatedKeyIsRejected() {
        InvalidInputException e = rejected("{\"askCoolDownDays\": 90,\n \"askCoolDownDays\": 9}");

        assertThat(e).hasMessage("tenant.json: $.askCoolDownDays is not valid JSON at line 2, column 19: a key given twice in one object");
        assertThat(e.path()).isEqualTo("$.askCoolDownDays");
    }

    @Test
    void malformedOrTruncatedJsonIsRejectedWithItsLine() {
        assertThat(rejected("{\n  \"askCoolDownDays\": 90,\n"))
                .hasMessage("tenant.json: $ is not valid JSON at line 3, column 1: the document ends before it is complete");
        assertThat(rejected("{\n  \"askCoolDownDays\": 90 90\n}"))
                .hasMessage("tenant.json: $ is not valid JSON at line 2, column 25: a missing comma (or closing bracket) between values");
        assertThat(rejected("")).hasMessage("tenant.json: $ is empty; expected a JSON object of thresholds");
    }

    @Test
    void somethingOtherThanAnObjectIsRejected() {
        assertThat(rejected("[90]")).hasMessage("tenant.json: $ must be a JSON object of thresholds, was an array");
    }
}
