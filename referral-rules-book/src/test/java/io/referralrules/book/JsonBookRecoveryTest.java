package io.referralrules.book;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broken place in a {@code .json} book costs only the entry it is in: reading goes on at the next entry the structure
 * shows, and when nothing more can be read the last item says where and why.
 */
class JsonBookRecoveryTest {
    private static final List<CustomerSnapshot> BOOK = new SampleBook(17, SampleBookTest.AS_OF).customers(40).toList();

    /** How the book is laid out: as BookFile writes it (an entry a line), pretty-printed, or all on one line. */
    enum Layout {
        LINES, PRETTY, COMPACT;

        String write() throws IOException {
            StringWriter out = new StringWriter();
            BookFile.writeJson(BOOK.iterator(), Map.of("rep-01", "North"), out);
            ObjectMapper mapper = new ObjectMapper();
            return switch (this) {
                case LINES -> out.toString();
                case PRETTY -> mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(mapper.readTree(out.toString()));
                case COMPACT -> mapper.writeValueAsString(mapper.readTree(out.toString()));
            };
        }
    }

    private static final class Read {
        final List<BookItem> items = new ArrayList<>();
        boolean toEnd;

        List<CustomerSnapshot> snapshots() {
            return items.stream().filter(i -> i.snapshot() != null).map(BookItem::snapshot).toList();
        }

        List<BookItem> failures() {
            return items.stream().filter(i -> i.snapshot() == null).toList();
        }
    }

    private static Read read(String book) throws IOException {
        Read read = new Read();
        try (BookFile file = BookFile.open("book.json", new ByteArrayInputStream(book.getBytes(StandardCharsets.UTF_8)))) {
            file.forEachRemaining(read.items::add);
            read.toEnd = file.readToEnd();
        }
        return read;
    }

    private static String entry(int i) {
        return ReferralJson.writeBookEntry(BOOK.get(i));
    }

    private static List<CustomerSnapshot> without(int... gone) {
        List<CustomerSnapshot> rest = new ArrayList<>(BOOK);
        for (int i = gone.length - 1; i >= 0; i--) {
            rest.remove(gone[i]);
        }
        return rest;
    }

    @Test
    void aTruncatedEntryFailsAloneWithItsIdAndPlaceAndTheNextEntriesAreRead() throws IOException {
        String book = Layout.LINES.write();
        String whole = entry(17);
        String cut = book.replace(whole, whole.substring(0, whole.indexOf("\"ownerId\"") + 5));

        Read read = read(cut);

        assertThat(read.snapshots()).isEqualTo(without(17));
        assertThat(read.failures()).singleElement().satisfies(f -> {
            assertThat(f.customerId()).isEqualTo(BOOK.get(17).customer().id());
            assertThat(f.location()).isEqualTo("book.json $.customers[17] (line 22)");
            assertThat(f.problem()).startsWith("book.json $.customers[17] (line 22): ");
        });
        assertThat(read.items.get(18).location()).isEqualTo("book.json $.customers[18] (line 23)");
        assertThat(read.toEnd).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void garbageInAnEntryCostsThatEntryOnly(Layout layout) throws IOException {
        String book = layout.write();
        String id = "\"" + BOOK.get(9).customer().id() + "\",";
        assertThat(book).contains(id);
        // the id's closing quote lost: its string runs on
        String broken = book.replaceFirst(java.util.regex.Pattern.quote(id), BOOK.get(9).customer().id().replace("C", "\"C") + ",");

        Read read = read(broken);

        assertThat(read.snapshots()).isEqualTo(without(9));
        assertThat(read.failures()).singleElement().satisfies(f -> assertThat(f.location()).startsWith("book.json $.customers[9] (line "));
        assertThat(read.toEnd).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aClosingBraceLostInAnEntryCostsThatEntryOnly(Layout layout) throws IOException {
        String book = layout.write();
        int from = book.indexOf("\"" + BOOK.get(20).customer().id() + "\"");
        int brace = book.indexOf('}', from);
        String broken = book.substring(0, brace) + book.substring(brace + 1);

        Read read = read(broken);

        assertThat(read.snapshots()).isEqualTo(without(20));
        assertThat(read.failures()).singleElement().satisfies(f -> {
            assertThat(f.location()).startsWith("book.json $.customers[20] (line ");
            assertThat(f.customerId()).isEqualTo(BOOK.get(20).customer().id());
        });
        assertThat(read.toEnd).isTrue();
    }

    @Test
    void textBetweenEntriesIsReportedAndEveryEntryIsRead() throws IOException {
        String book = Layout.LINES.write();
        String garbled = book.replace(entry(3) + ",", entry(3) + " @@ ,")    // after an entry, before its comma
                .replace(entry(11) + ",", entry(11) + ",\n    ]\n    ,")         // a stray end of the array
                .replace(entry(25) + ",", entry(25))                            // a comma missing
                .replace(entry(30) + ",", entry(30) + ",,");                    // a comma too many

        Read read = read(garbled);

        assertThat(read.snapshots()).isEqualTo(BOOK);
        assertThat(read.failures()).extracting(BookItem::location).containsExactly("book.json after $.customers[3] (line 8)",
                "book.json after $.customers[11] (line 17)", "book.json after $.customers[25] (line 33)",
                "book.json after $.customers[30] (line 37)");
        assertThat(read.failures()).allSatisfy(f -> assertThat(f.customerId()).isNull());
        assertThat(read.toEnd).isTrue();
    }

    @Test
    void aFileCutInAnEntryGivesEveryEntryBeforeItAndSaysTheRestCannotBeRead() throws IOException {
        String book = Layout.LINES.write();
        String cut = book.substring(0, book.indexOf(entry(30)) + 100);

        Read read = read(cut);

        assertThat(read.snapshots()).isEqualTo(BOOK.subList(0, 30));
        assertThat(read.failures()).singleElement().satisfies(f -> {
            assertThat(f.customerId()).isEqualTo(BOOK.get(30).customer().id());
            assertThat(f.location()).isEqualTo("book.json $.customers[30] (line 35)");
            assertThat(f.problem()).isEqualTo("book.json $.customers[30] (line 35): ends before the entry is complete (the file ends"
                    + " at line 35); the rest of the book cannot be read");
        });
        assertThat(read.toEnd).isFalse();
    }

    @Test
    void aFileCutAfterAnEntrySaysTheArrayIsNotClosed() throws IOException {
        String book = Layout.LINES.write();
        int last = 39;
        while (!entry(last).endsWith("}}")) {
            last--;                                 // an entry that does not end as the book does: a customer without facts
        }
        int k = last;
        String cut = book.substring(0, book.indexOf(entry(k)) + entry(k).length());

        Read read = read(cut);

        assertThat(read.snapshots()).isEqualTo(BOOK.subList(0, k + 1));
        assertThat(read.failures()).singleElement().satisfies(f -> assertThat(f.problem()).isEqualTo("book.json $.customers[" + (k + 1)
                + "] (line " + (k + 5) + "): the file ends before the customers array is closed; the rest of the book cannot be read"));
        assertThat(read.toEnd).isFalse();
    }

    @Test
    void aLastEntryThatMayHaveTakenTheBooksClosingIsNotAssessed() throws IOException {
        String book = Layout.LINES.write();
        int k = 38;
        String entry = entry(k);
        assertThat(entry).endsWith("]}");
        // either the file was cut after this entry, or the entry was cut and ends on the book's own ] and }
        String cut = book.substring(0, book.indexOf(entry) + entry.length());

        Read read = read(cut);

        assertThat(read.snapshots()).isEqualTo(BOOK.subList(0, k));
        assertThat(read.failures()).singleElement().satisfies(f -> {
            assertThat(f.customerId()).isEqualTo(BOOK.get(k).customer().id());
            assertThat(f.problem()).isEqualTo("book.json $.customers[38] (line 43): runs to the end of the file, and its last ] and }"
                    + " may be the book's own: it may be cut short, so it is not assessed; the rest of the book cannot be read");
        });
        assertThat(read.toEnd).isFalse();

        String takenClosing = book.replace(entry(39), entry(39).substring(0, entry(39).indexOf("\"sales\":[") + 9));
        Read taken = read(takenClosing);
        assertThat(taken.snapshots()).isEqualTo(BOOK.subList(0, 39));
        assertThat(taken.failures()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo("book.json $.customers[39] (line 44)"));
        assertThat(taken.toEnd).isFalse();
    }

    @Test
    void aBrokenLastEntryBeforeACleanEndIsJustAnInvalidEntry() throws IOException {
        String book = Layout.LINES.write();
        String whole = entry(39);
        String broken = book.replace(whole, whole.substring(0, 40));

        Read read = read(broken);

        assertThat(read.snapshots()).isEqualTo(BOOK.subList(0, 39));
        assertThat(read.failures()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo("book.json $.customers[39] (line 44)"));
        assertThat(read.toEnd).isTrue();
    }

    @Test
    void whatFollowsTheBookIsReported() throws IOException {
        Read read = read(Layout.LINES.write() + "{\"more\": 1}\n");

        assertThat(read.snapshots()).isEqualTo(BOOK);
        assertThat(read.failures()).singleElement().satisfies(f -> assertThat(f.problem())
                .isEqualTo("book.json after the book's closing } (line 47): has more text; it is not read"));
        assertThat(read.toEnd).isFalse();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"book.json", "book.ndjson"})
    void aReadErrorEndsTheBookWithAFailureSayingWhereAndEverythingBeforeIsKept(String name) throws IOException {
        StringWriter out = new StringWriter();
        if (name.endsWith(".json")) {
            BookFile.writeJson(BOOK.iterator(), Map.of(), out);
        } else {
            BookFile.writeNdjson(BOOK.iterator(), out);
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        int breaksAt = out.toString().indexOf(entry(12)) + 10;
        java.io.InputStream failing = new java.io.InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at == breaksAt) {
                    throw new IOException("Input/output error");
                }
                return at < bytes.length ? bytes[at++] & 0xFF : -1;
            }
        };

        List<BookItem> items = new ArrayList<>();
        boolean toEnd;
        try (BookFile book = BookFile.open(name, failing)) {
            book.forEachRemaining(items::add);
            toEnd = book.readToEnd();
        }

        assertThat(items.stream().filter(i -> i.snapshot() != null).map(BookItem::snapshot)).containsExactlyElementsOf(BOOK.subList(0, 12));
        assertThat(items).last().satisfies(f -> assertThat(f.problem())
                .endsWith("cannot be read (IOException: Input/output error); the rest of the book is not read"));
        assertThat(items).hasSize(13);
        assertThat(toEnd).isFalse();
    }
}
