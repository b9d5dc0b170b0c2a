package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.book.IncrementalResult.Change;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an incremental run says of one entry, and of the whole run: what each change means and what cannot be said. */
class IncrementalResultTest {
    private static final LocalDate DAY = SampleBookTest.AS_OF;
    private static final CustomerSnapshot CUSTOMER = new SampleBook(9, DAY).customers(1).findFirst().orElseThrow();
    private static final ReadinessAssessment ANSWER = ReferralRules.engine().assess(CUSTOMER, DAY);
    private static final BookResult OK = new BookResult(4, CUSTOMER.customer().id(), "book.ndjson:5", CUSTOMER, ANSWER, null);
    private static final BookResult BROKEN = new BookResult(4, CUSTOMER.customer().id(), "book.ndjson:5", null, null,
            "book.ndjson:5: $.sales[0].date must be a date");

    private static IncrementalResult result(Change change, BookResult result) {
        return new IncrementalResult(4, CUSTOMER.customer().id(), "book.ndjson:5", change, result);
    }

    @Test
    void eachChangeSaysWhetherTheEntryWasAssessedAndWhetherItsAnswerIsWritten() {
        assertThat(result(Change.SKIPPED, null)).satisfies(r -> {
            assertThat(r.assessed()).isFalse();
            assertThat(r.changed()).isFalse();
            assertThat(r.assessment()).isNull();
        });
        assertThat(result(Change.NEW, OK)).satisfies(r -> {
            assertThat(r.assessed()).isTrue();
            assertThat(r.changed()).isTrue();
            assertThat(r.assessment()).isSameAs(ANSWER);
        });
        assertThat(result(Change.CHANGED, OK)).satisfies(r -> {
            assertThat(r.assessed()).isTrue();
            assertThat(r.changed()).isTrue();
        });
        assertThat(result(Change.UNCHANGED, OK)).satisfies(r -> {
            assertThat(r.assessed()).isTrue();
            assertThat(r.changed()).isFalse();
        });
        assertThat(result(Change.FAILED, BROKEN)).satisfies(r -> {
            assertThat(r.assessed()).isFalse();
            assertThat(r.changed()).isFalse();
            assertThat(r.assessment()).isNull();
        });
    }

    @Test
    void aSkippedEntryHasNoBookResultAndEveryOtherHasOne() {
        assertThatThrownBy(() -> result(Change.SKIPPED, OK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an incremental result has a book result unless it was skipped (entry #4)");
        assertThatThrownBy(() -> result(Change.UNCHANGED, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an incremental result has a book result unless it was skipped (entry #4)");
    }

    @Test
    void anEntryIsFailedExactlyWhenItsBookResultFailed() {
        assertThatThrownBy(() -> result(Change.NEW, BROKEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an incremental result is FAILED exactly when its book result failed (entry #4 is NEW)");
        assertThatThrownBy(() -> result(Change.FAILED, OK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an incremental result is FAILED exactly when its book result failed (entry #4 is FAILED)");
    }

    @Test
    void aSummaryCountsEveryEntryDeliveredAndTheUnchangedAnswers() {
        BookSummary book = new BookSummary(DAY, 30, 2, Map.of(), false);

        IncrementalSummary summary = new IncrementalSummary(book, 968, 12, 3, 998);

        assertThat(summary.total()).isEqualTo(1000);
        assertThat(summary.assessed()).isEqualTo(30);
        assertThat(summary.unchanged()).isEqualTo(18);
    }

    @Test
    void aSummaryCannotCountMoreChangedThanAssessedNorMoreNewThanChanged() {
        BookSummary book = new BookSummary(DAY, 30, 2, Map.of(), false);

        assertThatThrownBy(() -> new IncrementalSummary(book, 968, 31, 3, 998)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an incremental summary needs 0 <= added <= changed <= assessed and 0 <= stateRows <= skipped + assessed;"
                        + " was skipped 968, assessed 30, changed 31, added 3, stateRows 998");
        assertThatThrownBy(() -> new IncrementalSummary(book, 968, 12, 13, 998)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IncrementalSummary(book, 968, 12, 3, 999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IncrementalSummary(book, -1, 12, 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IncrementalSummary(null, 0, 0, 0, 0)).isInstanceOf(NullPointerException.class).hasMessage("book");
    }
}
