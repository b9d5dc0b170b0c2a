package io.referralrules.book;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.referralrules.api.InvalidInputException;
import io.referralrules.json.ReferralJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a book as it stands in the file, not read yet: its bytes, exactly as the file has them, and its place.
 * {@link #read()} turns it into a {@link BookItem}; {@link BookAssessor#assessEntries} does that on its worker threads,
 * so the thread that reads the file only cuts it into entries.
 *
 * <p>An entry is read by the JSON contract's strict reader ({@link ReferralJson#readBookEntry}) from its own text, so
 * the same text gives the same answer in an {@code .ndjson} line and in a {@code .json} book's {@code customers}. Text
 * that is not UTF-8 fails the entry, naming the offset of the first bad byte. An entry that could not even be cut out of
 * the file (too big, or broken so that its end cannot be found) comes as an unreadable entry that reads as a failed
 * item. No message about an entry repeats its text: they name the place, the customer id it shows and the problem.
 */
public final class BookEntry {
    private static final JsonFactory LENIENT = new JsonFactory();
    /** Longer "ids" are not shown: an id is short, and a long text in its place may be anything. */
    private static final int MAX_SHOWN_ID = 200;

    private final byte[] utf8;
    private final String location;
    private final long offset;
    private final String customerId;
    private final String problem;

    private BookEntry(byte[] utf8, String location, long offset, String customerId, String problem) {
        this.utf8 = utf8;
        this.location = Objects.requireNonNull(location, "location");
        this.offset = offset;
        this.customerId = customerId;
        this.problem = problem;
    }

    /**
     * An entry given as text.
     *
     * @param json     the entry's JSON text (a line of an NDJSON book, an element of a JSON book's {@code customers})
     * @param location where the entry is, e.g. {@code book.ndjson:17}; messages about the entry start with it
     */
    public static BookEntry of(String json, String location) {
        return new BookEntry(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8), location, -1, null, null);
    }

    /**
     * An entry given as the bytes of its text (UTF-8, as in the file; copied).
     *
     * @param location where the entry is, e.g. {@code book.ndjson:17}; messages about the entry start with it
     */
    public static BookEntry of(byte[] utf8, String location) {
        return new BookEntry(Objects.requireNonNull(utf8, "utf8").clone(), location, -1, null, null);
    }

    /** An entry cut out of a file, which starts at byte {@code offset} of the file (the array is taken as it is). */
    static BookEntry inFile(byte[] utf8, String location, long offset) {
        return new BookEntry(utf8, location, offset, null, null);
    }

    /** An entry that could not be cut out of its file: it reads as a failure with this id (or none) and problem. */
    static BookEntry unreadable(String customerId, String location, String problem) {
        return new BookEntry(null, location, -1, customerId, Objects.requireNonNull(problem, "problem"));
    }

    /**
     * The entry's fingerprint for an incremental run: the first 128 bits of the SHA-256 of its bytes, exactly as the file
     * has them; {@code null} for an entry that could not be cut out of its file.
     */
    Hash128 fingerprint() {
        return utf8 == null ? null : Hash128.sha256(utf8);
    }

    /** Where the entry is, e.g. {@code book.ndjson:17} or {@code book.json $.customers[16] (line 18)}. */
    public String location() {
        return location;
    }

    /**
     * Reads the entry as a book entry of the JSON contract ({@link ReferralJson#readBookEntry}): its snapshot, or, when
     * it is not a valid snapshot (or not UTF-8, or could not be cut out of the file), a failed item with the customer id
     * it shows (if any), its place and the problem.
     */
    public BookItem read() {
        if (problem != null) {
            return BookItem.failed(customerId, location, location + ": " + problem);
        }
        String text;
        try {
            text = decode(utf8);
        } catch (NotUtf8 e) {
            String where = "offset " + e.at + " of the entry" + (offset >= 0 ? ", offset " + (offset + e.at) + " of the file" : "");
            return BookItem.failed(shownId(utf8, utf8.length), location, location + ": $ is not valid UTF-8: byte 0x"
                    + String.format(Locale.ROOT, "%02X", utf8[e.at] & 0xFF) + " at " + where);
        }
        try {
            return BookItem.of(ReferralJson.readBookEntry(text, location), location);
        } catch (InvalidInputException e) {
            return BookItem.failed(shownId(utf8, utf8.length), location, e.getMessage());
        }
    }

    /** The first byte that is not UTF-8, at {@link #at}. */
    private static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;
        final int at;

        NotUtf8(int at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    private static String decode(byte[] utf8) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotUtf8(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new NotUtf8(in.position());
        }
        return out.flip().toString();
    }

    /**
     * The customer id an entry shows ({@code customer.id}, a string), read as far as the entry can be read, so a broken
     * entry still shows it when it comes before the break; {@code null} when it shows none, or one that is not a plain
     * id (blank, very long, control characters) or not valid UTF-8 (never a mangled id).
     */
    static String shownId(byte[] utf8, int length) {
        try (JsonParser p = LENIENT.createParser(utf8, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("customer".equals(field) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        JsonToken v = p.nextToken();
                        if ("id".equals(inner)) {
                            return v == JsonToken.VALUE_STRING ? plainId(p.getText()) : null;
                        }
                        p.skipChildren();
                    }
                    return null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String plainId(String id) {
        if (id.isBlank() || id.length() > MAX_SHOWN_ID || id.chars().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFD)) {
            return null;
        }
        return id;
    }

    /** The same text (or the same unreadable entry) at the same place. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BookEntry e && location.equals(e.location) && Arrays.equals(utf8, e.utf8)
                && Objects.equals(customerId, e.customerId) && Objects.equals(problem, e.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(location, Arrays.hashCode(utf8), customerId, problem);
    }

    /** The place and size, never the text (it may hold personal data). */
    @Override
    public String toString() {
        return "BookEntry[" + location + (utf8 != null ? ", " + utf8.length + " bytes]" : ", unreadable]");
    }
}
