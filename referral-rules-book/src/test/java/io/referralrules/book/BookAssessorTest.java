package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.ReplayResult;
import io.referralrules.api.Stage;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookAssessorTest {
    static final LocalDate AS_OF = SampleBookTest.AS_OF;
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    private static final List<CustomerSnapshot> BOOK = new SampleBook(3, AS_OF).customers(120).toList();

    @Test
    void resultsComeInBookOrderAndEqualOneByOneAssessment() {
        List<BookResult> results = new ArrayList<>();
        BookSummary summary = BookAssessor.builder(ENGINE).threads(2).window(7).build().assess(BOOK, AS_OF, results::add);

        assertThat(results).extracting(BookResult::index).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, BOOK.size()).boxed().toList());
        for (int i = 0; i < BOOK.size(); i++) {
            assertThat(results.get(i).assessment()).isEqualTo(ENGINE.assess(BOOK.get(i), AS_OF));
            assertThat(results.get(i).snapshot()).isSameAs(BOOK.get(i));
        }
        assertThat(summary.assessed()).isEqualTo(120);
        assertThat(summary.failed()).isZero();
        assertThat(summary.byStage().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(120);
        assertThat(summary.byStage().get(Stage.EARNING_TRUST)).isEqualTo(
                results.stream().filter(r -> r.assessment().stage() == Stage.EARNING_TRUST).count());
        assertThat(summary.cancelled()).isFalse();
    }

    @Test
    void oneThreadAndTwoGiveTheSameAnswer() {
        List<ReadinessAssessment> one = new ArrayList<>();
        List<ReadinessAssessment> two = new ArrayList<>();
        BookAssessor.builder(ENGINE).threads(1).build().assess(BOOK.stream(), AS_OF, r -> one.add(r.assessment()));
        BookAssessor.builder(ENGINE).threads(2).build().assess(BOOK.stream(), AS_OF, r -> two.add(r.assessment()));

        assertThat(two).isEqualTo(one);
    }

    @Test
    void badEntriesAreReportedWithTheirIdAndTheBookGoesOn() {
        List<BookItem> items = new ArrayList<>();
        items.add(BookItem.of(BOOK.get(0), "#0"));
        items.add(BookItem.failed("C-BAD", "book.ndjson:2", "$.sales[0].date must be a date (yyyy-mm-dd), was \"2026-13-01\""));
        items.add(BookItem.of(BOOK.get(1), "#2"));
        List<BookResult> results = new ArrayList<>();

        BookSummary summary = BookAssessor.builder(ENGINE).threads(2).build().assess(items.iterator(), items.size(), AS_OF, results::add);

        assertThat(summary.assessed()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.total()).isEqualTo(3);
        assertThat(results.get(1).failed()).isTrue();
        assertThat(results.get(1).customerId()).isEqualTo("C-BAD");
        assertThat(results.get(1).location()).isEqualTo("book.ndjson:2");
        assertThat(results.get(1).problem()).contains("$.sales[0].date");
    }

    @Test
    void entriesAreReadOnTheWorkersAndGiveWhatTheirItemsGive() {
        List<BookEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(BookEntry.of(io.referralrules.json.ReferralJson.writeBookEntry(BOOK.get(i)), "book.ndjson:" + (i + 1)));
        }
        String good = io.referralrules.json.ReferralJson.writeBookEntry(BOOK.get(3));
        entries.set(3, BookEntry.of(good.replaceFirst("\"date\":\"\\d{4}-\\d{2}-\\d{2}\"", "\"date\":\"2026-13-01\""), "book.ndjson:4"));
        entries.set(17, BookEntry.of("{\"customer\": ", "book.ndjson:18"));
        entries.set(18, BookEntry.of("{\"customer\":{\"id\":\"C-NO-TYPE\",\"ownerId\":\"rep-01\"}}", "book.ndjson:19"));
        List<BookItem> items = entries.stream().map(BookEntry::read).toList();
        for (int threads : new int[] {1, 2}) {
            List<BookResult> fromEntries = new ArrayList<>();
            List<BookResult> fromItems = new ArrayList<>();
            BookAssessor assessor = BookAssessor.builder(ENGINE).threads(threads).chunkSize(8).build();

            BookSummary summary = assessor.assessEntries(entries.iterator(), entries.size(), AS_OF, fromEntries::add);
            assessor.assess(items.iterator(), items.size(), AS_OF, fromItems::add);

            assertThat(summary.assessed()).isEqualTo(37);
            assertThat(summary.failed()).isEqualTo(3);
            assertThat(fromEntries).as("%d threads", threads).isEqualTo(fromItems);
            assertThat(fromEntries.get(3).customerId()).isEqualTo("C-000004");
            assertThat(fromEntries.get(3).location()).isEqualTo("book.ndjson:4");
            assertThat(fromEntries.get(3).problem()).startsWith("book.ndjson:4: $.").contains("must be a date (yyyy-mm-dd)");
            assertThat(fromEntries.get(17).customerId()).isNull();
            assertThat(fromEntries.get(17).problem()).startsWith("book.ndjson:18: $ ");
            assertThat(fromEntries.get(18).problem()).isEqualTo("book.ndjson:19: $.customer.type must not be null (id=C-NO-TYPE)");
            assertThat(fromEntries.get(20).assessment()).isEqualTo(ENGINE.assess(BOOK.get(20), AS_OF));
        }
    }

    @Test
    void aSourceOfEntriesThatThrowsCostsOnlyThatEntry() {
        Iterator<BookEntry> book = BOOK.subList(0, 5).stream()
                .map(s -> BookEntry.of(io.referralrules.json.ReferralJson.writeBookEntry(s), "book.ndjson")).iterator();
        int[] taken = {0};
        Iterator<BookEntry> flaky = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return book.hasNext();
            }

            @Override
            public BookEntry next() {
                BookEntry entry = book.next();
                if (taken[0]++ == 2) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
                }
                return entry;
            }
        };
        List<BookResult> results = new ArrayList<>();

        BookSummary summary = BookAssessor.builder(ENGINE).threads(2).build().assessEntries(flaky, -1, AS_OF, results::add);

        assertThat(summary.assessed()).isEqualTo(4);
        assertThat(results).extracting(BookResult::failed).containsExactly(false, false, true, false, false);
        assertThat(results.get(2).location()).isEqualTo("#2");
        assertThat(results.get(2).problem()).isEqualTo("could not be read: java.io.IOException: disk gone");
        assertThat(results.get(4).assessment()).isEqualTo(ENGINE.assess(BOOK.get(4), AS_OF));
    }

    @Test
    void whatTheWorkersPrepareComesWithEachResultInOrder() {
        List<BookEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(BookEntry.of(io.referralrules.json.ReferralJson.writeBookEntry(BOOK.get(i)), "book.ndjson:" + (i + 1)));
        }
        entries.set(7, BookEntry.of("not json", "book.ndjson:8"));
        List<String> preparedOn = Collections.synchronizedList(new ArrayList<>());
        List<String> delivered = new ArrayList<>();
        List<BookResult> results = new ArrayList<>();

        BookSummary summary = BookAssessor.builder(ENGINE).threads(2).chunkSize(4).build().assessEntries(entries.iterator(), 30, AS_OF,
                result -> {
                    preparedOn.add(Thread.currentThread().getName());
                    return result.failed() ? "failed " + result.location() : result.assessment().customerId() + " " + result.assessment().stage();
                },
                (result, prepared) -> {
                    results.add(result);
                    delivered.add(prepared);
                });

        assertThat(summary.assessed()).isEqualTo(29);
        assertThat(results).extracting(BookResult::index).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 30).boxed().toList());
        assertThat(delivered.get(7)).isEqualTo("failed book.ndjson:8");
        for (int i = 0; i < 30; i++) {
            if (i != 7) {
                assertThat(delivered.get(i)).isEqualTo(BOOK.get(i).customer().id() + " " + ENGINE.assess(BOOK.get(i), AS_OF).stage());
            }
        }
        assertThat(preparedOn).hasSize(30).allSatisfy(name -> assertThat(name).startsWith("referral-book-"));
    }

    @Test
    void anEngineThatThrowsFailsOnlyThatCustomer() {
        // decides a chunk as the interface does by default: one by one, so the chunk throws for C-000002
        ReferralReadinessEngine flaky = new StubEngine(null, "C-000002");
        List<BookResult> results = new ArrayList<>();

        BookSummary summary = BookAssessor.builder(flaky).threads(2).build().assess(BOOK.subList(0, 5), AS_OF, results::add);

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(results.get(1).customerId()).isEqualTo("C-000002");
        assertThat(results.get(1).problem()).isEqualTo("could not be assessed: no rule decided a stage");
    }

    @Test
    void progressReportsDoneAndTotalAndEndsWithTheLastCount() {
        List<BookProgress> seen = new ArrayList<>();

        BookAssessor.builder(ENGINE).threads(2).onProgress(50, seen::add).build().assess(BOOK, AS_OF, r -> { });

        assertThat(seen).containsExactly(new BookProgress(50, 0, 120), new BookProgress(100, 0, 120), new BookProgress(120, 0, 120));
    }

    @Test
    void aStreamHasAnUnknownTotal() {
        List<BookProgress> seen = new ArrayList<>();

        BookAssessor.builder(ENGINE).onProgress(1000, seen::add).build().assess(BOOK.stream().limit(10), AS_OF, r -> { });

        assertThat(seen).containsExactly(new BookProgress(10, 0, -1));
        assertThat(seen.get(0).totalKnown()).isFalse();
    }

    @Test
    void cancellingStopsTakingEntriesAndDeliversWhatWasInFlight() {
        BookCancellation cancel = new BookCancellation();
        List<BookResult> results = new ArrayList<>();
        Iterator<CustomerSnapshot> endless = Stream.generate(() -> BOOK.get(0)).iterator();

        BookSummary summary = BookAssessor.builder(ENGINE).threads(2).window(4).cancellation(cancel).build()
                .assess(Stream.generate(endless::next), AS_OF, r -> {
                    results.add(r);
                    if (results.size() == 10) {
                        cancel.cancel();
                    }
                });

        assertThat(summary.cancelled()).isTrue();
        assertThat(summary.assessed()).isEqualTo(results.size()).isBetween(10L, 14L);
    }

    /**
     * An engine for the chunk tests: {@code assess} answers like the real engine except for the customers given, and
     * {@code assessAll} is whatever the test says ({@code null}: the interface's one by one); it records the calls (workers call it from several threads).
     */
    static final class StubEngine implements ReferralReadinessEngine {
        final List<String> unassessable;
        final Function<List<CustomerSnapshot>, List<ReadinessAssessment>> batch;
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final List<Detail> details = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger oneByOne = new AtomicInteger();

        StubEngine(Function<List<CustomerSnapshot>, List<ReadinessAssessment>> batch, String... unassessable) {
            this.batch = batch;
            this.unassessable = List.of(unassessable);
        }

        @Override
        public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
            return assess(snapshot, asOf, Detail.FULL);
        }

        @Override
        public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf, Detail detail) {
            oneByOne.incrementAndGet();
            details.add(detail);
            if (unassessable.contains(snapshot.customer().id())) {
                throw new IllegalStateException("no rule decided a stage");
            }
            return ENGINE.assess(snapshot, asOf, detail);
        }

        @Override
        public List<ReadinessAssessment> assessAll(List<CustomerSnapshot> snapshots, LocalDate asOf, Detail detail) {
            batchSizes.add(snapshots.size());
            details.add(detail);
            return batch == null ? ReferralReadinessEngine.super.assessAll(snapshots, asOf, detail) : batch.apply(snapshots);
        }

        @Override
        public DecisionRecord record(CustomerSnapshot snapshot, LocalDate asOf) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReplayResult replay(DecisionRecord record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReadinessPolicy policy() {
            return ENGINE.policy();
        }

        @Override
        public PlaybookRef playbook() {
            return ENGINE.playbook();
        }
    }

    private static List<ReadinessAssessment> oneByOne(List<CustomerSnapshot> snapshots) {
        return snapshots.stream().map(s -> ENGINE.assess(s, AS_OF)).toList();
    }

    @Test
    void eachWorkerDecidesAWholeChunkWithOneAssessAllCall() {
        StubEngine engine = new StubEngine(BookAssessorTest::oneByOne);
        List<BookResult> results = new ArrayList<>();

        BookAssessor.builder(engine).threads(2).chunkSize(50).build().assess(BOOK, AS_OF, results::add);

        assertThat(engine.batchSizes).containsExactlyInAnyOrder(50, 50, 20);
        assertThat(engine.oneByOne).hasValue(0);
        assertThat(results).extracting(BookResult::assessment).containsExactlyElementsOf(oneByOne(BOOK));
    }

    @Test
    void whenAssessAllThrowsTheChunkIsAssessedOneByOneAndOnlyTheBadCustomerFails() {
        // assessAll fails for any chunk holding C-000006; assess fails for C-000006 alone
        StubEngine engine = new StubEngine(chunk -> {
            if (chunk.stream().anyMatch(s -> s.customer().id().equals("C-000006"))) {
                throw new IllegalStateException("one customer of the batch could not be assessed");
            }
            return oneByOne(chunk);
        }, "C-000006");
        List<BookResult> results = new ArrayList<>();

        BookSummary summary = BookAssessor.builder(engine).threads(2).chunkSize(4).build()
                .assess(BOOK.subList(0, 10), AS_OF, results::add);

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.assessed()).isEqualTo(9);
        assertThat(engine.batchSizes).containsExactlyInAnyOrder(4, 4, 2);
        assertThat(engine.oneByOne).as("only the failing chunk (entries 4-7) is assessed again").hasValue(4);
        BookResult bad = results.get(5);
        assertThat(bad.customerId()).isEqualTo("C-000006");
        assertThat(bad.location()).isEqualTo("#5");
        assertThat(bad.snapshot()).isSameAs(BOOK.get(5));
        assertThat(bad.problem()).isEqualTo("could not be assessed: no rule decided a stage");
        for (int i = 0; i < 10; i++) {
            if (i != 5) {
                assertThat(results.get(i).assessment()).isEqualTo(ENGINE.assess(BOOK.get(i), AS_OF));
            }
        }
    }

    @Test
    void anAssessAllThatDoesNotAnswerEveryCustomerInOrderIsNotTrusted() {
        StubEngine missing = new StubEngine(chunk -> oneByOne(chunk.subList(1, chunk.size())));
        StubEngine shuffled = new StubEngine(chunk -> {
            List<ReadinessAssessment> answers = new ArrayList<>(oneByOne(chunk));
            Collections.reverse(answers);
            return answers;
        });

        for (StubEngine engine : List.of(missing, shuffled)) {
            List<BookResult> results = new ArrayList<>();
            BookAssessor.builder(engine).threads(2).chunkSize(4).build().assess(BOOK.subList(0, 8), AS_OF, results::add);

            assertThat(engine.oneByOne).hasValue(8);
            assertThat(results).extracting(BookResult::assessment).containsExactlyElementsOf(oneByOne(BOOK.subList(0, 8)));
        }
    }

    @Test
    void unreadableEntriesInAChunkStayFailuresAndTheOthersAreDecidedTogether() {
        StubEngine engine = new StubEngine(BookAssessorTest::oneByOne);
        List<BookItem> items = List.of(BookItem.of(BOOK.get(0), "#0"), BookItem.failed(null, "book.ndjson:2", "is not valid JSON"),
                BookItem.of(BOOK.get(1), "#2"));
        List<BookResult> results = new ArrayList<>();

        BookAssessor.builder(engine).threads(1).build().assess(items.iterator(), 3, AS_OF, results::add);

        assertThat(engine.batchSizes).containsExactly(2);
        assertThat(results).extracting(BookResult::failed).containsExactly(false, true, false);
        assertThat(results.get(1).problem()).isEqualTo("is not valid JSON");
        assertThat(results.get(2).assessment()).isEqualTo(ENGINE.assess(BOOK.get(1), AS_OF));
    }

    @Test
    void chunkedResultsEqualOneByOneAssessmentWhateverTheChunkSize() {
        List<ReadinessAssessment> expected = oneByOne(BOOK);
        for (int chunkSize : new int[] {1, 7, 64, BookAssessor.DEFAULT_CHUNK_SIZE}) {
            for (int threads : new int[] {1, 2}) {
                List<BookResult> results = new ArrayList<>();
                BookAssessor.builder(ENGINE).threads(threads).chunkSize(chunkSize).build().assess(BOOK.stream(), AS_OF, results::add);

                assertThat(results).extracting(BookResult::index).as("chunk %d, %d threads", chunkSize, threads)
                        .containsExactlyElementsOf(java.util.stream.LongStream.range(0, BOOK.size()).boxed().toList());
                assertThat(results).extracting(BookResult::assessment).as("chunk %d, %d threads", chunkSize, threads)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void theDetailIsPassedToTheEngineTogetherAndOneByOne() {
        StubEngine engine = new StubEngine(chunk -> {
            throw new IllegalStateException("batch refused");
        });
        List<BookResult> results = new ArrayList<>();

        BookAssessor.builder(engine).threads(2).chunkSize(5).detail(Detail.DECISION).build()
                .assess(BOOK.subList(0, 10), AS_OF, results::add);

        assertThat(engine.details).hasSize(2 + 10).containsOnly(Detail.DECISION);
        for (int i = 0; i < 10; i++) {
            assertThat(results.get(i).assessment()).isEqualTo(ENGINE.assess(BOOK.get(i), AS_OF, Detail.DECISION));
        }
        assertThatThrownBy(() -> BookAssessor.builder(ENGINE).detail(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BookAssessor.builder(ENGINE).chunkSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BookAssessor.chunkSize must be at least 1, was 0");
    }

    @Test
    void theWindowBoundsTheEntriesInFlightAndCutsChunksToFit() {
        int window = 6;
        long[] read = {0};
        long[] delivered = {0};
        long[] mostInFlight = {0};
        Iterator<CustomerSnapshot> book = BOOK.iterator();
        Iterator<CustomerSnapshot> counted = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return book.hasNext();
            }

            @Override
            public CustomerSnapshot next() {
                read[0]++;
                mostInFlight[0] = Math.max(mostInFlight[0], read[0] - delivered[0]);
                return book.next();
            }
        };
        StubEngine engine = new StubEngine(BookAssessorTest::oneByOne);

        BookSummary summary = BookAssessor.builder(engine).threads(2).window(window).build()
                .assess(Stream.generate(counted::next).limit(BOOK.size()), AS_OF, r -> delivered[0]++);

        assertThat(summary.assessed()).isEqualTo(BOOK.size());
        assertThat(mostInFlight[0]).isBetween(1L, (long) window);
        assertThat(engine.batchSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(window / 2));
    }
}
