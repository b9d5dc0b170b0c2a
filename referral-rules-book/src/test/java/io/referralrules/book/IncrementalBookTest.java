package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.book.IncrementalResult.Change;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which customers an incremental run skips, at every boundary, and what it tells and remembers of the others. */
class IncrementalBookTest {
    static final LocalDate DAY = SampleBookTest.AS_OF;
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    private static final List<CustomerSnapshot> BOOK = new SampleBook(3, DAY).customers(40).toList();

    @TempDir
    Path dir;

    /** One run's results (in order), summary, plan and the state it wrote (read back from its bytes). */
    record Run(List<IncrementalResult> results, IncrementalSummary summary, IncrementalBook.Plan plan, BookState state, byte[] bytes) {
        IncrementalResult of(String customerId) {
            return results.stream().filter(r -> customerId.equals(r.customerId())).findFirst().orElseThrow();
        }

        Set<String> ids(Change change) {
            return results.stream().filter(r -> r.change() == change).map(IncrementalResult::customerId).collect(Collectors.toSet());
        }
    }

    private static List<BookEntry> entries(List<CustomerSnapshot> book) {
        List<BookEntry> entries = new ArrayList<>();
        for (int i = 0; i < book.size(); i++) {
            entries.add(BookEntry.of(ReferralJson.writeBookEntry(book.get(i)), "book.ndjson:" + (i + 1)));
        }
        return entries;
    }

    private static Run run(ReferralReadinessEngine engine, Detail detail, List<BookEntry> entries, LocalDate asOf, BookState previous)
            throws IOException {
        IncrementalBook incremental = IncrementalBook.of(BookAssessor.builder(engine).threads(2).chunkSize(8).detail(detail).build());
        IncrementalBook.Plan plan = incremental.plan(previous, asOf);
        ByteArrayOutputStream state = new ByteArrayOutputStream();
        List<IncrementalResult> results = new ArrayList<>();
        IncrementalSummary summary = incremental.assessEntries(entries.iterator(), entries.size(), plan, state,
                r -> r.customerId(), (r, id) -> {
                    assertThat(id).isEqualTo(r.customerId());
                    results.add(r);
                });
        byte[] bytes = state.toByteArray();
        return new Run(results, summary, plan, BookState.read(new ByteArrayInputStream(bytes), "state"), bytes);
    }

    private static Run run(ReferralReadinessEngine engine, List<BookEntry> entries, LocalDate asOf, BookState previous) throws IOException {
        return run(engine, Detail.FULL, entries, asOf, previous);
    }

    private static String sha128(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String id(int i) {
        return BOOK.get(i).customer().id();
    }

    @Test
    void aFirstRunAssessesEveryCustomerAsNewAndRemembersEachOne() throws IOException {
        RevisitEngine engine = new RevisitEngine(ENGINE).revisit(id(0), DAY.plusDays(3));

        Run first = run(engine, entries(BOOK), DAY, null);

        assertThat(first.plan().note()).contains("none yet; every customer is assessed");
        assertThat(first.results()).extracting(IncrementalResult::change).containsOnly(Change.NEW);
        assertThat(first.summary().changed()).isEqualTo(40);
        assertThat(first.summary().added()).isEqualTo(40);
        assertThat(first.summary().skipped()).isZero();
        assertThat(first.summary().stateRows()).isEqualTo(40);
        assertThat(first.state().asOf()).isEqualTo(DAY);
        assertThat(first.state().identity()).isEqualTo(BookState.Identity.of(ENGINE, Detail.FULL));
        assertThat(first.state().rows().map(BookState.Row::customerId)).containsExactlyElementsOf(BOOK.stream().map(s -> s.customer().id()).toList());
        for (int i = 0; i < BOOK.size(); i++) {
            ReadinessAssessment answer = ENGINE.assess(BOOK.get(i), DAY);
            BookState.Row row = first.state().row(id(i)).orElseThrow();
            assertThat(row.fingerprint()).isEqualTo(sha128(ReferralJson.writeBookEntry(BOOK.get(i))));
            assertThat(row.answer()).isEqualTo(answer.answer().digest().substring(0, 32));
            assertThat(row.revisitOn()).isEqualTo(i == 0 ? DAY.plusDays(3) : null);
            assertThat(first.results().get(i).assessment()).isEqualTo(engine.assess(BOOK.get(i), DAY));
        }
    }

    @Test
    void aCustomerIsSkippedOnlyWhenItsFactsAreTheSameAndItsRevisitDayIsAfterTheRun() throws IOException {
        LocalDate next = DAY.plusDays(1);
        RevisitEngine engine = new RevisitEngine(ENGINE)
                .revisit(id(0), next)                  // revisit day = the run's day: assessed
                .revisit(id(1), next.plusDays(1))      // revisit day = the run's day + 1: skipped
                .revisit(id(3), next.plusDays(5));     // facts changed: assessed, whatever the day
        // every other customer: nothing time-bound (revisit day null): skipped
        Run first = run(engine, entries(BOOK), DAY, null);
        engine.assessedSinceLastAsked();
        List<CustomerSnapshot> changed = new ArrayList<>(BOOK);
        changed.set(3, BOOK.get(3).toBuilder().add(new SocialTouch(id(3) + "-ST-NEW", DAY.minusDays(2), "lunch")).build());

        Run second = run(engine, entries(changed), next, first.state());

        assertThat(second.plan().skips()).isTrue();
        assertThat(second.plan().note()).isEmpty();
        assertThat(engine.assessedSinceLastAsked()).containsExactlyInAnyOrder(id(0), id(3));
        assertThat(second.ids(Change.SKIPPED)).hasSize(38).contains(id(1), id(2)).doesNotContain(id(0), id(3));
        assertThat(second.of(id(0)).assessed()).isTrue();
        assertThat(second.of(id(3)).assessed()).isTrue();
        assertThat(second.summary().skipped()).isEqualTo(38);
        assertThat(second.summary().assessed()).isEqualTo(2);
        IncrementalResult skipped = second.of(id(1));
        assertThat(skipped.location()).isEqualTo("book.ndjson:2");
        assertThat(skipped.index()).isEqualTo(1);
        assertThat(skipped.result()).isNull();
        assertThat(skipped.assessment()).isNull();
        assertThat(skipped.changed()).isFalse();
        // a skipped customer keeps its row as it was; an assessed one gets the new fingerprint and answer
        assertThat(second.state().row(id(1))).isEqualTo(first.state().row(id(1)));
        assertThat(second.state().row(id(2))).isEqualTo(first.state().row(id(2)));
        assertThat(second.state().row(id(3)).orElseThrow().fingerprint()).isEqualTo(sha128(ReferralJson.writeBookEntry(changed.get(3))))
                .isNotEqualTo(first.state().row(id(3)).orElseThrow().fingerprint());
        assertThat(second.state().row(id(3)).orElseThrow().revisitOn()).isEqualTo(next.plusDays(5));
        assertThat(second.state().asOf()).isEqualTo(next);
        assertThat(second.state().size()).isEqualTo(40);
    }

    @Test
    void whetherAnAssessedAnswerChangedIsItsDigestAgainstThePreviousOne() throws IOException {
        Run first = run(ENGINE, entries(BOOK), DAY, null);
        List<CustomerSnapshot> changed = new ArrayList<>(BOOK);
        // a new fact that changes the answer, and one that does not (a social touch dated after the run's day)
        changed.set(5, BOOK.get(5).toBuilder().add(new ReferralAsk(id(5) + "-RA-NEW", DAY, AskType.INTRODUCTION)).build());
        changed.set(6, BOOK.get(6).toBuilder().add(new SocialTouch(id(6) + "-ST-LATER", DAY.plusDays(400), "later")).build());

        Run second = run(ENGINE, entries(changed), DAY, first.state());

        assertThat(ENGINE.assess(changed.get(5), DAY).sameAnswer(ENGINE.assess(BOOK.get(5), DAY))).isFalse();
        assertThat(ENGINE.assess(changed.get(6), DAY).sameAnswer(ENGINE.assess(BOOK.get(6), DAY))).isTrue();
        assertThat(second.of(id(5)).change()).isEqualTo(Change.CHANGED);
        assertThat(second.of(id(6)).change()).isEqualTo(Change.UNCHANGED);
        assertThat(second.ids(Change.SKIPPED)).hasSize(38);
        assertThat(second.summary().changed()).isEqualTo(1);
        assertThat(second.summary().added()).isZero();
        assertThat(second.summary().unchanged()).isEqualTo(1);
    }

    @Test
    void aRunOnTheSameDayAgainSkipsEveryCustomerWhoseFactsAreTheSame() throws IOException {
        Run first = run(ENGINE, entries(BOOK), DAY, null);

        Run again = run(ENGINE, entries(BOOK), DAY, first.state());

        // every answer's revisit day is after the day it was made on, so on that same day nothing is due
        assertThat(again.results()).extracting(IncrementalResult::change).containsOnly(Change.SKIPPED);
        assertThat(again.bytes()).isEqualTo(first.bytes());
    }

    @Test
    void aRunBackInTimeAssessesEveryCustomerAndStillComparesAnswers() throws IOException {
        RevisitEngine engine = new RevisitEngine(ENGINE);   // nothing time-bound: only the day going back makes them assessed
        Run later = run(engine, entries(BOOK), DAY.plusDays(5), null);
        engine.assessedSinceLastAsked();

        Run back = run(engine, entries(BOOK), DAY.plusDays(4), later.state());

        assertThat(back.plan().skips()).isFalse();
        assertThat(back.plan().previous()).isPresent();
        assertThat(back.plan().note()).contains("of 2026-06-20, after the run's day 2026-06-19; a run back in time assesses every customer");
        assertThat(engine.assessedSinceLastAsked()).hasSize(40);
        assertThat(back.ids(Change.NEW)).isEmpty();
        for (int i = 0; i < BOOK.size(); i++) {
            boolean same = ENGINE.assess(BOOK.get(i), DAY.plusDays(4)).sameAnswer(ENGINE.assess(BOOK.get(i), DAY.plusDays(5)));
            assertThat(back.of(id(i)).change()).as(id(i)).isEqualTo(same ? Change.UNCHANGED : Change.CHANGED);
        }
        assertThat(back.state().asOf()).isEqualTo(DAY.plusDays(4));
    }

    @Test
    void aStateWrittenUnderAnotherPolicyIsNotUsed() throws IOException {
        ReadinessPolicy stricter = Playbook.EARNED_TRUST.defaults().toBuilder().greenLightsRequired(3).build();
        RevisitEngine other = new RevisitEngine(ReferralRules.engine(Playbook.EARNED_TRUST, stricter));
        Run first = run(other, entries(BOOK), DAY, null);
        RevisitEngine engine = new RevisitEngine(ENGINE);

        Run second = run(engine, entries(BOOK), DAY, first.state());

        assertThat(second.plan().previous()).isEmpty();
        assertThat(second.plan().note().orElseThrow()).startsWith("written under another policy ")
                .endsWith("; it is not used: every customer is assessed and counts as changed");
        assertThat(engine.assessedSinceLastAsked()).hasSize(40);
        assertThat(second.results()).extracting(IncrementalResult::change).containsOnly(Change.NEW);
    }

    @Test
    void aStateWrittenAtAnotherDetailOrUnderAnotherPlaybookIsNotUsed() throws IOException {
        Run full = run(ENGINE, entries(BOOK), DAY, null);

        Run decision = run(ENGINE, Detail.DECISION, entries(BOOK), DAY, full.state());
        Run momentum = run(ReferralRules.engine(Playbook.POST_SALE_MOMENTUM), entries(BOOK), DAY, full.state());

        assertThat(decision.plan().note().orElseThrow()).startsWith("written under another detail FULL (now DECISION)");
        assertThat(decision.results()).extracting(IncrementalResult::change).containsOnly(Change.NEW);
        assertThat(momentum.plan().note().orElseThrow()).startsWith("written under another playbook earned-trust@1.0 (now post-sale-momentum@")
                .contains("rules ");
        assertThat(momentum.results()).extracting(IncrementalResult::change).containsOnly(Change.NEW);
    }

    @Test
    void customersNoLongerInTheBookAreDroppedAndNewOnesAreAssessedAsNew() throws IOException {
        Run first = run(ENGINE, entries(BOOK.subList(0, 30)), DAY, null);

        Run second = run(ENGINE, entries(BOOK.subList(10, 40)), DAY, first.state());

        assertThat(second.state().rows().map(BookState.Row::customerId))
                .containsExactlyElementsOf(BOOK.subList(10, 40).stream().map(s -> s.customer().id()).toList());
        assertThat(second.ids(Change.NEW)).containsExactlyInAnyOrderElementsOf(BOOK.subList(30, 40).stream().map(s -> s.customer().id()).toList());
        assertThat(second.ids(Change.SKIPPED)).hasSize(20);
        assertThat(second.summary().added()).isEqualTo(10);
        assertThat(second.summary().changed()).isEqualTo(10);
        assertThat(second.state().row(id(0))).isEmpty();
    }

    @Test
    void anEntryThatFailsHasNoRowAndIsAssessedInTheNextRun() throws IOException {
        Run first = run(ENGINE, entries(BOOK), DAY, null);
        List<BookEntry> broken = entries(BOOK);
        broken.set(7, BookEntry.of(ReferralJson.writeBookEntry(BOOK.get(7)).replaceFirst("\"date\":\"\\d{4}-\\d{2}-\\d{2}\"",
                "\"date\":\"2026-13-01\""), "book.ndjson:8"));

        Run second = run(ENGINE, broken, DAY, first.state());
        Run third = run(ENGINE, entries(BOOK), DAY, second.state());

        assertThat(second.of(id(7)).change()).isEqualTo(Change.FAILED);
        assertThat(second.of(id(7)).result().problem()).contains("must be a date");
        assertThat(second.summary().book().failed()).isEqualTo(1);
        assertThat(second.state().row(id(7))).isEmpty();
        assertThat(second.summary().stateRows()).isEqualTo(39);
        assertThat(third.of(id(7)).change()).isEqualTo(Change.NEW);
        assertThat(third.ids(Change.SKIPPED)).hasSize(39);
    }

    /**
     * Two days: on the first a referrer's introduction was agreed the day before, so thanking them is due today; on the
     * second that thank-you is overdue. The incremental second day gives exactly the changed answers of a full second
     * day, and skips the customers whose revisit day has not come.
     */
    @Test
    void onTheSecondDayTheChangedAnswersAreThoseOfAFullRunThatDiffer() throws IOException {
        CustomerSnapshot referrer = CustomerSnapshot.builder(new Customer("C-REFERRER", CustomerType.BUSINESS, "rep-01", null))
                .add(new Sale("C-REFERRER-S1", DAY.minusDays(200), new BigDecimal("5000"), "slow invoicing"))
                .add(new ReferralAsk("C-REFERRER-RA1", DAY.minusDays(3), AskType.INTRODUCTION))
                .add(new Introduction("C-REFERRER-IN1", DAY.minusDays(1), "C-REFERRER-RA1", "P-1", IntroductionChannel.EMAIL, null, null))
                .build();
        List<CustomerSnapshot> book = new ArrayList<>(BOOK);
        book.add(referrer);
        LocalDate second = DAY.plusDays(1);
        RevisitEngine engine = RevisitEngine.counting(ENGINE);
        Map<String, ReadinessAssessment> dayOne = new LinkedHashMap<>();
        Map<String, ReadinessAssessment> fullDayTwo = new LinkedHashMap<>();
        for (CustomerSnapshot s : book) {
            dayOne.put(s.customer().id(), ENGINE.assess(s, DAY));
            fullDayTwo.put(s.customer().id(), ENGINE.assess(s, second));
        }
        Run first = run(engine, entries(book), DAY, null);
        engine.assessedSinceLastAsked();

        Run next = run(engine, entries(book), second, first.state());

        assertThat(dayOne.get("C-REFERRER").warnings()).noneMatch(w -> w.type() == WarningType.FOLLOW_UP_OVERDUE);
        assertThat(fullDayTwo.get("C-REFERRER").warnings()).anyMatch(w -> w.type() == WarningType.FOLLOW_UP_OVERDUE);
        assertThat(next.of("C-REFERRER").change()).isEqualTo(Change.CHANGED);
        assertThat(next.of("C-REFERRER").assessment().warnings()).anyMatch(w -> w.type() == WarningType.FOLLOW_UP_OVERDUE);
        Set<String> changedInFull = fullDayTwo.values().stream().filter(a -> !a.sameAnswer(dayOne.get(a.customerId())))
                .map(ReadinessAssessment::customerId).collect(Collectors.toSet());
        assertThat(next.results().stream().filter(IncrementalResult::changed).map(IncrementalResult::customerId))
                .containsExactlyInAnyOrderElementsOf(changedInFull);
        for (IncrementalResult r : next.results()) {
            if (r.changed()) {
                assertThat(r.assessment()).isEqualTo(fullDayTwo.get(r.customerId()));
            }
        }
        Set<String> due = dayOne.values().stream().filter(a -> a.revisitOn() != null && !a.revisitOn().isAfter(second))
                .map(ReadinessAssessment::customerId).collect(Collectors.toSet());
        assertThat(engine.assessedSinceLastAsked()).containsExactlyInAnyOrderElementsOf(due);
        assertThat(next.summary().skipped()).isEqualTo(book.size() - due.size()).isPositive();
    }

    @Test
    void snapshotsGivenAsObjectsAreFingerprintedByTheirCanonicalJsonAndTheStateFileIsWrittenAtomically() throws IOException {
        Path state = dir.resolve("state").resolve("book.state");
        IncrementalBook incremental = IncrementalBook.of(BookAssessor.builder(ENGINE).threads(2).build());
        List<IncrementalResult> first = new ArrayList<>();
        List<IncrementalResult> second = new ArrayList<>();

        incremental.assess(BOOK.stream(), incremental.plan(null, DAY), state, first::add);
        BookState written = BookState.read(state);
        IncrementalSummary summary = incremental.assess(BOOK.stream(), incremental.plan(written, DAY), state, second::add);

        assertThat(first).extracting(IncrementalResult::change).containsOnly(Change.NEW);
        assertThat(first).extracting(IncrementalResult::location).startsWith("#0", "#1");
        assertThat(written.row(id(4)).orElseThrow().fingerprint()).isEqualTo(sha128(ReferralJson.writeBookEntry(BOOK.get(4))));
        assertThat(second).extracting(IncrementalResult::change).containsOnly(Change.SKIPPED);
        assertThat(summary.skipped()).isEqualTo(40);
        try (Stream<Path> files = Files.list(state.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("book.state");
        }
    }

    @Test
    void aCancelledRunLeavesThePreviousStateFileAsItWas() throws IOException {
        Path state = dir.resolve("book.state");
        IncrementalBook incremental = IncrementalBook.of(BookAssessor.builder(ENGINE).threads(2).chunkSize(4).build());
        incremental.assess(BOOK.stream(), incremental.plan(null, DAY), state, r -> { });
        byte[] before = Files.readAllBytes(state);
        BookCancellation cancellation = new BookCancellation();
        IncrementalBook cancelled = IncrementalBook.of(BookAssessor.builder(ENGINE).threads(2).chunkSize(4).cancellation(cancellation).build());
        List<CustomerSnapshot> changed = BOOK.stream().map(s -> s.toBuilder()
                .add(new SocialTouch(s.customer().id() + "-ST-X", DAY, "coffee")).build()).toList();

        IncrementalSummary summary = cancelled.assess(changed.stream(), cancelled.plan(BookState.read(state), DAY), state, r -> cancellation.cancel());

        assertThat(summary.book().cancelled()).isTrue();
        assertThat(summary.total()).isLessThan(40);
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("book.state");
        }
    }

    @Test
    void aPlanMadeForAnotherDetailIsRefused() {
        IncrementalBook full = IncrementalBook.of(BookAssessor.builder(ENGINE).build());
        IncrementalBook decision = IncrementalBook.of(BookAssessor.builder(ENGINE).detail(Detail.DECISION).build());
        IncrementalBook.Plan plan = full.plan(null, DAY);

        assertThatThrownBy(() -> decision.assess(BOOK.stream(), plan, new ByteArrayOutputStream(), r -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detail FULL (now DECISION)");
    }

    @Test
    void aPlanCanAssessEveryoneAndStillCompare() throws IOException {
        Run first = run(ENGINE, entries(BOOK), DAY, null);
        IncrementalBook incremental = IncrementalBook.of(BookAssessor.builder(ENGINE).threads(2).build());
        IncrementalBook.Plan plan = incremental.plan(first.state(), DAY).assessingEveryone("the report card needs every answer");
        List<IncrementalResult> results = new ArrayList<>();

        incremental.assess(BOOK.stream(), plan, new ByteArrayOutputStream(), results::add);

        assertThat(plan.note()).contains("every customer is assessed: the report card needs every answer");
        // the book's entries were fingerprinted as NDJSON lines, these as canonical JSON: the same bytes, so the same rows
        assertThat(results).extracting(IncrementalResult::change).containsOnly(Change.UNCHANGED);
    }

    /**
     * A run that skips most customers still decides the others in whole batches (one {@code assessAll} call per
     * {@code chunkSize} customers to assess, not one per chunk of the book), and delivers every entry in the book's order.
     */
    @Test
    void theCustomersToAssessAreGatheredIntoWholeBatchesAndEverythingComesInOrder() throws IOException {
        List<CustomerSnapshot> book = new SampleBook(11, DAY).customers(600).toList();
        RevisitEngine engine = new RevisitEngine(ENGINE);
        IncrementalBook incremental = IncrementalBook.of(BookAssessor.builder(engine).threads(2).chunkSize(8).build());
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        incremental.assessEntries(entries(book).iterator(), 600, incremental.plan(null, DAY), first, r -> null, (r, p) -> { });
        BookState state = BookState.read(new ByteArrayInputStream(first.toByteArray()), "state");
        engine.assessedSinceLastAsked();
        engine.batchesSinceLastAsked();
        List<CustomerSnapshot> changed = new ArrayList<>(book);
        for (int i = 5; i < 600; i += 13) {
            changed.set(i, book.get(i).toBuilder().add(new SocialTouch(book.get(i).customer().id() + "-ST-X", DAY, "tea")).build());
        }
        List<IncrementalResult> results = new ArrayList<>();

        incremental.assessEntries(entries(changed).iterator(), 600, incremental.plan(state, DAY), new ByteArrayOutputStream(),
                r -> r.index(), (r, index) -> {
                    assertThat(index).isEqualTo(r.index());
                    results.add(r);
                });

        assertThat(results).extracting(IncrementalResult::index).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 600).boxed().toList());
        assertThat(results).extracting(IncrementalResult::customerId).containsExactlyElementsOf(
                changed.stream().map(s -> s.customer().id()).toList());
        List<Integer> batches = engine.batchesSinceLastAsked();
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(46);
        assertThat(batches).hasSizeLessThanOrEqualTo(7).filteredOn(n -> n == 8).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < 600; i++) {
            boolean touched = i >= 5 && (i - 5) % 13 == 0;
            assertThat(results.get(i).assessed()).as("#%d", i).isEqualTo(touched);
            assertThat(results.get(i).change() == Change.SKIPPED).as("#%d", i).isEqualTo(!touched);
        }
    }

    @Test
    void progressCountsSkippedEntriesToo() throws IOException {
        Run first = run(ENGINE, entries(BOOK), DAY, null);
        List<BookProgress> progress = new ArrayList<>();
        IncrementalBook incremental = IncrementalBook.of(BookAssessor.builder(ENGINE).threads(2).onProgress(10, progress::add).build());

        incremental.assessEntries(entries(BOOK).iterator(), 40, incremental.plan(first.state(), DAY), new ByteArrayOutputStream(),
                Function.identity(), (r, p) -> { });

        assertThat(progress).extracting(BookProgress::done).containsExactly(10L, 20L, 30L, 40L);
        assertThat(progress).extracting(BookProgress::total).containsOnly(40L);
    }
}
