package io.referralrules.book;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.InvalidInputException;
import io.referralrules.json.ReferralJson;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A book of customers read from a file, one entry at a time so a book of any size reads in flat memory. Two formats:
 *
 * <ul>
 *   <li>NDJSON ({@code .ndjson}): one customer snapshot per line (the snapshot JSON of {@link ReferralJson}, with or
 *       without {@code schemaVersion}); blank lines are skipped;</li>
 *   <li>JSON ({@code .json}): {@code {"schemaVersion": 1, "teams": {"rep-7": "North"}, "customers": [ ... ]}}, where
 *       {@code teams} (optional) maps account owners to teams for the report card.</li>
 * </ul>
 *
 * <p>Each entry reaches the JSON contract's strict reader ({@link ReferralJson#readBookEntry}) as the exact bytes it has
 * in the file, so an entry reads the same in either format. <b>A bad entry never costs a good one</b>: an entry that is
 * not a valid snapshot, not UTF-8, or longer than the limit ({@link #DEFAULT_MAX_ENTRY_BYTES} unless given) becomes a
 * failed {@link BookItem} naming its customer id (when it shows one), its place ({@code book.ndjson:17},
 * {@code book.json $.customers[16] (line 18)}) and the problem, and the book goes on. In a JSON book, where the
 * structure itself is broken (an entry cut short, text between entries) the broken part is one failed item and reading
 * goes on at the next entry; if nothing after it can be read, that item says so and {@link #readToEnd()} is false.
 * Reading the file never throws once it is open: a read error also ends the book with a failed item saying where. A file
 * that is not a book at all (not a JSON object with a {@code customers} array) fails at once, in {@link #open}, with an
 * {@link InvalidInputException}.
 *
 * <p>Iterating the book reads each entry into a {@link BookItem}. {@link #entries()} instead gives the entries as they
 * stand in the file ({@link BookEntry}: bytes and place), for {@link BookAssessor#assessEntries}, which reads them on its
 * workers. A book is read one way or the other, not both. No message repeats an entry's text.
 */
public final class BookFile implements Iterator<BookItem>, Closeable {
    /** The largest entry (an NDJSON line, an element of a JSON book) read unless {@link #open(String, InputStream, long)} says otherwise: 16 MiB. */
    public static final long DEFAULT_MAX_ENTRY_BYTES = 16L << 20;
    /** The largest limit {@link #open(String, InputStream, long)} takes: 1 GiB. */
    public static final long LARGEST_MAX_ENTRY_BYTES = 1L << 30;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Cuts a file into entries; never throws but {@link IOException}. */
    interface EntryReader {
        /** The next entry, or {@code null} at the end. */
        BookEntry next() throws IOException;

        /** Whether the whole file was read (no break ended it early). */
        boolean readToEnd();

        /** Where the reader is, for a message about a read error. */
        String here();

        /** Ends reading early, after a read error. */
        void stop();
    }

    private final String name;
    private final InputStream in;
    private final EntryReader reader;
    private final Map<String, String> teams;
    /** The book's entries, one read ahead; the items are these entries, each read when it is taken. */
    private final Iterator<BookEntry> entries = new Iterator<>() {
        private BookEntry next;
        private boolean done;

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = read();
                done = next == null;
            }
            return next != null;
        }

        @Override
        public BookEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            BookEntry entry = next;
            next = null;
            return entry;
        }
    };
    /** How the book is being read: {@code null} not yet, else as items or as {@link #entries()}. */
    private Boolean asEntries;

    private BookFile(String name, InputStream in, EntryReader reader, Map<String, String> teams) {
        this.name = name;
        this.in = in;
        this.reader = reader;
        this.teams = teams;
    }

    /**
     * Opens a book with entries of at most {@link #DEFAULT_MAX_ENTRY_BYTES}; {@code name} decides the format
     * ({@code .ndjson}, {@code .jsonl} or {@code -} for NDJSON, else JSON) and is used in messages. The stream is closed
     * with the book.
     *
     * @throws InvalidInputException if a JSON book does not start as a book (it names the file and the JSON path)
     */
    public static BookFile open(String name, InputStream in) throws IOException {
        return open(name, in, DEFAULT_MAX_ENTRY_BYTES);
    }

    /**
     * Opens a book whose entries may be at most {@code maxEntryBytes} long: a longer entry fails alone ("is N bytes,
     * more than the maximum M") and is skipped without being held in memory.
     *
     * @param maxEntryBytes from 1 to {@link #LARGEST_MAX_ENTRY_BYTES}
     * @throws InvalidInputException if a JSON book does not start as a book (it names the file and the JSON path)
     */
    public static BookFile open(String name, InputStream in, long maxEntryBytes) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        if (maxEntryBytes < 1 || maxEntryBytes > LARGEST_MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("maxEntryBytes must be from 1 to " + LARGEST_MAX_ENTRY_BYTES + ", was " + maxEntryBytes);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.equals("-")) {
            return new BookFile(name, in, new LineBookReader(name, in, maxEntryBytes), Map.of());
        }
        try {
            JsonBookReader reader = new JsonBookReader(name, in, maxEntryBytes);
            return new BookFile(name, in, reader, reader.teams());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Owner id to team name, from the file's {@code teams} (empty for NDJSON). */
    public Map<String, String> teams() {
        return teams;
    }

    /**
     * Whether the whole file was read, once its entries are all taken. {@code false} when the rest of a JSON book could
     * not be read after a break (a file cut short, a read error): the last entry delivered is then the failure that says
     * where and why. Entries that failed on their own do not make it {@code false}.
     */
    public boolean readToEnd() {
        return reader.readToEnd();
    }

    @Override
    public boolean hasNext() {
        readAs(false);
        return entries.hasNext();
    }

    @Override
    public BookItem next() {
        readAs(false);
        return entries.next().read();
    }

    /**
     * The book's entries as they stand in the file, not read yet, one at a time: each line of an NDJSON book, each
     * element of a JSON book's {@code customers}, as its bytes. Only the file is read here; {@link BookEntry#read()}
     * reads an entry. Taking entries never throws: a broken place, an entry over the limit and a read error each come
     * as an entry that reads as a failure.
     *
     * @throws IllegalStateException if the book is already being read as items
     */
    public Iterator<BookEntry> entries() {
        readAs(true);
        return entries;
    }

    private void readAs(boolean entries) {
        if (asEntries == null) {
            asEntries = entries;
        } else if (asEntries != entries) {
            throw new IllegalStateException(name + " is already read " + (asEntries ? "as entries()" : "as items")
                    + "; a book is read one way or the other");
        }
    }

    private BookEntry read() {
        try {
            return reader.next();
        } catch (IOException e) {
            String place = reader.here();
            reader.stop();
            return BookEntry.unreadable(null, place, "cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the rest of the book is not read");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Writes snapshots as an NDJSON book, one per line. */
    public static void writeNdjson(Iterator<CustomerSnapshot> snapshots, Writer out) throws IOException {
        while (snapshots.hasNext()) {
            out.write(ReferralJson.writeBookEntry(snapshots.next()));
            out.write('\n');
        }
        out.flush();
    }

    /** Writes snapshots as a JSON book with the owners' teams. */
    public static void writeJson(Iterator<CustomerSnapshot> snapshots, Map<String, String> teams, Writer out) throws IOException {
        out.write("{\n  \"schemaVersion\" : " + ReferralJson.SCHEMA_VERSION + ",\n  \"teams\" : "
                + MAPPER.writeValueAsString(new TreeMap<>(teams)) + ",\n  \"customers\" : [");
        boolean first = true;
        while (snapshots.hasNext()) {
            out.write(first ? "\n    " : ",\n    ");
            out.write(ReferralJson.writeBookEntry(snapshots.next()));
            first = false;
        }
        out.write("\n  ]\n}\n");
        out.flush();
    }
}
