package io.referralrules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.IssueStatus;
import io.referralrules.api.facts.PositioningConversation;
import io.referralrules.api.facts.ProactiveAction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final StandardStreams streams = StandardStreams.captured();

    @TempDir
    Path dir;

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    /** Ready to ask on 2026-06-09; asked on 06-10, introduced on 06-15, confirmed 06-20. */
    private static CustomerSnapshot ready() {
        String id = "R";
        return CustomerSnapshot.builder(new Customer(id, CustomerType.BUSINESS, "rep-1", null))
                .add(new Sale(id + "-S1", d("2025-09-01"), new BigDecimal("5000"), null))
                .add(new PositioningConversation(id + "-PC1", d("2025-09-02")))
                .add(new ServiceInteraction(id + "-SI1", d("2026-01-05"), 5, IssueStatus.RESOLVED))
                .add(new ServiceInteraction(id + "-SI2", d("2026-03-10"), 4, IssueStatus.RESOLVED))
                .add(new ProactiveAction(id + "-PA1", d("2026-02-01"), null))
                .add(new ExtraValue(id + "-EV1", d("2026-02-15"), null))
                .add(new ReferralGiven(id + "-RG1", d("2025-10-01"), null))
                .add(new SocialTouch(id + "-ST1", d("2026-03-15"), null))
                .add(new FeedbackAnswer(id + "-FA1", d("2026-05-20"), null, FeedbackSignal.GREEN_LIGHT))
                .add(new SurveyScore(id + "-N1", d("2026-06-01"), SurveyType.NPS, 10))
                .add(new ReferralAsk("R-A1", d("2026-06-10"), AskType.INTRODUCTION))
                .add(new Introduction("R-I1", d("2026-06-15"), "R-A1", "P-1", IntroductionChannel.CALL, d("2026-06-20"), null))
                .build();
    }

    /** Asked four days after the first sale: held back; nothing came of it. */
    private static CustomerSnapshot premature() {
        return CustomerSnapshot.builder(new Customer("H", CustomerType.BUSINESS, "rep-1", null))
                .add(new Sale("H-S1", d("2026-06-01"), new BigDecimal("900"), null))
                .add(new ReferralAsk("H-A1", d("2026-06-05"), AskType.INTRODUCTION))
                .build();
    }

    /** An entry with an impossible date (30 February), which shows its customer id. */
    private static final String IMPOSSIBLE_DATE = "{\"customer\":{\"id\":\"X-2\",\"type\":\"BUSINESS\",\"ownerId\":\"rep-01\"},"
            + "\"sales\":[{\"id\":\"S-1\",\"date\":\"2026-02-30\",\"amount\":1}]}";

    private Path book(String... extraLines) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(ReferralJson.writeBookEntry(ready()));
        lines.addAll(List.of(extraLines));
        lines.add(ReferralJson.writeBookEntry(premature()));
        Path file = dir.resolve("book.ndjson");
        Files.write(file, lines);
        return file;
    }

    @Test
    void aTableOfTheAsksByStageAndHeldBackWithASummary() throws IOException {
        int code = Main.run("backtest", book().toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(streams.out()).startsWith("Backtest of 2 asks of 2 customers (0 failed): an introduction counts within 30 days")
                .contains("earned-trust@1.0")
                .containsPattern("READY_TO_ASK +1 +1 +100\\.0%")
                .containsPattern("POSITIONING +1 +0 +0\\.0%")
                .contains("Held back: 50.0% of asks, 0.0% of introductions; rate allowed minus held back: +100.0 points.");
        assertThat(streams.err()).startsWith("Backtested 2 asks of 2 customers under earned-trust@1.0 in ")
                .contains(": 2 ok, 0 invalid.");
    }

    @Test
    void jsonCarriesItsSchemaVersionAndTheCounts() throws IOException {
        int code = Main.run("backtest", book().toString(), "--format", "json");

        assertThat(code).isEqualTo(Main.OK);
        JsonNode doc = JSON.readTree(streams.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("asks").asLong()).isEqualTo(2);
        assertThat(doc.get("outcomeDays").asInt()).isEqualTo(30);
        assertThat(doc.at("/first/playbook/id").asText()).isEqualTo("earned-trust");
        assertThat(doc.at("/first/heldBack/allowed/introductions").asLong()).isEqualTo(1);
        assertThat(doc.at("/first/heldBack/heldBack/asks").asLong()).isEqualTo(1);
        assertThat(doc.has("second")).isFalse();
    }

    @Test
    void aShorterOutcomeWindowMissesTheIntroduction() throws IOException {
        int code = Main.run("backtest", book().toString(), "--format", "json", "--outcome-days", "4");

        assertThat(code).isEqualTo(Main.OK);
        JsonNode doc = JSON.readTree(streams.out());
        assertThat(doc.get("outcomeDays").asInt()).isEqualTo(4);
        assertThat(doc.at("/first/all/introductions").asLong()).isZero();
        assertThat(doc.get("introductionsAfterWindow").asLong()).isEqualTo(1);
    }

    @Test
    void aComparisonPlaybookIsBacktestedSideBySide() throws IOException {
        int code = Main.run("backtest", book().toString(), "--compare-playbook", "post-sale-momentum", "--format", "json");

        assertThat(code).isEqualTo(Main.OK);
        JsonNode doc = JSON.readTree(streams.out());
        assertThat(doc.at("/second/playbook/id").asText()).isEqualTo("post-sale-momentum");
        assertThat(doc.at("/second/all/asks").asLong()).isEqualTo(2);
        assertThat(doc.get("better").asText()).isIn("FIRST", "SECOND", "EVEN", "UNDECIDED");
        assertThat(streams.err()).contains("under earned-trust@1.0 and post-sale-momentum@1.0 in ");
    }

    @Test
    void aComparisonPolicyKeepsThePlaybookAndChangesItsThresholds() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"greenLightsRequired\": 3}");

        int code = Main.run("backtest", book().toString(), "--compare-policy", policy.toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(streams.out()).contains("First: earned-trust@1.0").contains("Second: earned-trust@1.0").contains("Comparison");
        assertThat(streams.err()).contains(" under earned-trust@1.0 and earned-trust@1.0 with " + policy.getFileName() + " in ");
    }

    @Test
    void theTableAndThePageAreWrittenToFiles() throws IOException {
        Path out = dir.resolve("backtest.txt");
        Path html = dir.resolve("backtest.html");

        int code = Main.run("backtest", book().toString(), "--output", out.toString(), "--html", html.toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(streams.out()).isEmpty();
        assertThat(Files.readString(out)).startsWith("Backtest of 2 asks");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(streams.err()).contains("Backtest page: " + html.toAbsolutePath().normalize());
    }

    @Test
    void theSampleBookIsBacktested() {
        int code = Main.run("backtest", CliTest.SAMPLE.toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(streams.out()).startsWith("Backtest of ").contains("Held back or allowed");
    }

    @Test
    void anInvalidEntryIsListedCountedAndTheOthersBacktested() throws IOException {
        int code = Main.run("backtest", book(IMPOSSIBLE_DATE).toString(), "--format", "json");

        assertThat(code).isEqualTo(Main.SOME_INVALID);
        Path file = dir.resolve("book.ndjson");
        assertThat(streams.err()).contains("invalid: X-2 at " + file + ":2: $.sales[0].date must be a date (yyyy-mm-dd), was \"2026-02-30\"\n")
                .contains(": 2 ok, 1 invalid.");
        JsonNode doc = JSON.readTree(streams.out());
        assertThat(doc.get("failed").asLong()).isEqualTo(1);
        assertThat(doc.at("/failures/0/customerId").asText()).isEqualTo("X-2");
        assertThat(doc.get("asks").asLong()).isEqualTo(2);
    }

    @Test
    void aBookOnStandardInputIsBacktested() throws IOException {
        System.setIn(new ByteArrayInputStream(Files.readAllBytes(book())));

        assertThat(Main.run("backtest", "-")).isEqualTo(Main.OK);
        assertThat(streams.out()).startsWith("Backtest of 2 asks of 2 customers");
    }

    @Test
    void aMissingBookIsUnusableAndNothingIsWritten() {
        Path out = dir.resolve("out.txt");

        int code = Main.run("backtest", dir.resolve("none.ndjson").toString(), "--output", out.toString());

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).contains("referral-rules: cannot read " + dir.resolve("none.ndjson") + ": no such file");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownPlaybookIsUnusable() throws IOException {
        int code = Main.run("backtest", book().toString(), "--compare-playbook", "hunch");

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).contains("playbook is not a bundled playbook, was 'hunch'");
        assertThat(streams.out()).isEmpty();
    }

    @Test
    void anOutcomeWindowOutOfRangeIsUnusable() throws IOException {
        assertThat(Main.run("backtest", book().toString(), "--outcome-days", "-1")).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).contains("--outcome-days must be from 0 to 3650, was -1");
    }

    @Test
    void oneThreadOrFourGiveTheSameReport() throws IOException {
        Path book = book(IMPOSSIBLE_DATE);
        assertThat(Main.run("backtest", book.toString(), "--format", "json", "--threads", "1")).isEqualTo(Main.SOME_INVALID);
        String one = streams.out();
        streams.resetOut();

        assertThat(Main.run("backtest", book.toString(), "--format", "json", "--threads", "4")).isEqualTo(Main.SOME_INVALID);
        assertThat(streams.out()).isEqualTo(one);
    }

    @Test
    void aNumberOfThreadsOutOfRangeIsUnusable() throws IOException {
        assertThat(Main.run("backtest", book().toString(), "--threads", "0")).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).contains("--threads must be from 1 to 256, was 0");
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        assertThat(Main.run("backtest", book().toString(), "--format", "ndjson")).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).contains("--format");
    }

    @Test
    void anUnreadablePolicyIsUnusable() throws IOException {
        Path policy = Files.writeString(dir.resolve("bad.json"), "{\"greenLightsRequired\": \"many\"}");

        assertThat(Main.run("backtest", book().toString(), "--policy", policy.toString())).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).contains("greenLightsRequired");
        assertThat(streams.out()).isEmpty();
    }

    @Test
    void aFailedWriteOfThePageLeavesTheOutputAsItWas() throws IOException {
        Path out = Files.writeString(dir.resolve("out.txt"), "before\n");
        Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "");
        Path html = notAFolder.resolve("page.html");

        int code = Main.run("backtest", book().toString(), "--output", out.toString(), "--html", html.toString());

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(Files.readString(out)).isEqualTo("before\n");
        assertThat(streams.err()).contains("nothing is written");
    }

    @Test
    void thePageAndTheOutputMayNotBeOneFile() throws IOException {
        Path same = dir.resolve("same.txt");

        assertThat(Main.run("backtest", book().toString(), "--output", same.toString(), "--html", same.toString())).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).contains("--html and --output name the same file");
    }

    @Test
    void theCommandIsListedInTheHelp() {
        assertThat(Main.run("--help")).isZero();
        assertThat(streams.out()).containsPattern("\n  backtest +Backtests a playbook on the book's own history of referral asks\\.\n");
    }
}
