package io.referralrules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.book.BookState;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code assess --state FILE} and {@code --changed-only}: incremental runs of the command line. */
class CliStateTest {
    private static final LocalDate DAY = CliBooksTest.AS_OF;
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final StandardStreams streams = StandardStreams.captured();

    @TempDir
    Path dir;

    private List<CustomerSnapshot> customers;
    private Path book;
    private Path state;

    /** 120 generated customers and a referrer whose thank-you falls due on the first day. */
    @BeforeEach
    void book() throws IOException {
        customers = new ArrayList<>(new SampleBook(17, DAY).customers(120).toList());
        customers.add(CustomerSnapshot.builder(new Customer("C-REFERRER", CustomerType.BUSINESS, "rep-01", null))
                .add(new Sale("C-REFERRER-S1", DAY.minusDays(200), new BigDecimal("5000"), "slow invoicing"))
                .add(new ReferralAsk("C-REFERRER-RA1", DAY.minusDays(3), AskType.INTRODUCTION))
                .add(new Introduction("C-REFERRER-IN1", DAY.minusDays(1), "C-REFERRER-RA1", "P-1", IntroductionChannel.EMAIL, null, null))
                .build());
        book = write("book.ndjson", customers);
        state = dir.resolve("book.state");
    }

    private Path write(String name, List<CustomerSnapshot> snapshots) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, snapshots.stream().map(ReferralJson::writeBookEntry).toList());
        return file;
    }

    private int assess(Path book, LocalDate day, String... more) {
        streams.resetOut();
        List<String> args = new ArrayList<>(List.of("assess", book.toString(), "--as-of", day.toString(), "--no-progress"));
        args.addAll(Arrays.asList(more));
        return Main.run(args.toArray(String[]::new));
    }

    private static String customerId(String line) {
        try {
            return JSON.readTree(line).get("customerId").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    @Test
    void aFirstRunAssessesEveryCustomerAndASecondOnTheSameDaySkipsThemAll() throws IOException {
        int first = assess(book, DAY, "--state", state.toString(), "--format", "ndjson");
        List<String> firstOut = streams.out().lines().toList();
        int second = assess(book, DAY, "--state", state.toString(), "--format", "ndjson");

        assertThat(first).isEqualTo(Main.OK);
        assertThat(firstOut).hasSize(121);
        assertThat(streams.out()).isEmpty();
        assertThat(second).isEqualTo(Main.OK);
        assertThat(streams.err())
                .contains("referral-rules: state " + state + ": none yet; every customer is assessed\n")
                .contains("Assessed 121 of 121 customers as of 2026-06-15 under earned-trust@1.0 in ")
                .contains(": 121 ok, 0 invalid; 0 skipped (same facts, nothing due); 121 answers changed (121 new).")
                .contains("Assessed 0 of 121 customers as of 2026-06-15 ")
                .contains(": 0 ok, 0 invalid; 121 skipped (same facts, nothing due); 0 answers changed (0 new).")
                .contains("State: " + state + " (121 customers, ");
        BookState written = BookState.read(state);
        assertThat(written.size()).isEqualTo(121);
        assertThat(written.asOf()).isEqualTo(DAY);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("book.ndjson", "book.state");
        }
    }

    /**
     * The next day, with a few customers' facts changed and the referrer's thank-you overdue: {@code --changed-only}
     * writes exactly the lines of a full run for the customers whose answer differs from the day before.
     */
    @Test
    void theChangedOnlyOutputIsTheChangedPartOfAFullRun() throws IOException {
        LocalDate next = DAY.plusDays(1);
        assertThat(assess(book, DAY, "--state", state.toString(), "--format", "ndjson")).isZero();
        List<CustomerSnapshot> changed = new ArrayList<>(customers);
        for (int i : new int[] {3, 40, 77}) {
            CustomerSnapshot s = customers.get(i);
            changed.set(i, s.toBuilder().add(new ReferralAsk(s.customer().id() + "-RA-NEW", next, AskType.INTRODUCTION)).build());
        }
        changed.set(50, customers.get(50).toBuilder().add(new SocialTouch("C-X-ST", next.plusDays(300), "later")).build());
        Path nextBook = write("next.ndjson", changed);
        Path changedOut = dir.resolve("changed.ndjson");
        Path fullOut = dir.resolve("full.ndjson");

        int code = assess(nextBook, next, "--state", state.toString(), "--changed-only", "--format", "ndjson", "--output", changedOut.toString());
        assertThat(assess(nextBook, next, "--format", "ndjson", "--output", fullOut.toString())).isZero();

        assertThat(code).isEqualTo(Main.OK);
        Set<String> differ = new java.util.HashSet<>();
        for (int i = 0; i < customers.size(); i++) {
            ReadinessAssessment before = ENGINE.assess(customers.get(i), DAY);
            if (!ENGINE.assess(changed.get(i), next).sameAnswer(before)) {
                differ.add(before.customerId());
            }
        }
        assertThat(differ).contains("C-REFERRER", customers.get(3).customer().id()).doesNotContain(customers.get(50).customer().id());
        assertThat(lines(changedOut)).isEqualTo(lines(fullOut).stream().filter(l -> differ.contains(customerId(l))).toList());
        long skipped = customers.stream().filter(s -> !Set.of(3, 40, 50, 77).contains(customers.indexOf(s)))
                .map(s -> ENGINE.assess(s, DAY).revisitOn()).filter(r -> r == null || r.isAfter(next)).count();
        assertThat(streams.err()).contains("; " + skipped + " skipped (same facts, nothing due); " + differ.size() + " answers changed (0 new),"
                + " only they are written.");
        assertThat(BookState.read(state).asOf()).isEqualTo(next);
    }

    /** The book of the next day: three customers asked for an introduction (and the referrer's thank-you overdue). */
    private Path nextDaysBook() throws IOException {
        List<CustomerSnapshot> changed = new ArrayList<>(customers);
        for (int i : new int[] {3, 40, 77}) {
            CustomerSnapshot s = customers.get(i);
            changed.set(i, s.toBuilder().add(new ReferralAsk(s.customer().id() + "-RA-NEW", DAY.plusDays(1), AskType.INTRODUCTION)).build());
        }
        return write("next.ndjson", changed);
    }

    /** {@code --changed-only} in each format: the same changed answers, as a JSON array, as NDJSON lines, as table rows. */
    @Test
    void changedOnlyWritesTheChangedAnswersInEveryFormat() throws IOException {
        LocalDate next = DAY.plusDays(1);
        assertThat(assess(book, DAY, "--state", state.toString())).isZero();
        Path nextBook = nextDaysBook();
        Path stateForJson = Files.copy(state, dir.resolve("json.state"));
        Path stateForTable = Files.copy(state, dir.resolve("table.state"));

        assertThat(assess(nextBook, next, "--state", state.toString(), "--changed-only", "--format", "ndjson")).isZero();
        List<String> ndjson = streams.out().lines().toList();
        assertThat(assess(nextBook, next, "--state", stateForJson.toString(), "--changed-only", "--format", "json")).isZero();
        com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(streams.out());
        assertThat(assess(nextBook, next, "--state", stateForTable.toString(), "--changed-only")).isZero();
        List<String> table = streams.out().lines().toList();

        assertThat(ndjson).hasSizeBetween(2, 121).anySatisfy(l -> assertThat(customerId(l)).isEqualTo("C-REFERRER"));
        assertThat(json.isArray()).isTrue();
        List<com.fasterxml.jackson.databind.JsonNode> elements = new ArrayList<>();
        json.forEach(elements::add);
        assertThat(elements).containsExactlyElementsOf(ndjson.stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList());
        assertThat(table.get(0)).startsWith("CUSTOMER ");
        assertThat(table.subList(1, table.size())).extracting(l -> l.split(" +")[0])
                .containsExactlyElementsOf(ndjson.stream().map(CliStateTest::customerId).toList());
    }

    @Test
    void changedOnlyWithNothingChangedIsAnEmptyArrayInJson() {
        assertThat(assess(book, DAY, "--state", state.toString())).isZero();

        assertThat(assess(book, DAY, "--state", state.toString(), "--changed-only", "--format", "json")).isZero();

        assertThat(streams.err()).contains(" 0 answers changed (0 new), only they are written.");
        assertThat(streams.out()).isEqualTo("[]\n");
    }

    @Test
    void theStateCannotBeTheFileOfTheAnswersOrOfAReportCard() throws IOException {
        Path answers = dir.resolve("answers.ndjson");
        Path card = dir.resolve("card.json");

        int output = assess(book, DAY, "--state", answers.toString(), "--format", "ndjson", "--output", answers.toString());
        int reportCard = assess(book, DAY, "--state", dir.resolve("sub").resolve("..").resolve("card.json").toString(),
                "--report-card-json", card.toString());

        assertThat(output).isEqualTo(Main.UNUSABLE);
        assertThat(reportCard).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).contains("referral-rules: --state and --output name the same file, " + answers + "; the state would"
                + " replace what --output writes\n").contains("referral-rules: --state and --report-card-json name the same file, ");
        assertThat(streams.out()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("book.ndjson");
        }
    }

    @Test
    void changedOnlyWithoutAStateIsAUsageError() {
        assertThat(assess(book, DAY, "--changed-only")).isEqualTo(Main.UNUSABLE);

        assertThat(streams.err()).isEqualTo("referral-rules: --changed-only needs --state FILE, the answers it compares with\n");
    }

    @Test
    void aStateCutShortFailsTheRunAndLeavesEverythingAsItWas() throws IOException {
        assertThat(assess(book, DAY, "--state", state.toString())).isZero();
        byte[] whole = Files.readAllBytes(state);
        Files.write(state, Arrays.copyOf(whole, whole.length - 100));
        Path output = dir.resolve("answers.ndjson");
        Files.writeString(output, "the previous answers\n");

        int code = assess(book, DAY.plusDays(1), "--state", state.toString(), "--format", "ndjson", "--output", output.toString());

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).endsWith("referral-rules: cannot use the state " + state + ": is cut short: it ends at byte "
                + String.format(java.util.Locale.ROOT, "%,d", whole.length - 100) + ", before its end; delete it, or give another"
                + " --state file, to assess every customer\n");
        assertThat(Files.readAllBytes(state)).hasSize(whole.length - 100);
        assertThat(Files.readString(output)).isEqualTo("the previous answers\n");
    }

    @Test
    void aFileThatIsNotAStateFailsTheRunWithoutQuotingIt() throws IOException {
        int code = assess(book, DAY, "--state", book.toString());

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).isEqualTo("referral-rules: cannot use the state " + book + ": is not a referral-rules state file (it"
                + " does not start with 'referral-rules book state') (at byte 0); delete it, or give another --state file, to assess"
                + " every customer\n");
    }

    @Test
    void aStateOfAnotherFormatIsNotUsedSoAnUpgradeNeverStopsTheNightlyRun() throws IOException {
        assertThat(assess(book, DAY, "--state", state.toString(), "--format", "ndjson")).isZero();
        byte[] bytes = Files.readAllBytes(state);
        bytes[29] = 2; // the format number, after the 26-byte magic: as a later version would write it
        Files.write(state, bytes);

        int code = assess(book, DAY, "--state", state.toString(), "--changed-only", "--format", "ndjson");

        assertThat(code).isEqualTo(Main.OK);
        String err = streams.err();
        String second = err.substring(err.lastIndexOf("referral-rules: state "));
        assertThat(second)
                .startsWith("referral-rules: state " + state + ": is a state file of format 2; this version reads format 1 (at byte"
                        + " 26); it is not used: every customer is assessed and counts as new, and the state is written again in"
                        + " this version's format\n")
                .contains(": 121 ok, 0 invalid; 0 skipped (same facts, nothing due); 121 answers changed (121 new), only they are"
                        + " written.");
        assertThat(streams.out().lines()).hasSize(121);
        assertThat(BookState.read(state).size()).isEqualTo(121);
    }

    @Test
    void aFolderGivenAsTheStateCannotBeRead() {
        int code = assess(book, DAY, "--state", dir.toString());

        assertThat(code).isEqualTo(Main.UNUSABLE);
        assertThat(streams.err()).startsWith("referral-rules: cannot read " + dir + ": ");
    }

    @Test
    void aStateOfAnotherPolicyIsNotUsedAndSaysWhy() throws IOException {
        Path policy = dir.resolve("acme.json");
        Files.writeString(policy, "{\"greenLightsRequired\": 3}");
        assertThat(assess(book, DAY, "--state", state.toString(), "--policy", policy.toString())).isZero();

        int code = assess(book, DAY, "--state", state.toString(), "--changed-only", "--format", "ndjson");

        assertThat(code).isEqualTo(Main.OK);
        assertThat(streams.err()).containsPattern("referral-rules: state " + java.util.regex.Pattern.quote(state.toString())
                + ": written under another policy [0-9a-f]{8}… \\(now [0-9a-f]{8}…\\); it is not used: every customer is assessed"
                + " and counts as changed\n");
        assertThat(streams.out().lines()).hasSize(121);
    }

    @Test
    void aRunBackInTimeAssessesEveryCustomer() {
        assertThat(assess(book, DAY.plusDays(10), "--state", state.toString())).isZero();

        assertThat(assess(book, DAY, "--state", state.toString(), "--format", "ndjson")).isZero();

        assertThat(streams.err()).contains("referral-rules: state " + state + ": of 2026-06-25, after the run's day 2026-06-15; a run back in"
                + " time assesses every customer\n");
        assertThat(streams.out().lines()).hasSize(121);
    }

    @Test
    void aReportCardMakesEveryCustomerAssessed() throws IOException {
        assertThat(assess(book, DAY, "--state", state.toString())).isZero();
        Path card = dir.resolve("card.json");

        int code = assess(book, DAY, "--state", state.toString(), "--changed-only", "--report-card-json", card.toString());

        assertThat(code).isZero();
        assertThat(streams.err()).contains("referral-rules: state " + state + ": every customer is assessed: the report card needs every answer\n")
                .contains("Assessed 121 of 121 customers").contains("0 answers changed (0 new), only they are written.");
        assertThat(Files.readString(card)).contains("\"customers\" : 121");
    }

    @Test
    void aBookCutShortLeavesTheStateAsItWas() throws IOException {
        assertThat(assess(book, DAY, "--state", state.toString())).isZero();
        byte[] previous = Files.readAllBytes(state);
        List<String> entries = customers.stream().map(ReferralJson::writeBookEntry).toList();
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, "{\"schemaVersion\": 1, \"customers\": [\n" + entries.get(0) + ",\n" + entries.get(1).substring(0, 30));

        int errBefore = streams.err().length();
        int code = assess(cut, DAY.plusDays(1), "--state", state.toString());

        assertThat(code).isEqualTo(Main.INCOMPLETE);
        assertThat(streams.err().substring(errBefore)).contains("The state " + state + " is left as it was.").doesNotContain("State: ");
        assertThat(Files.readAllBytes(state)).isEqualTo(previous);
    }

    @Test
    void aBookCutShortOnTheFirstRunWritesNoState() throws IOException {
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, "{\"schemaVersion\": 1, \"customers\": [\n" + ReferralJson.writeBookEntry(customers.get(0)) + ",\n"
                + ReferralJson.writeBookEntry(customers.get(1)).substring(0, 30));

        int code = assess(cut, DAY, "--state", state.toString(), "--format", "ndjson");

        assertThat(code).isEqualTo(Main.INCOMPLETE);
        assertThat(streams.out().lines()).hasSize(1);
        assertThat(streams.err()).contains("The state " + state + " is not written.").doesNotContain("left as it was");
        assertThat(state).doesNotExist();
    }

    @Test
    void invalidEntriesAreListedAndGetNoRow() throws IOException {
        List<String> entries = new ArrayList<>(customers.stream().map(ReferralJson::writeBookEntry).toList());
        entries.set(5, entries.get(5).replaceFirst("\"date\":\"\\d{4}-\\d{2}-\\d{2}\"", "\"date\":\"2026-02-30\""));
        Path bad = dir.resolve("bad.ndjson");
        Files.write(bad, entries);

        int code = assess(bad, DAY, "--state", state.toString());

        assertThat(code).isEqualTo(Main.SOME_INVALID);
        assertThat(streams.err()).contains("invalid: " + customers.get(5).customer().id() + " at " + bad + ":6: ")
                .contains(": 120 ok, 1 invalid; 0 skipped");
        assertThat(BookState.read(state).size()).isEqualTo(120);
        assertThat(BookState.read(state).row(customers.get(5).customer().id())).isEmpty();
    }

    @Test
    void theStateIsInTheHelp() {
        assertThat(Main.run("assess", "--help")).isZero();

        assertThat(streams.out()).contains("--state=FILE").contains("--changed-only").contains("Incremental runs: --state FILE")
                .contains("a state file that cannot be used");
    }

    @Test
    void sizesReadAsBytesOrMegabytes() {
        assertThat(AssessCommand.size(45_253)).isEqualTo("45,253 bytes");
        assertThat(AssessCommand.size(45_253_000)).isEqualTo("45.3 MB");
    }
}
