package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
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
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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
    void anEngineThatThrowsFailsOnlyThatCustomer() {
        ReferralReadinessEngine flaky = new ReferralReadinessEngine() {
            @Override
            public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
                if (snapshot.customer().id().equals("C-000002")) {
                    throw new IllegalStateException("no rule decided a stage");
                }
                return ENGINE.assess(snapshot, asOf);
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
        };
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
}
