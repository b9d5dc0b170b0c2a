package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.SurveyReading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The survey switches in a policy file: {@code true}, {@code false} or an object of cut-offs; written only while on,
 * so a policy with both off is written as before the switches existed.
 */
@DisplayName("Policy files: the CSAT and CES switches")
class PolicyJsonSurveySwitchesTest {
    private static final ReadinessPolicy EARNED = ReadinessPolicy.defaults();

    private static ReadinessPolicy parse(String json) {
        return PolicyJson.parse(json, "tenant.json", EARNED);
    }

    @Test
    void aPolicyWithBothSwitchesOffIsWrittenWithoutThem() {
        String written = PolicyJson.write(EARNED);

        assertThat(written).doesNotContain("csat", "ces", "greenLightMin")
                .endsWith("  \"momentumWindowDays\" : 30" + System.lineSeparator() + "}\n");
    }

    @Test
    void aSwitchThatIsOnIsWrittenAfterTheLastThresholdWithBothCutOffs() {
        String written = PolicyJson.write(EARNED.toBuilder().csatFeedback(true).cesFeedback(new SurveyReading(6, 1)).build())
                .replace(System.lineSeparator(), "\n");

        assertThat(written).endsWith("""
                  "momentumWindowDays" : 30,
                  "csatFeedback" : {
                    "greenLightMin" : 4,
                    "complaintMax" : 2
                  },
                  "cesFeedback" : {
                    "greenLightMin" : 6,
                    "complaintMax" : 1
                  }
                }
                """);
    }

    @Test
    void writtenAndReadBackASwitchedOnPolicyIsEqual() {
        ReadinessPolicy on = EARNED.toBuilder().csatFeedback(new SurveyReading(5, 1)).cesFeedback(true).build();

        assertThat(parse(PolicyJson.write(on))).isEqualTo(on);
    }

    @Test
    void trueTurnsASwitchOnWithTheIndustryReading() {
        ReadinessPolicy on = parse("{\"csatFeedback\": true, \"cesFeedback\": true}");

        assertThat(on.csatFeedback()).isEqualTo(new SurveyReading(4, 2));
        assertThat(on.cesFeedback()).isEqualTo(new SurveyReading(5, 3));
    }

    @Test
    void trueKeepsTheBasePolicysOwnReading() {
        ReadinessPolicy base = EARNED.toBuilder().csatFeedback(new SurveyReading(5, 1)).build();

        assertThat(PolicyJson.parse("{\"csatFeedback\": true}", "tenant.json", base).csatFeedback())
                .isEqualTo(new SurveyReading(5, 1));
    }

    @Test
    void falseTurnsTheBasePolicysSwitchOffAndLeavesTheDefaults() {
        ReadinessPolicy base = EARNED.toBuilder().csatFeedback(true).cesFeedback(true).build();

        assertThat(PolicyJson.parse("{\"csatFeedback\": false, \"cesFeedback\": false}", "tenant.json", base))
                .isEqualTo(EARNED);
        assertThat(parse("{\"csatFeedback\": false}")).isEqualTo(EARNED);
    }

    @Test
    void anObjectGivesTheCutOffsItChangesTheRestComeFromTheIndustryReading() {
        assertThat(parse("{\"cesFeedback\": {\"greenLightMin\": 6}}").cesFeedback()).isEqualTo(new SurveyReading(6, 3));
        assertThat(parse("{\"csatFeedback\": {\"complaintMax\": 1}}").csatFeedback()).isEqualTo(new SurveyReading(4, 1));
        assertThat(parse("{\"csatFeedback\": {}}").csatFeedback()).isEqualTo(new SurveyReading(4, 2));
    }

    @Test
    void aCutOffOffItsScaleIsRejectedWithItsPath() {
        assertThatThrownBy(() -> parse("{\"csatFeedback\": {\"greenLightMin\": 6}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("tenant.json: $.csatFeedback.greenLightMin must be between 1 and 5, was 6");
    }

    @Test
    void aComplaintCutOffAtTheGreenLightOneIsRejectedWithItsPath() {
        assertThatThrownBy(() -> parse("{\"cesFeedback\": {\"complaintMax\": 5}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("tenant.json: $.cesFeedback.complaintMax must be between 0 (no complaints) and "
                        + "cesFeedback.greenLightMin - 1 (4), was 5");
    }

    @Test
    void aSwitchGivenAsANumberIsRejected() {
        assertThatThrownBy(() -> parse("{\"csatFeedback\": 1}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("tenant.json: $.csatFeedback must be true, false or an object of greenLightMin and "
                        + "complaintMax, was 1");
    }

    @Test
    void aSwitchGivenAsNullIsRejected() {
        assertThatThrownBy(() -> parse("{\"cesFeedback\": null}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("tenant.json: $.cesFeedback must not be null; leave the key out to keep it off");
    }

    @Test
    void anUnknownCutOffIsRejectedWithItsPath() {
        assertThatThrownBy(() -> parse("{\"csatFeedback\": {\"satisfiedMin\": 4}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("tenant.json: $.csatFeedback.satisfiedMin ");
    }

    @Test
    void aFractionalCutOffIsRejectedWithItsPath() {
        assertThatThrownBy(() -> parse("{\"csatFeedback\": {\"greenLightMin\": 4.5}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("tenant.json: $.csatFeedback.greenLightMin ");
    }

    @Test
    void aMisspeltSwitchGetsASuggestion() {
        assertThatThrownBy(() -> parse("{\"csatFeedbak\": true}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("tenant.json: $.csatFeedbak is not a policy threshold (did you mean csatFeedback?)");
    }
}
