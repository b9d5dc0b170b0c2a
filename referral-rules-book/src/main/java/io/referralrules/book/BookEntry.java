package io.referralrules.book;

import io.referralrules.api.InvalidInputException;
import io.referralrules.json.ReferralJson;

import java.util.Objects;

/**
 * One entry of a book as it stands in the file, not read yet: its JSON text and its place. {@link #read()} turns it
 * into a {@link BookItem}; {@link BookAssessor#assessEntries} does that on its worker threads, so the thread that
 * reads the file only cuts it into entries.
 *
 * @param json     the entry's JSON text (a line of an NDJSON book, an element of a JSON book's {@code customers})
 * @param location where the entry is, e.g. {@code book.ndjson:17} or {@code book.json $.customers[16]}; messages
 *                 about the entry start with it
 */
public record BookEntry(String json, String location) {
    public BookEntry {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Reads the entry as a book entry of the JSON contract ({@link ReferralJson#readBookEntry}): its snapshot, or, when
     * it is not a valid snapshot, a failed item with the customer id it shows (if any), its place and the problem.
     */
    public BookItem read() {
        try {
            return BookItem.of(ReferralJson.readBookEntry(json, location), location);
        } catch (InvalidInputException e) {
            return BookItem.failed(ReferralJson.customerIdOf(json).orElse(null), location, e.getMessage());
        }
    }
}
