package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.facts.Sale;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry of a book reaches the JSON contract's strict reader as the exact bytes it has in the file, whatever the
 * book's format: a {@code .json} entry and an {@code .ndjson} line with the same text get the same answer; a byte that
 * is not UTF-8 fails its own entry only, with its place and offset; an entry over the size limit fails alone.
 */
class BookFileStrictnessTest {
    private static final List<CustomerSnapshot> BOOK = new SampleBook(5, SampleBookTest.AS_OF).customers(6).toList();

    static List<BookItem> read(String name, byte[] content) throws IOException {
        List<BookItem> items = new ArrayList<>();
        try (BookFile book = BookFile.open(name, new ByteArrayInputStream(content))) {
            book.forEachRemaining(items::add);
        }
        return items;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON book with the given entry texts, one per line, as {@link BookFile#writeJson} lays it out. */
    static byte[] jsonBook(List<byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(utf8("{\n  \"schemaVersion\" : 1,\n  \"teams\" : {},\n  \"customers\" : ["));
        for (int i = 0; i < entries.size(); i++) {
            out.write(utf8(i == 0 ? "\n    " : ",\n    "));
            out.write(entries.get(i));
        }
        out.write(utf8("\n  ]\n}\n"));
        return out.toByteArray();
    }

    static byte[] ndjsonBook(List<byte[]> lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.write(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static List<byte[]> entries(String... replacements) {
        List<byte[]> entries = new ArrayList<>();
        for (CustomerSnapshot s : BOOK) {
            entries.add(utf8(ReferralJson.writeBookEntry(s)));
        }
        for (int i = 0; i < replacements.length; i++) {
            if (replacements[i] != null) {
                entries.set(i, utf8(replacements[i]));
            }
        }
        return entries;
    }

    /** An entry with one sale whose amount is written as given. */
    private static String withAmount(String amount) {
        return "{\"customer\":{\"id\":\"C-AMOUNT\",\"type\":\"BUSINESS\",\"ownerId\":\"rep-01\"},"
                + "\"sales\":[{\"id\":\"S-1\",\"date\":\"2026-05-02\",\"amount\":" + amount + "}]}";
    }

    private static BigDecimal amountOf(BookItem item) {
        Sale sale = item.snapshot().sales().get(0);
        return sale.amount();
    }

    @Test
    void aJsonBooksAmountsKeepEveryDigitAndTheirScaleAsAnNdjsonBooksDo() throws IOException {
        List<byte[]> entries = entries(withAmount("12345678901234567890.12"), withAmount("99.50"));

        List<BookItem> json = read("book.json", jsonBook(entries));
        List<BookItem> ndjson = read("book.ndjson", ndjsonBook(entries));

        assertThat(amountOf(json.get(0))).isEqualTo(new BigDecimal("12345678901234567890.12"));
        assertThat(amountOf(json.get(1))).isEqualTo(new BigDecimal("99.50")).hasScaleOf(2);
        assertThat(json).extracting(BookItem::snapshot).isEqualTo(ndjson.stream().map(BookItem::snapshot).toList());
    }

    @Test
    void aRepeatedKeyFailsItsEntryInAJsonBookAsInAnNdjsonBook() throws IOException {
        String repeated = "{\"customer\":{\"id\":\"C-TWICE\",\"type\":\"BUSINESS\",\"type\":\"INDIVIDUAL\",\"ownerId\":\"rep-01\"}}";
        List<byte[]> entries = entries(null, repeated);

        List<BookItem> json = read("book.json", jsonBook(entries));
        List<BookItem> ndjson = read("book.ndjson", ndjsonBook(entries));

        assertThat(json.get(1).snapshot()).isNull();
        assertThat(json.get(1).customerId()).isEqualTo("C-TWICE");
        assertThat(json.get(1).location()).isEqualTo("book.json $.customers[1] (line 6)");
        assertThat(ndjson.get(1).snapshot()).isNull();
        // the same problem, each at its own place
        assertThat(json.get(1).problem().substring(json.get(1).location().length()))
                .isEqualTo(ndjson.get(1).problem().substring(ndjson.get(1).location().length()));
        assertThat(json).hasSize(6).filteredOn(i -> i.snapshot() != null).hasSize(5);
    }

    @Test
    void theSameTextGetsTheSameAnswerInEitherFormat() throws IOException {
        String good = ReferralJson.writeBookEntry(BOOK.get(2));
        // a pretty-printed entry with spaces and an escaped character: the text, not a copy of it, is read
        String spaced = good.replace(",", " , ").replace("{", "{ ").replace("rep-", "rep\\u002d");
        List<byte[]> entries = entries(null, null, spaced);

        List<BookItem> json = read("book.json", jsonBook(entries));
        List<BookItem> ndjson = read("book.ndjson", ndjsonBook(entries));

        assertThat(json.get(2).snapshot()).isEqualTo(BOOK.get(2)).isEqualTo(ndjson.get(2).snapshot());
    }

    @Test
    void aByteThatIsNotUtf8FailsItsOwnLineWithThePlaceAndOffsetAndTheOthersAreRead() throws IOException {
        List<byte[]> lines = entries();
        byte[] bad = lines.get(3).clone();
        int at = new String(bad, StandardCharsets.ISO_8859_1).indexOf("\"displayName\":\"") + 16;
        bad[at] = (byte) 0xFF;
        lines.set(3, bad);
        byte[] book = ndjsonBook(lines);
        long lineStart = 0;
        for (int i = 0; i < 3; i++) {
            lineStart += lines.get(i).length + 1;
        }

        List<BookItem> items = read("book.ndjson", book);

        assertThat(items).hasSize(6);
        assertThat(items.get(3).snapshot()).isNull();
        assertThat(items.get(3).location()).isEqualTo("book.ndjson:4");
        assertThat(items.get(3).customerId()).isEqualTo(BOOK.get(3).customer().id());
        assertThat(items.get(3).problem()).isEqualTo("book.ndjson:4: $ is not valid UTF-8: byte 0xFF at offset " + at
                + " of the entry, offset " + (lineStart + at) + " of the file");
        for (int i : new int[] {0, 1, 2, 4, 5}) {
            assertThat(items.get(i).snapshot()).isEqualTo(BOOK.get(i));
        }
    }

    @Test
    void aByteThatIsNotUtf8InTheCustomerIdShowsNoMangledId() throws IOException {
        List<byte[]> lines = entries();
        byte[] bad = lines.get(1).clone();
        int at = new String(bad, StandardCharsets.ISO_8859_1).indexOf("C-0");
        bad[at + 1] = (byte) 0xC3;
        lines.set(1, bad);

        List<BookItem> ndjson = read("book.ndjson", ndjsonBook(lines));
        List<BookItem> json = read("book.json", jsonBook(lines));

        assertThat(ndjson.get(1).customerId()).isNull();
        assertThat(ndjson.get(1).problem()).startsWith("book.ndjson:2: $ is not valid UTF-8: byte 0xC3 at offset " + (at + 1));
        assertThat(json.get(1).customerId()).isNull();
        assertThat(json.get(1).problem()).startsWith("book.json $.customers[1] (line 6): $ is not valid UTF-8: byte 0xC3 at offset "
                + (at + 1) + " of the entry");
        assertThat(ndjson).filteredOn(i -> i.snapshot() != null).hasSize(5);
        assertThat(json).filteredOn(i -> i.snapshot() != null).hasSize(5);
    }

    @Test
    void anEntryOverTheSizeLimitFailsAloneWithItsSizeAndTheOthersAreRead() throws IOException {
        String big = ReferralJson.writeBookEntry(BOOK.get(1)).replace("\"attributes\":{", "\"attributes\":{\"x\":\""
                + "y".repeat(9_000) + "\",");
        List<byte[]> entries = entries(null, big);
        int size = utf8(big).length;

        List<BookItem> ndjson = new ArrayList<>();
        try (BookFile book = BookFile.open("book.ndjson", new ByteArrayInputStream(ndjsonBook(entries)), 4096)) {
            book.forEachRemaining(ndjson::add);
        }
        List<BookItem> json = new ArrayList<>();
        try (BookFile book = BookFile.open("book.json", new ByteArrayInputStream(jsonBook(entries)), 4096)) {
            book.forEachRemaining(json::add);
            assertThat(book.readToEnd()).isTrue();
        }

        assertThat(ndjson.get(1).problem()).isEqualTo("book.ndjson:2: is " + size + " bytes, more than the maximum 4096");
        assertThat(ndjson.get(1).customerId()).isNull();
        assertThat(json.get(1).problem()).isEqualTo("book.json $.customers[1] (line 6): is " + size + " bytes, more than the maximum 4096");
        assertThat(ndjson).hasSize(6).filteredOn(i -> i.snapshot() != null).extracting(BookItem::snapshot)
                .containsExactly(BOOK.get(0), BOOK.get(2), BOOK.get(3), BOOK.get(4), BOOK.get(5));
        assertThat(json).extracting(BookItem::snapshot).isEqualTo(ndjson.stream().map(BookItem::snapshot).toList());
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedWithoutBeingKept() throws IOException {
        // a line of 3 MB against a 1 KB limit: counted while it is skipped, never held
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        book.write('{');
        byte[] spaces = new byte[2_999_999];
        java.util.Arrays.fill(spaces, (byte) ' ');
        book.write(spaces);
        book.write(utf8("}\n\n" + ReferralJson.writeBookEntry(BOOK.get(0)) + "\n"));

        List<BookItem> items = new ArrayList<>();
        try (BookFile file = BookFile.open("big.ndjson", new ByteArrayInputStream(book.toByteArray()), 1024)) {
            file.forEachRemaining(items::add);
        }

        assertThat(items).hasSize(2);
        assertThat(items.get(0).problem()).isEqualTo("big.ndjson:1: is 3000001 bytes, more than the maximum 1024");
        assertThat(items.get(1).snapshot()).isEqualTo(BOOK.get(0));
        assertThat(items.get(1).location()).isEqualTo("big.ndjson:3");
    }

    @Test
    void theBooksTeamsMustBeTeamNamesAndTheMessageDoesNotRepeatTheValue() throws IOException {
        StringWriter out = new StringWriter();
        BookFile.writeJson(BOOK.iterator(), Map.of(), out);
        String book = out.toString().replace("\"teams\" : { }", "\"teams\" : {\"rep-01\": {\"lead\": \"Jane Roe <jane.roe@example.com>\"}}")
                .replace("\"teams\" : {}", "\"teams\" : {\"rep-01\": {\"lead\": \"Jane Roe <jane.roe@example.com>\"}}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("book.json", utf8(book)))
                .isInstanceOf(io.referralrules.api.InvalidInputException.class)
                .hasMessage("book.json: $.teams.rep-01 must be a team name (a string), was an object");
    }

    @Test
    void aBookWhoseHeaderIsNotUtf8NamesTheFileAndTheOffset() {
        byte[] latin1 = "{\"schemaVersion\": 1, \"teams\": {\"rep-01\": \"Nord-Est \u00e9quipe\"}, \"customers\": []}"
                .getBytes(StandardCharsets.ISO_8859_1);
        int at = new String(latin1, StandardCharsets.ISO_8859_1).indexOf('\u00e9');

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("book.json", latin1))
                .isInstanceOf(io.referralrules.api.InvalidInputException.class)
                .hasMessage("book.json: $.teams is not valid UTF-8: byte 0xE9 at offset " + at + " of the file (line 1)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("book.json", "{\"customers\": []}".getBytes(StandardCharsets.UTF_16)))
                .isInstanceOf(io.referralrules.api.InvalidInputException.class)
                .hasMessage("book.json: $ is not UTF-8: it starts with a UTF-16 byte order mark");
    }
}
