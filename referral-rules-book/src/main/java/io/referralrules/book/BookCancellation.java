package io.referralrules.book;

/**
 * Stops a running book assessment from another thread: entries not yet started are skipped, the ones in flight finish
 * and are delivered, and the summary says it was cancelled. Thread-safe; one per run.
 */
public final class BookCancellation {
    private volatile boolean cancelled;

    /** Asks the run to stop. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }
}
