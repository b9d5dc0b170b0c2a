package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import java.util.Objects;

/**
 * One entry of a book: a customer's snapshot, or the reason it could not be read (so the book goes on and the bad
 * entry is reported with its customer id and where it was).
 *
 * @param snapshot   the snapshot, or {@code null} when the entry could not be read
 * @param customerId the customer's id (from the snapshot, or as far as the bad entry shows it; {@code null} if unknown)
 * @param location   where the entry is, e.g. {@code book.ndjson:17}
 * @param problem    why it could not be read, or {@code null}
 */
public record BookItem(CustomerSnapshot snapshot, String customerId, String location, String problem) {
    public BookItem {
        if ((snapshot == null) == (problem == null)) {
            throw new IllegalArgumentException("BookItem needs either a snapshot or a problem, not both or neither (location="
                    + location + ")");
        }
    }

    /** A readable entry. */
    public static BookItem of(CustomerSnapshot snapshot, String location) {
        Objects.requireNonNull(snapshot, "snapshot");
        return new BookItem(snapshot, snapshot.customer().id(), location, null);
    }

    /** An entry that could not be read. */
    public static BookItem failed(String customerId, String location, String problem) {
        return new BookItem(null, customerId, location, Objects.requireNonNull(problem, "problem"));
    }
}
