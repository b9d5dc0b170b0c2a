package io.referralrules.json;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot schema states the reader's bounds: dates in the years 1900-2999, amounts below 10^30. */
@DisplayName("Snapshot schema: the reader's date range and amount bound")
class SnapshotSchemaBoundsTest {
    private static String sale(String date, String amount) {
        return "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"},"
                + " \"sales\": [{\"id\": \"S-1\", \"date\": \"" + date + "\", \"amount\": " + amount + "}]}";
    }

    @Test
    void theExamplesAndASnapshotOfEveryKindOfFactValidate() throws IOException {
        assertThat(AssessmentWriterTest.violations("snapshot.schema.json",
                Files.readString(AssessmentWriterTest.EXAMPLES.resolve("snapshot.json")))).isEmpty();
        assertThat(AssessmentWriterTest.violations("snapshot.schema.json",
                ReferralJson.writeSnapshot(GeneratedSnapshotMutationsTest.everyKindOfFact()))).isEmpty();
        assertThat(AssessmentWriterTest.violations("snapshot.schema.json", sale("1900-01-01", "123456789012345678901234567890.0123456789"))).isEmpty();
        assertThat(AssessmentWriterTest.violations("snapshot.schema.json", sale("2999-12-31", "0"))).isEmpty();
    }

    @Test
    void aDateOutOfRangeOrAnAmountTooLargeIsAViolationAsTheReaderSays() throws IOException {
        for (String date : new String[]{"1899-12-31", "3000-01-01", "0001-01-01", " 2026-06-05", "2026-06-05T00:00"}) {
            assertThat(AssessmentWriterTest.violations("snapshot.schema.json", sale(date, "1"))).as(date).isNotEmpty();
        }
        assertThat(AssessmentWriterTest.violations("snapshot.schema.json", sale("2026-06-05", "1E+30"))).isNotEmpty();
    }
}
