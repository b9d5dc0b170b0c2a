package io.referralrules.book;

/**
 * How far a book assessment has come.
 *
 * @param done   entries delivered so far (assessed or failed)
 * @param failed entries that failed so far
 * @param total  entries in the book, or {@code -1} when the source does not say
 */
public record BookProgress(long done, long failed, long total) {

    /** Whether the total is known. */
    public boolean totalKnown() {
        return total >= 0;
    }
}
