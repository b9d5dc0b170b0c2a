package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A date is ten characters, {@code yyyy-mm-dd}: a dash at the fifth and eighth, a digit everywhere else. One fixture per
 * place a look-alike goes wrong (the shape is checked by hand before the calendar is asked).
 */
@DisplayName("Dates: ten characters, dashes at the fifth and eighth, digits elsewhere")
class DateShapesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "a point after the year, 2026.06-05",
            "a point after the month, 2026-06.05",
            "a letter O in the year, 2O26-06-05",
            "a letter O in the month, 2026-O6-05",
            "a letter l in the day, 2026-06-0l",
            "a slash after the year, 2026/06-05",
            "eleven characters, 2026-06-051"})
    void aDateThatOnlyLooksLikeOneIsRejected(String shape, String date) {
        String json = "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"}, "
                + "\"sales\": [{\"id\": \"S-1\", \"date\": \"" + date + "\", \"amount\": 10}]}";

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(json, "c.json"));

        assertThat(e).as(shape).hasMessage("c.json: $.sales[0].date must be a date (yyyy-mm-dd), was \"" + date + "\"");
    }
}
