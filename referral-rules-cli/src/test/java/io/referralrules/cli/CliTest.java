package io.referralrules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.book.BookFile;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    static final Path SAMPLE = Path.of("../samples/sample-book.json");
    @RegisterExtension
    final StandardStreams streams = StandardStreams.captured();

    @TempDir
    Path dir;

    private String err() {
        return streams.err();
    }

    private String out() {
        return streams.out();
    }

    @Test
    void theSampleBookIsAssessedWithATableASummaryAndTheReportCard() throws IOException {
        // the build keeps the sample book's page: target/sample-report-card.html
        Path html = Path.of("target/sample-report-card.html");
        Path json = dir.resolve("card.json");

        int code = Main.run("assess", SAMPLE.toString(), "--as-of", "2026-06-15", "--report-card", html.toString(),
                "--report-card-json", json.toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(out().lines()).hasSize(61).first().asString().startsWith("CUSTOMER     OWNER      STAGE");
        assertThat(out()).contains("C-000005     rep-01     READY_TO_ASK           ASK_FOR_INTRODUCTION 2026-06-15");
        assertThat(err()).contains("Assessed 60 customers as of 2026-06-15 under earned-trust@1.0 in ")
                .contains(": 60 ok, 0 invalid. Stages: ").doesNotContain("\r");
        String page = Files.readString(html);
        assertThat(page).contains("<h1>Referral report card</h1>")
                .contains("<div class=\"label\">Customers</div><div class=\"value\">60</div>")
                .contains("data-stage=\"READY_TO_ASK\" data-count=\"6\"")
                .contains("data-stage=\"EARNING_TRUST\" data-count=\"12\"")
                .contains("<tr data-team=\"North\"><td>North</td><td>30</td>")
                .contains("<tr data-owner=\"rep-04\"><td>rep-04</td><td>15</td>");
        assertThat(Files.readString(json)).contains("\"schemaVersion\" : 1").contains("\"customers\" : 60");
    }

    @Test
    void aBookWithInvalidEntriesAssessesTheRestReportsEachAndExitsWithOne() throws IOException {
        List<String> lines = new SampleBook(9, LocalDate.of(2026, 6, 15)).customers(5).map(ReferralJson::writeBookEntry).toList();
        String bad1 = lines.get(1).replaceFirst("\"date\":\"\\d{4}-\\d{2}-\\d{2}\"", "\"date\":\"2026-02-30\"");
        String bad2 = "{\"customer\":{\"id\":\"C-NO-TYPE\",\"ownerId\":\"rep-01\"}}";
        Path book = dir.resolve("book.ndjson");
        Files.write(book, List.of(lines.get(0), bad1, lines.get(2), bad2, lines.get(3), lines.get(4)));
        Path output = dir.resolve("answers.ndjson");

        int code = Main.run("assess", book.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--output", output.toString());

        assertThat(code).isEqualTo(Main.SOME_INVALID);
        // the place once, then the problem
        assertThat(err()).contains("invalid: C-000002 at " + book + ":2: $.sales[0].date must be a date (yyyy-mm-dd), was \"2026-02-30\"")
                .contains("invalid: C-NO-TYPE at " + book + ":4: $.customer.type must not be null (id=C-NO-TYPE)")
                .contains("Assessed 6 customers").contains(": 4 ok, 2 invalid.");
        List<String> answers = Files.readAllLines(output);
        assertThat(answers).hasSize(4);
        ReadinessAssessment first = ReferralJson.readAssessment(answers.get(0), "line 1");
        assertThat(first.customerId()).isEqualTo("C-000001");
        assertThat(first.stage()).isEqualTo(Stage.NO_RELATIONSHIP);
    }

    @Test
    void invalidEntriesLeaveNoGapInAJsonArrayOrTable() throws IOException {
        LocalDate asOf = LocalDate.of(2026, 6, 15);
        List<CustomerSnapshot> customers = new SampleBook(9, asOf).customers(40).toList();
        List<String> lines = new java.util.ArrayList<>(customers.stream().map(ReferralJson::writeBookEntry).toList());
        lines.set(0, "{\"customer\": ");
        lines.set(21, "{\"customer\":{\"id\":\"C-NO-TYPE\",\"ownerId\":\"rep-01\"}}");
        lines.set(39, "[]");
        Path book = dir.resolve("book.ndjson");
        Files.write(book, lines);
        Path output = dir.resolve("answers.json");

        int code = Main.run("assess", book.toString(), "--as-of", "2026-06-15", "--format", "json", "--output", output.toString(),
                "--threads", "2", "--detail", "decision");

        assertThat(code).isEqualTo(Main.SOME_INVALID);
        ReferralReadinessEngine engine = ReferralRules.engine();
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 1; i < 39; i++) {
            if (i != 21) {
                expected.add(ReferralJson.writeDecisionLine(engine.assess(customers.get(i), asOf)));
            }
        }
        assertThat(Files.readString(output)).isEqualTo("[\n" + String.join(",\n", expected) + "\n]\n");

        streams.resetOut();
        assertThat(Main.run("assess", book.toString(), "--as-of", "2026-06-15", "--threads", "2")).isEqualTo(Main.SOME_INVALID);
        assertThat(out().lines()).hasSize(1 + 37).element(1).asString().startsWith(customers.get(1).customer().id() + " ");
        assertThat(out().lines().skip(1).map(l -> l.substring(0, l.indexOf(' '))).toList())
                .doesNotContain("C-NO-TYPE").hasSize(37).doesNotHaveDuplicates();
    }

    @Test
    void jsonOutputIsOneArrayOfAssessments() throws IOException {
        Path output = dir.resolve("answers.json");

        int code = Main.run("assess", SAMPLE.toString(), "--as-of", "2026-06-15", "--format", "json", "--output", output.toString(),
                "--playbook", "post-sale-momentum");

        assertThat(code).isZero();
        String json = Files.readString(output);
        assertThat(json).startsWith("[\n{\"schemaVersion\":1,").endsWith("}\n]\n");
        assertThat(json.lines().filter(l -> l.startsWith("{")).count()).isEqualTo(60);
        assertThat(json).contains("\"playbook\":{\"id\":\"post-sale-momentum\",\"version\":\"1.0\"}");
    }

    @Test
    void ndjsonLinesAreTheContractsAssessmentLinesInBookOrder() throws IOException {
        LocalDate asOf = LocalDate.of(2026, 6, 15);
        List<CustomerSnapshot> customers = new SampleBook(11, asOf).customers(300).toList();
        Path book = dir.resolve("book.ndjson");
        Files.write(book, customers.stream().map(ReferralJson::writeBookEntry).toList());
        Path output = dir.resolve("answers.ndjson");

        int code = Main.run("assess", book.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--output", output.toString(),
                "--threads", "2");

        assertThat(code).isZero();
        ReferralReadinessEngine engine = ReferralRules.engine();
        List<String> expected = customers.stream().map(c -> ReferralJson.writeAssessmentLine(engine.assess(c, asOf))).toList();
        assertThat(Files.readAllLines(output)).containsExactlyElementsOf(expected);
    }

    @Test
    void decisionDetailWritesTheDecisionOnlyAndTheSameTableAndReportCard() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        Path full = dir.resolve("full.ndjson");
        Path decision = dir.resolve("decision.ndjson");
        Path fullCard = dir.resolve("full-card.json");
        Path decisionCard = dir.resolve("decision-card.json");

        assertThat(Main.run("assess", SAMPLE.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--output", full.toString(),
                "--report-card-json", fullCard.toString())).isZero();
        assertThat(Main.run("assess", SAMPLE.toString(), "--as-of", "2026-06-15", "--format", "ndjson", "--output", decision.toString(),
                "--report-card-json", decisionCard.toString(), "--detail", "decision")).isZero();

        List<String> fullLines = Files.readAllLines(full);
        List<String> decisionLines = Files.readAllLines(decision);
        assertThat(decisionLines).hasSize(60).hasSameSizeAs(fullLines);
        for (int i = 0; i < fullLines.size(); i++) {
            JsonNode line = plain.readTree(decisionLines.get(i));
            List<String> fields = new java.util.ArrayList<>(List.of("schemaVersion", "customerId", "asOf", "playbook", "stage",
                    "stageReason", "trustEarned", "trustBuilders", "actions", "warnings"));
            if (plain.readTree(fullLines.get(i)).has("revisitOn")) {
                fields.add("revisitOn");   // left out when nothing in the answer is time-bound
            }
            assertThat(line.fieldNames()).toIterable().containsExactlyElementsOf(fields);
            ObjectNode withoutExplanations = (ObjectNode) plain.readTree(fullLines.get(i));
            withoutExplanations.remove(List.of("whyNot", "earliestAsk", "reasons", "firedRules"));
            assertThat(decisionLines.get(i)).isEqualTo(plain.writeValueAsString(withoutExplanations));
        }
        assertThat(Files.readString(decisionCard)).isEqualTo(Files.readString(fullCard));

        streams.resetOut();
        assertThat(Main.run("assess", SAMPLE.toString(), "--as-of", "2026-06-15")).isZero();
        String fullTable = out();
        streams.resetOut();
        assertThat(Main.run("assess", SAMPLE.toString(), "--as-of", "2026-06-15", "--detail", "decision")).isZero();
        assertThat(out()).isEqualTo(fullTable);
    }

    @Test
    void decisionDetailInJsonFormatIsOneArrayOfDecisions() throws IOException {
        Path output = dir.resolve("decisions.json");

        int code = Main.run("assess", SAMPLE.toString(), "--as-of", "2026-06-15", "--format", "json", "--detail", "decision",
                "--output", output.toString());

        assertThat(code).isZero();
        String json = Files.readString(output);
        assertThat(json).startsWith("[\n{\"schemaVersion\":1,").endsWith("}\n]\n").doesNotContain("\"whyNot\"", "\"firedRules\"");
        JsonNode array = new ObjectMapper().readTree(json);
        assertThat(array).hasSize(60);
        assertThat(array.get(0).has("stageReason")).isTrue();
    }

    @Test
    void anEmptyBookIsAnEmptyArrayOrNothing() throws IOException {
        Path book = dir.resolve("empty.ndjson");
        Files.writeString(book, "");
        Path json = dir.resolve("empty.json");
        Path ndjson = dir.resolve("empty-out.ndjson");

        assertThat(Main.run("assess", book.toString(), "--format", "json", "--output", json.toString())).isZero();
        assertThat(Main.run("assess", book.toString(), "--format", "ndjson", "--output", ndjson.toString())).isZero();

        assertThat(Files.readString(json)).isEqualTo("[]\n");
        assertThat(Files.readString(ndjson)).isEmpty();
    }

    @Test
    void unreadableInputAndUsageErrorsExitWithTwo() throws IOException {
        assertThat(Main.run("assess", dir.resolve("missing.json").toString())).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("cannot read " + dir.resolve("missing.json") + ": no such file");

        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"askCooldownDays\": 30}");
        assertThat(Main.run("assess", SAMPLE.toString(), "--policy", policy.toString())).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains(policy + ": $.askCooldownDays is not a policy threshold (did you mean askCoolDownDays?)");

        assertThat(Main.run("assess", SAMPLE.toString(), "--playbook", "hard-sell")).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("playbook is not a bundled playbook, was 'hard-sell'");

        Path notABook = dir.resolve("not-a-book.json");
        Files.writeString(notABook, "[1, 2, 3]");
        assertThat(Main.run("assess", notABook.toString())).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains(notABook + ": $ must be a JSON object with a \"customers\" array");

        assertThat(Main.run("assess", SAMPLE.toString(), "--format", "xml")).isEqualTo(Main.UNUSABLE);
        assertThat(Main.run("assess", SAMPLE.toString(), "--detail", "everything")).isEqualTo(Main.UNUSABLE);
        assertThat(err()).contains("Invalid value for option '--detail': expected one of [full, decision] (case-sensitive) but was 'everything'");
        assertThat(Main.run("assess")).isEqualTo(Main.UNUSABLE);
        assertThat(Main.run("assess", SAMPLE.toString(), "--as-of", "15/06/2026")).isEqualTo(Main.UNUSABLE);
    }

    @Test
    void helpShowsAnExampleAndTheExitCodes() {
        assertThat(Main.run("assess", "--help")).isZero();

        assertThat(out()).contains("Usage: referral-rules assess").contains("--report-card=FILE.html")
                .contains("referral-rules assess samples/sample-book.json --as-of 2026-06-15 --report-card card.html")
                .contains("--detail=LEVEL").contains("the decision only (docs/schema/decision.schema.json)")
                .contains("Exit codes:").contains("0  every entry assessed and written");
    }

    @Test
    void theTopLevelHelpListsEveryCommandWithItsWholeSummary() {
        assertThat(Main.run("--help")).isZero();

        Map<String, String> summaries = new LinkedHashMap<>();
        String command = null;
        boolean inCommands = false;
        for (String line : out().lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands && line.matches("  \\S.*")) {
                String[] parts = line.trim().split("\\s+", 2);
                command = parts[0];
                summaries.put(command, parts[1]);
            } else if (inCommands && command != null) {
                summaries.merge(command, line.trim(), (a, b) -> a + " " + b);
            }
        }
        assertThat(summaries).containsOnlyKeys("assess", "backtest", "generate", "help")
                .containsEntry("assess", "Assesses every customer of a book as of one day.")
                .containsEntry("generate", "Writes a deterministic sample book of fictional customers (the same seed gives the same book).");
        assertThat(summaries.values()).allSatisfy(summary -> assertThat(summary).as("a whole sentence").endsWith("."));
    }

    @Test
    void aNegativeCustomerCountIsRefusedLikeEveryOtherMistake() {
        assertThat(Main.run("generate", "--customers", "-1")).isEqualTo(Main.UNUSABLE);

        assertThat(err()).isEqualTo("referral-rules: --customers must not be negative, was -1" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void aWrongFormatIsRefusedTheSameWayByAssessAndGenerate() {
        assertThat(Main.run("assess", SAMPLE.toString(), "--format", "xml")).isEqualTo(Main.UNUSABLE);
        assertThat(Main.run("generate", "--customers", "1", "--format", "xml")).isEqualTo(Main.UNUSABLE);
        assertThat(Main.run("generate", "--customers", "1", "--format", "table")).isEqualTo(Main.UNUSABLE);

        assertThat(err().lines().filter(l -> l.startsWith("Invalid value")).toList()).containsExactly(
                "Invalid value for option '--format': expected one of [table, json, ndjson] (case-sensitive) but was 'xml'",
                "Invalid value for option '--format': expected one of [ndjson, json] (case-sensitive) but was 'xml'",
                "Invalid value for option '--format': expected one of [ndjson, json] (case-sensitive) but was 'table'");
        assertThat(out()).isEmpty();
    }

    @Test
    void theHelpOfAssessAndGenerateListsTheFormats() {
        assertThat(Main.run("assess", "--help")).isZero();
        assertThat(Main.run("generate", "--help")).isZero();

        assertThat(out()).containsPattern("--format=FORMAT +One of table, json, ndjson \\(default table\\)\\.")
                .containsPattern("--format=FORMAT +One of ndjson, json: ndjson one customer per line, json a book with its teams"
                        + " \\(default ndjson\\)\\.");
    }

    @Test
    void generateWritesAJsonBookWithItsTeams() throws IOException {
        Path book = dir.resolve("book.json");

        assertThat(Main.run("generate", "--customers", "3", "--seed", "3", "--as-of", "2026-06-15", "--format", "json",
                "--output", book.toString())).isZero();

        assertThat(Files.readString(book)).startsWith("{\n  \"schemaVersion\" : 1,\n  \"teams\" : {");
        assertThat(Main.run("assess", book.toString(), "--as-of", "2026-06-15")).isZero();
        assertThat(err()).contains("Assessed 3 customers");
    }

    @Test
    void generateWritesTheSameBookForTheSameSeed() throws IOException {
        Path a = dir.resolve("a.ndjson");
        Path b = dir.resolve("b.ndjson");

        assertThat(Main.run("generate", "--customers", "25", "--seed", "3", "--as-of", "2026-06-15", "--output", a.toString())).isZero();
        assertThat(Main.run("generate", "--customers", "25", "--seed", "3", "--as-of", "2026-06-15", "--output", b.toString())).isZero();

        assertThat(Files.readAllLines(a)).hasSize(25).isEqualTo(Files.readAllLines(b));
    }

    @Test
    void generateWithAskHistoriesAddsEarlierAsksAndLeavesTheAnswersAsOfTheDayAsTheyWere() throws IOException {
        Path plain = dir.resolve("plain.ndjson");
        Path histories = dir.resolve("histories.ndjson");
        Path plainAnswers = dir.resolve("plain-answers.ndjson");
        Path historiesAnswers = dir.resolve("histories-answers.ndjson");

        assertThat(Main.run("generate", "--customers", "12", "--seed", "3", "--as-of", "2026-06-15", "--output", plain.toString())).isZero();
        assertThat(Main.run("generate", "--customers", "12", "--seed", "3", "--as-of", "2026-06-15", "--ask-histories",
                "--output", histories.toString())).isZero();
        assertThat(Main.run("assess", plain.toString(), "--as-of", "2026-06-15", "--format", "ndjson",
                "--output", plainAnswers.toString())).isZero();
        assertThat(Main.run("assess", histories.toString(), "--as-of", "2026-06-15", "--format", "ndjson",
                "--output", historiesAnswers.toString())).isZero();

        assertThat(Files.readAllLines(histories)).isEqualTo(new SampleBook(3, LocalDate.of(2026, 6, 15))
                .withAskHistories(ReferralRules.engine()).customers(12).map(ReferralJson::writeBookEntry).toList());
        assertThat(Files.readString(histories)).hasSizeGreaterThan(Files.readString(plain).length())
                .contains("\"C-000005-HA");
        assertThat(Files.readAllLines(historiesAnswers)).hasSize(12).isEqualTo(Files.readAllLines(plainAnswers));
    }

    @Test
    void theCommittedSampleBookIsWhatTheGeneratorWrites() throws IOException {
        SampleBook sample = new SampleBook(2026, LocalDate.of(2026, 6, 15)).withAskHistories(ReferralRules.engine());
        StringWriter generated = new StringWriter();
        BookFile.writeJson(sample.customers(60).iterator(), sample.teams(60), generated);

        assertThat(Files.readString(SAMPLE)).as("samples/sample-book.json: regenerate with referral-rules generate"
                + " --customers 60 --seed 2026 --as-of 2026-06-15 --format json --ask-histories").isEqualTo(generated.toString());
    }
}
