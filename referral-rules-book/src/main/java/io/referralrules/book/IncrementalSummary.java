package io.referralrules.book;

import java.util.Objects;

/**
 * What an incremental run did: the book's summary (entries assessed in this run, failed, per stage of those assessed),
 * and how many were skipped, and of those assessed how many answers changed. {@code book().total() + skipped()} is every
 * entry delivered.
 *
 * @param book      the summary of the entries assessed or failed in this run
 * @param skipped   entries not assessed: facts unchanged and nothing due
 * @param changed   assessed entries whose answer is new or differs from the previous state's ({@code added} included)
 * @param added     assessed entries the previous state had no answer for
 * @param stateRows rows written to the new state (every entry skipped or assessed; failed entries have none)
 */
public record IncrementalSummary(BookSummary book, long skipped, long changed, long added, long stateRows) {
    public IncrementalSummary {
        Objects.requireNonNull(book, "book");
        if (skipped < 0 || added < 0 || added > changed || changed > book.assessed() || stateRows < 0
                || stateRows > skipped + book.assessed()) {
            throw new IllegalArgumentException("an incremental summary needs 0 <= added <= changed <= assessed and 0 <= stateRows <="
                    + " skipped + assessed; was skipped " + skipped + ", assessed " + book.assessed() + ", changed " + changed + ", added "
                    + added + ", stateRows " + stateRows);
        }
    }

    /** Entries assessed in this run. */
    public long assessed() {
        return book.assessed();
    }

    /** Assessed entries whose answer is the previous one. */
    public long unchanged() {
        return book.assessed() - changed;
    }

    /** Every entry delivered. */
    public long total() {
        return book.total() + skipped;
    }
}
