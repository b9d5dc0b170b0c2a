package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookFileTest {
    private static final List<CustomerSnapshot> BOOK = new SampleBook(5, SampleBookTest.AS_OF).customers(6).toList();

    private static List<BookItem> read(String name, String content) throws IOException {
        List<BookItem> items = new ArrayList<>();
        try (BookFile book = BookFile.open(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))) {
            book.forEachRemaining(items::add);
        }
        return items;
    }

    @Test
    void anNdjsonBookRoundTrips() throws IOException {
        StringWriter out = new StringWriter();
        BookFile.writeNdjson(BOOK.iterator(), out);

        List<BookItem> items = read("book.ndjson", out.toString());

        assertThat(out.toString().lines()).hasSize(6);
        assertThat(items).extracting(BookItem::snapshot).containsExactlyElementsOf(BOOK);
        assertThat(items.get(2).location()).isEqualTo("book.ndjson:3");
    }

    @Test
    void aJsonBookRoundTripsWithItsTeams() throws IOException {
        StringWriter out = new StringWriter();
        BookFile.writeJson(BOOK.iterator(), java.util.Map.of("rep-01", "North"), out);

        try (BookFile book = BookFile.open("book.json", new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))) {
            assertThat(book.teams()).containsExactly(java.util.Map.entry("rep-01", "North"));
            List<CustomerSnapshot> read = new ArrayList<>();
            book.forEachRemaining(i -> read.add(i.snapshot()));
            assertThat(read).isEqualTo(BOOK);
        }
    }

    @Test
    void badLinesBecomeFailedEntriesWithTheirIdAndPlaceAndTheRestIsRead() throws IOException {
        String good = io.referralrules.json.ReferralJson.writeBookEntry(BOOK.get(1));
        String badDate = good.replaceFirst("\"date\":\"\\d{4}-\\d{2}-\\d{2}\"", "\"date\":\"2026-13-01\"")
                .replace(BOOK.get(1).customer().id(), "C-BAD");
        String content = good + "\n\n" + badDate + "\n{\"customer\": \n" + good + "\n";

        List<BookItem> items = read("book.ndjson", content);

        assertThat(items).hasSize(4);
        assertThat(items.get(1).customerId()).isEqualTo("C-BAD");
        assertThat(items.get(1).location()).isEqualTo("book.ndjson:3");
        assertThat(items.get(1).problem()).startsWith("book.ndjson:3: $.").contains("must be a date (yyyy-mm-dd)");
        assertThat(items.get(2).customerId()).isNull();
        assertThat(items.get(2).problem()).startsWith("book.ndjson:4: $ ");
        assertThat(items.get(3).snapshot()).isEqualTo(BOOK.get(1));
    }

    @Test
    void entriesAreTheTextAndPlaceOfEachEntryAndReadAsTheItemsDo() throws IOException {
        String good = io.referralrules.json.ReferralJson.writeBookEntry(BOOK.get(1));
        String badDate = good.replaceFirst("\"date\":\"\\d{4}-\\d{2}-\\d{2}\"", "\"date\":\"2026-13-01\"")
                .replace(BOOK.get(1).customer().id(), "C-BAD");
        String content = good + "\n\n" + badDate + "\n{\"customer\": \n" + good + "\n";
        List<BookEntry> entries = new ArrayList<>();
        try (BookFile book = BookFile.open("book.ndjson", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))) {
            book.entries().forEachRemaining(entries::add);
        }

        assertThat(entries).containsExactly(BookEntry.of(good, "book.ndjson:1"), BookEntry.of(badDate, "book.ndjson:3"),
                BookEntry.of("{\"customer\": ", "book.ndjson:4"), BookEntry.of(good, "book.ndjson:5"));
        assertThat(entries.stream().map(BookEntry::read).toList()).isEqualTo(read("book.ndjson", content));
    }

    @Test
    void aJsonBooksEntriesReadAsItsItems() throws IOException {
        StringWriter out = new StringWriter();
        BookFile.writeJson(BOOK.iterator(), java.util.Map.of("rep-01", "North"), out);
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);

        try (BookFile book = BookFile.open("book.json", new ByteArrayInputStream(bytes))) {
            List<BookEntry> entries = new ArrayList<>();
            book.entries().forEachRemaining(entries::add);
            assertThat(entries).extracting(BookEntry::location).startsWith("book.json $.customers[0] (line 5)", "book.json $.customers[1] (line 6)");
            assertThat(entries.stream().map(BookEntry::read).toList()).isEqualTo(read("book.json", out.toString()));
            assertThat(book.teams()).containsExactly(java.util.Map.entry("rep-01", "North"));
        }
    }

    @Test
    void aBookIsReadAsItemsOrAsEntriesNotBoth() throws IOException {
        StringWriter out = new StringWriter();
        BookFile.writeNdjson(BOOK.iterator(), out);
        try (BookFile book = BookFile.open("book.ndjson", new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))) {
            assertThat(book.next().snapshot()).isEqualTo(BOOK.get(0));
            assertThatThrownBy(book::entries).isInstanceOf(IllegalStateException.class)
                    .hasMessage("book.ndjson is already read as items; a book is read one way or the other");
        }
        try (BookFile book = BookFile.open("book.ndjson", new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))) {
            assertThat(book.entries().next().location()).isEqualTo("book.ndjson:1");
            assertThatThrownBy(book::hasNext).isInstanceOf(IllegalStateException.class)
                    .hasMessage("book.ndjson is already read as entries(); a book is read one way or the other");
        }
    }

    @Test
    void aFileThatIsNotABookFailsAtOnceWithThePath() {
        assertThatThrownBy(() -> read("book.json", "[1, 2]")).isInstanceOf(InvalidInputException.class)
                .hasMessage("book.json: $ must be a JSON object with a \"customers\" array");
        assertThatThrownBy(() -> read("book.json", "{\"schemaVersion\": 1, \"clients\": []}")).isInstanceOf(InvalidInputException.class)
                .hasMessage("book.json: $.clients is not a known field (known: schemaVersion, teams, customers)");
        assertThatThrownBy(() -> read("book.json", "{\"customers\": []}")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("book.json: $.schemaVersion is missing");
    }
}
