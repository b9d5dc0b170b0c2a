package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.Limits;
import io.referralrules.api.ReadinessPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 15, defect 6: the JSON reader reports the API's limits (dates within 1900-2999, policy day counts within
 * 36,500, at most 100,000 facts per customer) with the JSON path. The API's own checks are tested in the api module's
 * {@code LimitsTest}.
 */
@DisplayName("Limits in JSON: dates 1900-2999, policy days at most 36,500, 100,000 facts per customer, with the path")
class LimitsTest {
    static Stream<Arguments> datesOutOfRangeInJson() {
        return Stream.of(
                arguments("year 1", "\"sales\": [{\"id\": \"S-1\", \"date\": \"0001-01-01\", \"amount\": 1}]", "$.sales[0].date",
                        "must be between 1900-01-01 and 2999-12-31, was 0001-01-01 (id=S-1)"),
                arguments("the day before the range", "\"asks\": [{\"id\": \"A-1\", \"date\": \"1899-12-31\", \"type\": \"INTRODUCTION\"}]",
                        "$.asks[0].date", "must be between 1900-01-01 and 2999-12-31, was 1899-12-31 (id=A-1)"),
                arguments("the year 3000", "\"complaints\": [{\"id\": \"CP-1\", \"date\": \"2026-01-01\", \"resolvedOn\": \"3000-01-01\"}]",
                        "$.complaints[0].resolvedOn", "must be between 1900-01-01 and 2999-12-31, was 3000-01-01 (id=CP-1)"),
                arguments("the year 9999", "\"socialTouches\": [{\"id\": \"ST-1\", \"date\": \"9999-12-31\"}]",
                        "$.socialTouches[0].date", "must be between 1900-01-01 and 2999-12-31, was 9999-12-31 (id=ST-1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datesOutOfRangeInJson")
    void aDateOutOfRangeInJsonIsRejectedWithItsPath(String shape, String facts, String path, String problem) {
        String json = "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"}, " + facts + "}";

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(json, "c.json"));

        assertThat(e).as(shape).hasMessage("c.json: " + path + " " + problem);
        assertThat(e.path()).isEqualTo(path);
    }

    @Test
    void aPolicyFileWithAHugeDayCountIsRejectedWithItsPath() {
        for (String field : List.of("askCoolDownDays", "positioningWindowDays", "complaintVetoDays", "introductionWaitDays")) {
            assertThatThrownBy(() -> PolicyJson.parse("{\"" + field + "\": 2147483647}", "tenant.json", ReadinessPolicy.defaults()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("tenant.json: $." + field + " must be between 0 and 36500 days, was 2147483647");
        }
    }

    @Test
    void aJsonSnapshotOfTooManyFactsIsRejectedAtItsRoot() {
        StringBuilder json = new StringBuilder("{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"}, \"socialTouches\": [");
        for (int i = 0; i <= Limits.MAX_FACTS_PER_CUSTOMER; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"T-").append(i).append("\",\"date\":\"2026-06-05\"}");
        }
        json.append("]}");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(json.toString(), "big.json"));

        assertThat(e).hasMessage("big.json: $ has 100001 facts, at most 100000 per customer (id=C-1)");
        assertThat(e.path()).isEqualTo("$");
    }
}
