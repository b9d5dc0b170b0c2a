package io.referralrules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.book.BookFile;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import io.referralrules.json.fuzz.JsonMutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on books with bad entries: every good entry is assessed and written, every bad one is listed with
 * its id and place, the exit code says which happened, and nothing on standard error repeats an entry's free text.
 */
class CliBooksTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final StandardStreams streams = StandardStreams.captured();

    @TempDir
    Path dir;


    private String err() {
        return streams.err();
    }

    private static List<CustomerSnapshot> book(int size) {
        return new SampleBook(31, AS_OF).customers(size).toList();
    }

    private static String jsonBook(List<String> entries) {
        StringBuilder text = new StringBuilder("{\n  \"schemaVersion\" : 1,\n  \"teams\" : {},\n  \"customers\" : [");
        for (int i = 0; i < entries.size(); i++) {
            text.append(i == 0 ? "\n    " : ",\n    ").append(entries.get(i));
        }
        return text.append("\n  ]\n}\n").toString();
    }

    private static List<String> entries(List<CustomerSnapshot> book) {
        return new ArrayList<>(book.stream().map(ReferralJson::writeBookEntry).toList());
    }

    private static List<String> decisions(List<CustomerSnapshot> book) {
        return book.stream().map(c -> ReferralJson.writeDecisionLine(ENGINE.assess(c, AS_OF))).toList();
    }

    @Test
    void aThousandEntryBookBrokenAtEntry500WritesThe999OthersAndExitsWithOne() throws IOException {
        List<CustomerSnapshot> customers = book(1000);
        List<String> entries = entries(customers);
        String id = customers.get(500).customer().id();
        entries.set(500, entries.get(500).substring(0, 70));                   // cut short, the next entry follows
        Path file = dir.resolve("book.json");
        Files.writeString(file, jsonBook(entries));
        Path answers = dir.resolve("answers.ndjson");

        int code = Main.run("assess", file.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--detail", "decision",
                "--output", answers.toString(), "--threads", "2");

        List<CustomerSnapshot> good = new ArrayList<>(customers);
        good.remove(500);
        assertThat(code).isEqualTo(Main.SOME_INVALID);
        assertThat(Files.readAllLines(answers)).containsExactlyElementsOf(decisions(good));
        assertThat(err()).contains("invalid: " + id + " at " + file + " $.customers[500] (line 505): ")
                .contains(": 999 ok, 1 invalid.");
    }

    @Test
    void aThousandEntryBookCutAtEntry500WritesEveryAnswerBeforeItAndSaysSoWithThree() throws IOException {
        List<CustomerSnapshot> customers = book(1000);
        String text = jsonBook(entries(customers));
        Path file = dir.resolve("book.json");
        Files.writeString(file, text.substring(0, text.indexOf(ReferralJson.writeBookEntry(customers.get(500))) + 50));
        Path answers = dir.resolve("answers.json");

        int code = Main.run("assess", file.toString(), "--as-of", "2026-06-15", "--format", "json", "--detail", "decision",
                "--output", answers.toString(), "--threads", "2");

        assertThat(code).isEqualTo(Main.INCOMPLETE);
        JsonNode written = JSON.readTree(answers.toFile());
        assertThat(written).hasSize(500);
        assertThat(Files.readString(answers)).isEqualTo("[\n" + String.join(",\n", decisions(customers.subList(0, 500))) + "\n]\n");
        assertThat(err()).contains(file + " $.customers[500] (line 505): ends before the entry is complete")
                .contains("referral-rules: could not read the book to its end, at " + file + " $.customers[500] (line 505):")
                .contains("The 500 entries before it are read (the valid ones assessed and written).");
    }

    /** Each line of standard error names the book at most once, and a listed entry's problem does not repeat its place. */
    private static void assertEachPlaceOnce(String err, String book) {
        for (String line : err.lines().toList()) {
            assertThat(line.split(java.util.regex.Pattern.quote(book), -1)).as("the book named once in: " + line).hasSizeLessThanOrEqualTo(2);
            java.util.regex.Matcher listing = java.util.regex.Pattern.compile("invalid: (.+?) at (.+?): (.*)").matcher(line);
            if (listing.matches()) {
                assertThat(listing.group(3)).as("the place once in: " + line).doesNotContain(listing.group(2));
            }
        }
    }

    /** An entry with an impossible date (30 February), which shows its customer id. */
    private static final String IMPOSSIBLE_DATE = "{\"customer\":{\"id\":\"X-2\",\"type\":\"BUSINESS\",\"ownerId\":\"rep-01\"},"
            + "\"sales\":[{\"id\":\"S-1\",\"date\":\"2026-02-30\",\"amount\":1}]}";
    private static final String DATE_PROBLEM = "$.sales[0].date must be a date (yyyy-mm-dd), was \"2026-02-30\"";

    @Test
    void aBadEntryIsListedWithItsPlaceOnceThroughEveryDoor() throws IOException {
        List<String> entries = entries(book(3));
        entries.add(1, IMPOSSIBLE_DATE);
        Path ndjson = Files.createDirectory(dir.resolve("ndjson")).resolve("bad.ndjson");
        Files.write(ndjson, entries);
        Path json = Files.createDirectory(dir.resolve("json")).resolve("bad.json");
        Files.writeString(json, jsonBook(entries));
        List<String> garbled = new ArrayList<>(entries);
        garbled.set(2, garbled.get(2) + " }{ garbage");
        Path recovered = Files.createDirectory(dir.resolve("recovered")).resolve("bad.json");
        Files.writeString(recovered, jsonBook(garbled));

        assertThat(Main.run("assess", ndjson.toString(), "--as-of", "2026-06-15")).isEqualTo(Main.SOME_INVALID);
        assertThat(err()).contains("invalid: X-2 at " + ndjson + ":2: " + DATE_PROBLEM + "\n");
        assertEachPlaceOnce(err(), ndjson.toString());

        assertThat(Main.run("assess", json.toString(), "--as-of", "2026-06-15")).isEqualTo(Main.SOME_INVALID);
        assertThat(err()).contains("invalid: X-2 at " + json + " $.customers[1] (line 6): " + DATE_PROBLEM + "\n");
        assertEachPlaceOnce(err(), json.toString());

        System.setIn(new ByteArrayInputStream(String.join("\n", entries).getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("assess", "-", "--as-of", "2026-06-15")).isEqualTo(Main.SOME_INVALID);
        assertThat(err()).contains("invalid: X-2 at -:2: " + DATE_PROBLEM + "\n");

        assertThat(Main.run("assess", recovered.toString(), "--as-of", "2026-06-15")).isEqualTo(Main.SOME_INVALID);
        assertThat(err()).contains("invalid: (no customer id) at " + recovered + " after $.customers[2] (line 7): ");
        assertEachPlaceOnce(err(), recovered.toString());
    }

    @Test
    void aBookCutShortNamesItsBreakOnceInTheListingAndInTheLastLine() throws IOException {
        String text = jsonBook(entries(book(3)));
        Path file = dir.resolve("cut.json");
        Files.writeString(file, text.substring(0, text.lastIndexOf("{\"customer\"") + 30));

        assertThat(Main.run("assess", file.toString(), "--as-of", "2026-06-15")).isEqualTo(Main.INCOMPLETE);

        assertThat(err()).contains("referral-rules: could not read the book to its end, at " + file + " $.customers[2] (line 7): "
                + "ends before the entry is complete");
        assertEachPlaceOnce(err(), file.toString());
    }

    @Test
    void aFolderGivenAsTheBookThePolicyOrTheTeamsIsNamedWithTheReason() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        Path ndjsonFolder = Files.createDirectory(dir.resolve("folder.ndjson"));

        assertThat(Main.run("assess", folder.toString())).isEqualTo(Main.UNUSABLE);
        assertThat(Main.run("assess", ndjsonFolder.toString())).isEqualTo(Main.UNUSABLE);
        assertThat(Main.run("assess", CliTest.SAMPLE.toString(), "--policy", folder.toString())).isEqualTo(Main.UNUSABLE);
        assertThat(Main.run("assess", CliTest.SAMPLE.toString(), "--teams", folder.toString())).isEqualTo(Main.UNUSABLE);

        List<String> lines = err().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("referral-rules: cannot read " + folder + ": ");
        assertThat(lines.get(1)).startsWith("referral-rules: cannot read " + ndjsonFolder + ": ");
        assertThat(lines.get(2)).startsWith("referral-rules: cannot read " + folder + ": ");
        assertThat(lines.get(3)).startsWith("referral-rules: cannot read " + folder + ": ");
    }

    @Test
    void garbageBetweenEntriesOfAJsonBookIsListedAndEveryEntryIsAssessed() throws IOException {
        List<CustomerSnapshot> customers = book(60);
        List<String> entries = entries(customers);
        entries.set(16, entries.get(16) + " }{ garbage");
        Path file = dir.resolve("book.json");
        Files.writeString(file, jsonBook(entries));

        int code = Main.run("assess", file.toString(), "--as-of", "2026-06-15", "--format", "json", "--detail", "decision");

        assertThat(code).isEqualTo(Main.SOME_INVALID);
        assertThat(JSON.readTree(streams.out())).hasSize(60);
        assertThat(err()).contains("invalid: (no customer id) at " + file + " after $.customers[16] (line 21): ");
    }

    @Test
    void aJsonBookAndAnNdjsonBookWithTheSameEntriesGiveTheSameAnswers() throws IOException {
        List<String> entries = entries(book(20));
        entries.set(3, "{\"customer\":{\"id\":\"C-AMOUNT\",\"type\":\"BUSINESS\",\"ownerId\":\"rep-01\"},\"sales\":[{\"id\":\"S-1\","
                + "\"date\":\"2026-05-02\",\"amount\":12345678901234567890.12}]}");
        entries.set(4, "{\"customer\":{\"id\":\"C-TWICE\",\"type\":\"BUSINESS\",\"type\":\"INDIVIDUAL\",\"ownerId\":\"rep-01\"}}");
        Path json = dir.resolve("book.json");
        Path ndjson = dir.resolve("book.ndjson");
        Files.writeString(json, jsonBook(entries));
        Files.write(ndjson, entries);
        Path fromJson = dir.resolve("a.ndjson");
        Path fromNdjson = dir.resolve("b.ndjson");

        int a = Main.run("assess", json.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--output", fromJson.toString());
        int b = Main.run("assess", ndjson.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--output", fromNdjson.toString());

        assertThat(a).isEqualTo(b).isEqualTo(Main.SOME_INVALID);
        assertThat(Files.readString(fromJson)).isEqualTo(Files.readString(fromNdjson)).contains("\"customerId\":\"C-AMOUNT\"");
        assertThat(err()).contains("invalid: C-TWICE at " + json + " $.customers[4] (line 9): ")
                .contains("invalid: C-TWICE at " + ndjson + ":5: ");
    }

    /** An NDJSON book with a byte that is not UTF-8 in the display name of line 17. */
    private byte[] ndjsonWithABadByteOnLine17(List<CustomerSnapshot> customers) throws IOException {
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        for (int i = 0; i < customers.size(); i++) {
            byte[] line = ReferralJson.writeBookEntry(customers.get(i)).getBytes(StandardCharsets.UTF_8);
            if (i == 16) {
                int at = new String(line, StandardCharsets.ISO_8859_1).indexOf("\"displayName\":\"") + 17;
                line[at] = (byte) 0xE9;                                                 // Latin-1 é
            }
            book.write(line);
            book.write('\n');
        }
        return book.toByteArray();
    }

    @Test
    void aByteThatIsNotUtf8FailsItsLineOnlyWithThePlaceAndOffset() throws IOException {
        List<CustomerSnapshot> customers = book(40);
        Path file = dir.resolve("book.ndjson");
        Files.write(file, ndjsonWithABadByteOnLine17(customers));
        Path answers = dir.resolve("answers.ndjson");

        int code = Main.run("assess", file.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--detail", "decision",
                "--output", answers.toString());

        List<CustomerSnapshot> good = new ArrayList<>(customers);
        good.remove(16);
        assertThat(code).isEqualTo(Main.SOME_INVALID);
        assertThat(Files.readAllLines(answers)).containsExactlyElementsOf(decisions(good));
        assertThat(err()).containsPattern("invalid: " + customers.get(16).customer().id() + " at " + java.util.regex.Pattern.quote(file.toString())
                + ":17: \\$ is not valid UTF-8: byte 0xE9 at offset \\d+ of the entry, offset \\d+ of the file");
    }

    @Test
    void onStandardInputTheSameByteFailsItsLineAndTheRunDoesNotExitWithZero() throws IOException {
        List<CustomerSnapshot> customers = book(40);
        System.setIn(new ByteArrayInputStream(ndjsonWithABadByteOnLine17(customers)));

        int code = Main.run("assess", "-", "--as-of", "2026-06-15", "--format", "ndjson", "--detail", "decision");

        List<CustomerSnapshot> good = new ArrayList<>(customers);
        good.remove(16);
        assertThat(code).isEqualTo(Main.SOME_INVALID);
        assertThat(streams.out().lines()).containsExactlyElementsOf(decisions(good));
        assertThat(streams.out()).doesNotContain("\uFFFD");
        assertThat(err()).contains("invalid: " + customers.get(16).customer().id() + " at -:17: $ is not valid UTF-8: byte 0xE9");
    }

    @Test
    void anEntryOverTheSizeLimitFailsAloneAndTheLimitIsAnOption() throws IOException {
        List<String> entries = entries(book(10));
        String big = entries.get(4).replace("\"attributes\":{", "\"attributes\":{\"notes\":\"" + "x".repeat(10_000) + "\",");
        entries.set(4, big);
        Path file = dir.resolve("book.ndjson");
        Files.write(file, entries);

        int code = Main.run("assess", file.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--max-entry-bytes", "4096");

        assertThat(code).isEqualTo(Main.SOME_INVALID);
        assertThat(streams.out().lines()).hasSize(9);
        assertThat(err()).contains("invalid: (no customer id) at " + file + ":5: is " + big.getBytes(StandardCharsets.UTF_8).length
                + " bytes, more than the maximum 4096 (--max-entry-bytes)");

        assertThat(Main.run("assess", file.toString(), "--max-entry-bytes", "0")).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("--max-entry-bytes must be from 1 to 1073741824, was 0");
    }

    @Test
    void noMessageRepeatsANameOrAnEmailAddressFromABadEntryInAnyFormat() throws IOException {
        List<CustomerSnapshot> customers = book(12);
        List<String> entries = new ArrayList<>();
        for (String entry : entries(customers)) {
            entries.add(JsonMutations.withPlantedFreeText(entry).replaceAll("\\s*\n\\s*", ""));
        }
        String planted = JsonMutations.PLANTED_NAME + " <" + JsonMutations.PLANTED_EMAIL + ">";
        String name = "{\"customer\":{\"id\":\"C-P1\",\"type\":\"BUSINESS\",\"ownerId\":\"rep-01\",\"displayName\":\"" + planted + "\"}";
        entries.set(1, name + ",\"sales\":[{\"id\":\"S-1\",\"date\":\"2026-02-30\",\"amount\":1,\"problemSolved\":\"" + planted + "\"}]}");
        entries.set(2, name.replace("C-P1", "C-P2").replace("\"BUSINESS\"", "\"" + planted + "\"") + "}");
        entries.set(3, name.replace("C-P1", "C-P3").replace("\"displayName\":\"" + planted + "\"", "\"displayName\":42,\"x\":\""
                + planted + "\"") + "}");
        entries.set(4, name.replace("C-P1", "C-P4").replace("\"type\":\"BUSINESS\",", "").replace("\"displayName\"",
                "\"attributes\":{\"note\":\"" + planted + "\"},\"displayName\"") + "}");
        entries.set(5, name.replace("C-P1", "C-P5") + " " + planted + " }");
        entries.set(6, name.replace("C-P1", "C-P6").replace(planted, planted + "\u0000"));
        Path json = dir.resolve("book.json");
        Path ndjson = dir.resolve("book.ndjson");
        String jsonText = jsonBook(entries).replace("\"teams\" : {}", "\"teams\" : {\"rep-01\": [\"" + planted + "\"]}");
        Files.writeString(json, jsonBook(entries) + planted);
        Files.write(ndjson, entries);

        int fromJson = Main.run("assess", json.toString(), "--as-of", "2026-06-15", "--format", "ndjson");
        int fromNdjson = Main.run("assess", ndjson.toString(), "--as-of", "2026-06-15", "--format", "ndjson");
        System.setIn(new ByteArrayInputStream(String.join("\n", entries).getBytes(StandardCharsets.UTF_8)));
        int fromStdin = Main.run("assess", "-", "--as-of", "2026-06-15", "--format", "ndjson");
        Files.writeString(json, jsonText);
        int badTeams = Main.run("assess", json.toString(), "--as-of", "2026-06-15");

        assertThat(List.of(fromJson, fromNdjson, fromStdin)).containsOnly(Main.INCOMPLETE, Main.SOME_INVALID);
        assertThat(badTeams).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("invalid: C-P1 at ", "invalid: C-P2 at ", "invalid: C-P3 at ", "invalid: C-P4 at ", "invalid: C-P5 at ");
        assertThat(JsonMutations.mentionsPlanted(err())).as(err()).isFalse();
    }

    @Test
    void aTeamsFileIsReadStrictlyAndItsValuesAreNotRepeated() throws IOException {
        Path teams = dir.resolve("teams.json");
        Files.writeString(teams, "{\"rep-01\": \"North\", \"rep-01\": \"South\"}");
        assertThat(Main.run("assess", CliTest.SAMPLE.toString(), "--as-of", "2026-06-15", "--teams", teams.toString()))
                .isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("referral-rules: " + teams + ": $ is not valid JSON (line 1, column ");

        Files.writeString(teams, "{\"rep-01\": {\"lead\": \"" + JsonMutations.PLANTED_NAME + " <" + JsonMutations.PLANTED_EMAIL + ">\"}}");
        assertThat(Main.run("assess", CliTest.SAMPLE.toString(), "--as-of", "2026-06-15", "--teams", teams.toString()))
                .isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("referral-rules: " + teams + ": $.rep-01 must be a team name (a string), was an object");
        assertThat(JsonMutations.mentionsPlanted(err())).isFalse();
    }

    @Test
    void theExitCodesAreDocumentedInTheHelp() {
        assertThat(Main.run("assess", "--help")).isZero();

        assertThat(streams.out()).contains("Exit codes:")
                .contains("0  every entry assessed and written")
                .contains("1  some entries invalid")
                .contains("2  the run failed")
                .contains("3  the book could not be read to its end");
    }

    @Test
    void theSampleBookIsStillReadAsBefore() throws IOException {
        StringWriter sample = new StringWriter();
        SampleBook generator = new SampleBook(2026, AS_OF);
        BookFile.writeJson(generator.customers(60).iterator(), generator.teams(60), sample);
        Path file = dir.resolve("sample.json");
        Files.writeString(file, sample.toString());

        assertThat(Main.run("assess", file.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--detail", "decision")).isZero();
        assertThat(streams.out().lines()).containsExactlyElementsOf(
                decisions(generator.customers(60).toList()));
        assertThat(Map.of("err", err())).extractingByKey("err").asString().contains(": 60 ok, 0 invalid.");
    }
}
