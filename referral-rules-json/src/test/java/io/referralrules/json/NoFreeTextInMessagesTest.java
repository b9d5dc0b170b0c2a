package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.facts.IndustryEvent;
import io.referralrules.json.fuzz.JsonMutations;
import io.referralrules.json.fuzz.JsonMutations.Mutation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static io.referralrules.json.fuzz.JsonMutations.PLANTED_EMAIL;
import static io.referralrules.json.fuzz.JsonMutations.PLANTED_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 15, defect 9: a message about a document never repeats a free-text value (a display name, a description, a
 * question, an event's name, an attribute), whatever is wrong with the document: it says what is wrong instead. A
 * name and an e-mail address are planted in every free-text field of a snapshot that is then made invalid in every
 * way below.
 */
@DisplayName("No free text in messages: a planted name and e-mail never come back in an error")
class NoFreeTextInMessagesTest {
    private static final String NAME = "\"" + PLANTED_NAME + "\"";
    private static final String EMAIL = "\"" + PLANTED_EMAIL + "\"";

    /** A valid snapshot with the planted values in every free-text field; {@code %s} marks where a fixture breaks it. */
    private static String planted(String customerExtra, String factsExtra) {
        return "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\", "
                + "\"displayName\": " + NAME + ", \"attributes\": {\"contact\": " + EMAIL + "}" + customerExtra + "}, "
                + "\"sales\": [{\"id\": \"S-1\", \"date\": \"2026-01-05\", \"amount\": 10, \"problemSolved\": " + NAME + "}], "
                + "\"proactiveActions\": [{\"id\": \"PA-1\", \"date\": \"2026-01-05\", \"description\": " + EMAIL + "}], "
                + "\"extraValues\": [{\"id\": \"EV-1\", \"date\": \"2026-01-05\", \"description\": " + NAME + "}], "
                + "\"referralsGiven\": [{\"id\": \"RG-1\", \"date\": \"2026-01-05\", \"description\": " + EMAIL + "}], "
                + "\"socialTouches\": [{\"id\": \"ST-1\", \"date\": \"2026-01-05\", \"description\": " + NAME + "}], "
                + "\"industryEvents\": [{\"id\": \"IE-1\", \"date\": \"2026-01-05\", \"name\": " + EMAIL + "}], "
                + "\"feedbackAnswers\": [{\"id\": \"FA-1\", \"date\": \"2026-01-05\", \"question\": " + NAME + ", \"signal\": \"NEUTRAL\"}]"
                + factsExtra + "}";
    }

    private static String planted() {
        return planted("", "");
    }

    /** The text with the first occurrence of {@code what} replaced, both taken literally. */
    private static String first(String text, String what, String with) {
        int at = text.indexOf(what);
        assertThat(at).as(what).isNotNegative();
        return text.substring(0, at) + with + text.substring(at + what.length());
    }

    static Stream<Arguments> invalidDocuments() {
        String valid = planted();
        List<Arguments> all = new ArrayList<>();
        all.add(arguments("an unquoted name", valid.replace(NAME, PLANTED_NAME)));
        all.add(arguments("an unquoted e-mail address", valid.replace(EMAIL, PLANTED_EMAIL)));
        all.add(arguments("a name in single quotes", valid.replace(NAME, "'" + PLANTED_NAME + "'")));
        all.add(arguments("a name followed by a second string", first(valid, NAME, NAME + " \"Quintana\"")));
        all.add(arguments("a name holding a raw line end", first(valid, NAME, "\"Zo\u00eb\nQuintana-Marsh\"")));
        all.add(arguments("a name holding a bad escape", first(valid, NAME, "\"Zo\u00eb \\q Quintana-Marsh\"")));
        all.add(arguments("a name holding a bad unicode escape", first(valid, NAME, "\"Zo\u00eb \\u12G4 Quintana-Marsh\"")));
        all.add(arguments("truncated inside a name", valid.substring(0, valid.indexOf(PLANTED_NAME) + 8)));
        all.add(arguments("truncated after a name", valid.substring(0, valid.indexOf(NAME) + NAME.length())));
        all.add(arguments("a name as a key", first(valid, "\"displayName\": " + NAME, NAME + ": 1")));
        all.add(arguments("a name as an unknown key's value", planted(", \"nickname\": " + NAME, "")));
        all.add(arguments("a display name repeated", planted(", \"displayName\": " + EMAIL, "")));
        all.add(arguments("an attribute repeated", valid.replace("{\"contact\": " + EMAIL + "}", "{\"contact\": " + EMAIL + ", \"contact\": " + NAME + "}")));
        all.add(arguments("a blank event name", valid.replace("\"name\": " + EMAIL, "\"name\": \"   \"")));
        all.add(arguments("an event without a name", valid.replace(", \"name\": " + EMAIL, "")));
        all.add(arguments("a display name as an array", valid.replace("\"displayName\": " + NAME, "\"displayName\": [" + NAME + "]")));
        all.add(arguments("a display name as an object", valid.replace("\"displayName\": " + NAME, "\"displayName\": {\"n\": " + NAME + "}")));
        all.add(arguments("a description as an object", valid.replace("\"description\": " + EMAIL, "\"description\": {\"e\": " + EMAIL + "}")));
        all.add(arguments("an attribute as an array", valid.replace("\"contact\": " + EMAIL, "\"contact\": [" + EMAIL + "]")));
        all.add(arguments("attributes as an array", valid.replace("{\"contact\": " + EMAIL + "}", "[" + EMAIL + "]")));
        all.add(arguments("a question next to a bad signal", valid.replace("\"NEUTRAL\"", "\"neutral\"")));
        all.add(arguments("a sale without an amount", valid.replace("\"amount\": 10, ", "")));
        all.add(arguments("a sale with a bad date", valid.replace("\"date\": \"2026-01-05\", \"amount\"", "\"date\": \"2026-13-05\", \"amount\"")));
        all.add(arguments("a duplicate sale", planted("", ", \"asks\": [], \"sales\": []")));
        all.add(arguments("the whole document as a name", NAME));
        all.add(arguments("the name and e-mail as bare words", PLANTED_NAME + " " + PLANTED_EMAIL));
        all.add(arguments("a fact array holding names", valid.replace("\"asks\"", "\"x\"").replaceFirst("\"sales\": \\[", "\"sales\": [" + NAME + ", ")));
        all.add(arguments("a huge name", valid.replace(NAME, "\"" + (PLANTED_NAME + " ").repeat(2_000) + "\"") + "x"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void aMessageNeverRepeatsAPlantedValue(String shape, String json) {
        InvalidInputException snapshot = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(json, "c.json"));
        InvalidInputException entry = catchThrowableOfType(InvalidInputException.class,
                () -> ReferralJson.readBookEntry(json.getBytes(StandardCharsets.UTF_8), "b.ndjson:1"));
        InvalidInputException record = catchThrowableOfType(InvalidInputException.class,
                () -> ReferralJson.readRecord("{\"schemaVersion\": 1, \"snapshot\": " + json + "}", "r.json"));

        for (InvalidInputException e : List.of(snapshot, entry, record)) {
            assertThat(e).as(shape).isNotNull();
            assertThat(JsonMutations.mentionsPlanted(e.getMessage())).as(shape + ": " + e.getMessage()).isFalse();
            assertThat(JsonMutations.mentionsPlanted(e.problem())).as(shape).isFalse();
            assertThat(e.path()).as(shape).startsWith("$");
        }
    }

    @Test
    void theUntouchedPlantedSnapshotIsValid() {
        assertThat(ReferralJson.readSnapshot(planted(), "c.json").customer().displayName()).isEqualTo(PLANTED_NAME);
    }

    @Test
    void aParseErrorSaysWhatIsWrongAndWhereWithoutTheToken() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ReferralJson.readSnapshot("{\"schemaVersion\": 1,\n \"customer\": John}", "c.json"));

        assertThat(e).hasMessage("c.json: $ is not valid JSON at line 2, column 14: a word that is not a JSON value (text needs double quotes)");
    }

    @Test
    void aBlankEventNameIsRejectedWithoutRepeatingIt() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> new IndustryEvent("IE-1", java.time.LocalDate.of(2026, 1, 5), " \t "));

        assertThat(e).hasMessage("IndustryEvent.name must not be blank (id=IE-1)");
    }

    @Test
    void everyMutationOfThePlantedSnapshotIsWordedWithoutIt() {
        String valid = JsonMutations.withPlantedFreeText(planted());
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 30; i++) {
            for (Mutation m : JsonMutations.of(valid, random)) {
                try {
                    ReferralJson.readBookEntry(m.bytes(), "b.ndjson:1");
                } catch (InvalidInputException e) {
                    assertThat(JsonMutations.mentionsPlanted(e.getMessage())).as(m.name() + ": " + e.getMessage()).isFalse();
                }
            }
        }
    }
}
