package io.referralrules.book;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.InvalidInputException;
import io.referralrules.json.ReferralJson;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * An entry that is not a valid snapshot becomes a failed {@link BookItem} naming its customer id (when it shows one),
 * its place ({@code book.ndjson:17}, {@code book.json $.customers[16]}) and the problem; the book goes on. A file
 * that is not a book at all (not JSON, no {@code customers} array) fails at once with an {@link InvalidInputException}.
 *
 * <p>Iterating the book reads each entry into a {@link BookItem}. {@link #entries()} instead gives the entries as they
 * stand in the file ({@link BookEntry}: text and place), for {@link BookAssessor#assessEntries}, which reads them on its
 * workers. A book is read one way or the other, not both.
 */
public final class BookFile implements Iterator<BookItem>, Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final BufferedReader lines;
    private final JsonParser parser;
    private final Map<String, String> teams;
    private long index;
    private long lineNumber;
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

    private BookFile(String name, BufferedReader lines, JsonParser parser, Map<String, String> teams) {
        this.name = name;
        this.lines = lines;
        this.parser = parser;
        this.teams = teams;
    }

    /**
     * Opens a book; {@code name} decides the format ({@code .ndjson} or {@code .jsonl} for NDJSON, else JSON) and is
     * used in messages. The stream is closed with the book.
     */
    public static BookFile open(String name, InputStream in) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.equals("-")) {
            return new BookFile(name, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), null, Map.of());
        }
        JsonParser parser = new JsonFactory(MAPPER).createParser(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            return new BookFile(name, null, parser, header(name, parser));
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** Reads up to the {@code customers} array, taking {@code schemaVersion} and {@code teams} on the way. */
    private static Map<String, String> header(String name, JsonParser parser) throws IOException {
        Map<String, String> teams = new TreeMap<>();
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw bad(name, "$", "must be a JSON object with a \"customers\" array");
            }
            boolean versioned = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "schemaVersion" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != ReferralJson.SCHEMA_VERSION) {
                            throw bad(name, "$.schemaVersion", "must be " + ReferralJson.SCHEMA_VERSION + ", was " + parser.getText());
                        }
                        versioned = true;
                    }
                    case "teams" -> {
                        JsonNode node = MAPPER.readTree(parser);
                        if (!node.isObject()) {
                            throw bad(name, "$.teams", "must be an object of owner id to team name");
                        }
                        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                            if (!e.getValue().isTextual()) {
                                throw bad(name, "$.teams." + e.getKey(), "must be a team name, was " + e.getValue());
                            }
                            teams.put(e.getKey(), e.getValue().asText());
                        }
                    }
                    case "customers" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw bad(name, "$.customers", "must be an array of customer snapshots");
                        }
                        if (!versioned) {
                            throw bad(name, "$.schemaVersion", "is missing (it must come before \"customers\"); this reader understands "
                                    + ReferralJson.SCHEMA_VERSION);
                        }
                        return teams;
                    }
                    default -> throw bad(name, "$." + field, "is not a known field (known: schemaVersion, teams, customers)");
                }
            }
            throw bad(name, "$.customers", "is missing");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad(name, "$", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static InvalidInputException bad(String name, String path, String problem) {
        return new InvalidInputException(name + ": " + path + " " + problem, path, problem);
    }

    /** Owner id to team name, from the file's {@code teams} (empty for NDJSON). */
    public Map<String, String> teams() {
        return teams;
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
     * element of a JSON book's {@code customers}. Only the file is read here (an element of a JSON book is taken apart
     * and written back as compact text, which {@link BookEntry#read()} then reads); a file that cannot be read throws
     * {@link UncheckedIOException}, and a JSON book that is not valid JSON any more an {@link InvalidInputException}.
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
            return lines != null ? readLine() : readElement();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private BookEntry readLine() throws IOException {
        String line;
        do {
            line = lines.readLine();
            lineNumber++;
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        index++;
        return new BookEntry(line, name + ":" + lineNumber);
    }

    private BookEntry readElement() throws IOException {
        JsonToken token;
        try {
            token = parser.nextToken();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad(name, "$.customers[" + index + "]", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (token == JsonToken.END_ARRAY || token == null) {
            return null;
        }
        String location = name + " $.customers[" + index++ + "]";
        JsonNode node;
        try {
            node = MAPPER.readTree(parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad(name, "$.customers[" + (index - 1) + "]", "is not valid JSON: " + e.getOriginalMessage());
        }
        return new BookEntry(MAPPER.writeValueAsString(node), location);
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
        if (parser != null) {
            parser.close();
        }
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
