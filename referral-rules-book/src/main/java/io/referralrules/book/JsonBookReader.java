package io.referralrules.book;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.referralrules.api.InvalidInputException;
import io.referralrules.json.ReferralJson;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Cuts a JSON book, {@code {"schemaVersion": 1, "teams": {...}, "customers": [ ... ]}}, into its entries: each element
 * of {@code customers} exactly as its bytes stand in the file, with its place. Only the book's structure is followed
 * here (objects, arrays, strings); whether an entry is a valid snapshot is for the contract's reader, later.
 *
 * <p>Where the structure breaks (an entry cut short, a string that runs past its line, a bracket that closes nothing,
 * text between entries) the broken part becomes one unreadable entry with its place, and reading goes on at the next
 * thing that is plainly an entry: a JSON object with a {@code customer} object, followed by {@code ,} or {@code ]}. The
 * search starts just inside the broken entry, so an entry that a break ran into is still found. When nothing more can
 * be found the last unreadable entry says the rest of the book cannot be read, and {@link #readToEnd()} is false. The
 * book ends at a {@code ]} followed by its closing {@code }} and nothing else.
 */
final class JsonBookReader implements BookFile.EntryReader {
    private static final int EOF = ByteWindow.EOF;
    private static final long NONE = -1;
    private static final long END = -2;
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_.@-]{1,100}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9.eE+-]{0,40}");

    private enum State { FIRST, ELEMENT, AFTER, DONE }

    private enum Outcome { OK, CUT, RUNAWAY_STRING, UNMATCHED, TOO_BIG }

    /**
     * What scanning a value found: where it ends (or where it broke, {@code at}), its size so far, and whether it grew
     * past the limit.
     */
    private record Scan(Outcome outcome, long end, long at, long size, boolean tooBig) {
    }

    private final String name;
    private final ByteWindow in;
    private final long max;
    private final Map<String, String> teams;
    private long pos;
    private long index;
    private State state = State.FIRST;
    private boolean readToEnd = true;

    JsonBookReader(String name, InputStream stream, long max) throws IOException {
        this.name = name;
        this.in = new ByteWindow(stream);
        this.max = max;
        this.teams = header();
    }

    Map<String, String> teams() {
        return teams;
    }

    @Override
    public boolean readToEnd() {
        return readToEnd;
    }

    @Override
    public String here() {
        return index == 0 ? name + " $.customers[0]" : name + " after $.customers[" + (index - 1) + "]";
    }

    @Override
    public void stop() {
        state = State.DONE;
        readToEnd = false;
    }

    // ---------------------------------------------------------------------------------------------------- the header

    /** Reads up to the {@code customers} array, taking {@code schemaVersion} and {@code teams} on the way. */
    private Map<String, String> header() throws IOException {
        long p = 0;
        if (in.at(0) == 0xEF && in.at(1) == 0xBB && in.at(2) == 0xBF) {
            p = 3;
        }
        if ((in.at(0) == 0xFE && in.at(1) == 0xFF) || (in.at(0) == 0xFF && in.at(1) == 0xFE)) {
            throw bad("$", "is not UTF-8: it starts with a UTF-16 byte order mark");
        }
        p = skipWs(p);
        int c = in.at(p);
        if (c == EOF) {
            throw bad("$", "is empty; expected a JSON object with a \"customers\" array");
        }
        if (c != '{') {
            throw bad("$", "must be a JSON object with a \"customers\" array");
        }
        Map<String, String> found = new TreeMap<>();
        boolean versioned = false;
        boolean first = true;
        p++;
        while (true) {
            p = skipWs(p);
            c = in.at(p);
            if (c == '}' || c == EOF) {
                throw bad("$.customers", "is missing");
            }
            if (!first) {
                if (c != ',') {
                    throw bad("$", "is not valid JSON: expected , or } at line " + line(p) + ", found " + describe(c));
                }
                p = skipWs(p + 1);
                c = in.at(p);
            }
            first = false;
            if (c != '"') {
                throw bad("$", "is not valid JSON: expected a field name at line " + line(p) + ", found " + describe(c));
            }
            Scan keyScan = scan(p, true);
            if (keyScan.outcome() != Outcome.OK || keyScan.size() > 1000) {
                throw bad("$", "is not valid JSON: a field name at line " + line(p) + " does not end");
            }
            String key = text(p, keyScan.end());
            p = skipWs(keyScan.end());
            if (in.at(p) != ':') {
                throw bad("$", "is not valid JSON: expected : after a field name at line " + line(p) + ", found " + describe(in.at(p)));
            }
            p = skipWs(p + 1);
            c = in.at(p);
            switch (key) {
                case "schemaVersion" -> {
                    Scan value = scan(p, true);
                    String token = value.outcome() == Outcome.OK && value.size() <= 40 ? ascii(p, value.end()) : "";
                    if (!token.equals(String.valueOf(ReferralJson.SCHEMA_VERSION))) {
                        throw bad("$.schemaVersion", "must be " + ReferralJson.SCHEMA_VERSION + ", was "
                                + (NUMBER.matcher(token).matches() ? token : kind(c)));
                    }
                    versioned = true;
                    p = value.end();
                }
                case "teams" -> {
                    Scan value = scan(p, true);
                    if (value.outcome() != Outcome.OK) {
                        throw bad("$.teams", value.outcome() == Outcome.TOO_BIG ? "is more than " + max + " bytes"
                                : "is not valid JSON (from line " + line(p) + ")");
                    }
                    readTeams(p, value.end(), found);
                    p = value.end();
                }
                case "customers" -> {
                    if (c != '[') {
                        throw bad("$.customers", "must be an array of customer snapshots, was " + kind(c));
                    }
                    if (!versioned) {
                        throw bad("$.schemaVersion", "is missing (it must come before \"customers\"); this reader understands "
                                + ReferralJson.SCHEMA_VERSION);
                    }
                    pos = p + 1;
                    return found;
                }
                default -> throw PLAIN_KEY.matcher(key).matches()
                        ? bad("$." + key, "is not a known field (known: schemaVersion, teams, customers)")
                        : bad("$", "has a field that is not known (known: schemaVersion, teams, customers)");
            }
        }
    }

    private void readTeams(long from, long to, Map<String, String> into) throws IOException {
        JsonNode node;
        try {
            node = STRICT.readTree(in.slice(from, to));
        } catch (JsonProcessingException e) {
            notUtf8(from, to, "$.teams");
            long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr() - 1);
            throw bad("$.teams", "is not valid JSON (line " + (line(from) + at) + ")");
        }
        if (!node.isObject()) {
            throw bad("$.teams", "must be an object of owner id to team name, was " + kind(node));
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            String path = PLAIN_KEY.matcher(e.getKey()).matches() ? "$.teams." + e.getKey() : "$.teams";
            if (!e.getValue().isTextual()) {
                throw bad(path, "must be a team name (a string), was " + kind(e.getValue()));
            }
            into.put(e.getKey(), e.getValue().asText());
        }
    }

    private InvalidInputException bad(String path, String problem) {
        return new InvalidInputException(name + ": " + path + " " + problem, path, problem);
    }

    // --------------------------------------------------------------------------------------------------- the entries

    @Override
    public BookEntry next() throws IOException {
        while (true) {
            if (state == State.DONE) {
                return null;
            }
            in.keepFrom(pos);
            long p = skipWs(pos);
            int c = in.at(p);
            if (state == State.AFTER) {
                if (c == ',') {
                    pos = p + 1;
                    state = State.ELEMENT;
                    continue;
                }
                if (c == ']') {
                    BookEntry problem = end(p);
                    if (problem == null && state == State.DONE) {
                        return null;
                    }
                    return problem;
                }
                if (c == EOF) {
                    return cut(p);
                }
                return framing(p, "expected , or ] after the entry, found " + describe(c));
            }
            if (c == EOF) {
                return cut(p);
            }
            if (c == ']') {
                if (state == State.ELEMENT && in.at(skipWs(p + 1)) == '}') {
                    pos = p;
                    state = State.AFTER;
                    return BookEntry.unreadable(null, after(p), "is not valid JSON: a comma before the closing ]");
                }
                BookEntry problem = end(p);
                if (problem == null && state == State.DONE) {
                    return null;
                }
                return problem;
            }
            if (startsValue(c)) {
                return element(p);
            }
            return framing(p, "expected an entry (a JSON object), found " + describe(c));
        }
    }

    /** An element of {@code customers}, from its first byte. */
    private BookEntry element(long p) throws IOException {
        String place = name + " $.customers[" + index + "] (line " + line(p) + ")";
        index++;
        in.keepFrom(p);
        Scan s = scan(p, false);
        if (s.outcome() == Outcome.OK && !s.tooBig()) {
            int next = in.at(skipWs(s.end()));
            if (next != ',' && next != ']') {
                String id = BookEntry.shownId(in.slice(p, s.end()), (int) (s.end() - p));
                if (!plainEntry(p, s.end()) || holdsAnEntry(p + 1, s.end())) {
                    // its brackets pair up, but not where an entry ends: it ran into the entries after it
                    return resumed(id, place, "is not valid JSON: its brackets do not close before line " + line(s.end() - 1)
                            + ", where no entry ends", resync(p + 1));
                }
                if (next == EOF && endsLikeTheBook(p, s.end())) {
                    // the file ends here: this entry's last ] and } may be the book's own, closed on an entry cut short
                    state = State.DONE;
                    readToEnd = false;
                    return BookEntry.unreadable(id, place, "runs to the end of the file, and its last ] and } may be the book's"
                            + " own: it may be cut short, so it is not assessed; the rest of the book cannot be read");
                }
            }
        }
        if (s.outcome() == Outcome.OK) {
            pos = s.end();
            state = State.AFTER;
            if (s.tooBig()) {
                return BookEntry.unreadable(null, place, "is " + s.size() + " bytes, more than the maximum " + max);
            }
            return BookEntry.inFile(in.slice(p, s.end()), place, p);
        }
        String id = s.tooBig() ? null : BookEntry.shownId(in.slice(p, s.at()), (int) (s.at() - p));
        String problem = switch (s.outcome()) {
            case CUT -> "ends before the entry is complete (the file ends at line " + line(s.at()) + ")";
            case RUNAWAY_STRING -> "is not valid JSON: a string runs past the end of line " + line(s.at());
            case UNMATCHED -> "is not valid JSON: the " + (char) in.at(s.at()) + " at line " + line(s.at())
                    + " does not close what is open";
            default -> throw new IllegalStateException(s.toString());
        };
        if (s.tooBig()) {
            problem = "is more than the maximum " + max + " bytes and " + problem.replaceFirst("^is ", "");
        }
        // look for the next entry from just inside this one: a break may have run into it
        return resumed(id, place, problem, resync(s.tooBig() ? s.at() : p + 1));
    }

    /** Text where the structure wants something else: reported, and reading goes on at the next entry. */
    private BookEntry framing(long p, String what) throws IOException {
        String place = after(p);
        in.keepFrom(p);
        return resumed(null, place, "is not valid JSON: " + what, resync(p));
    }

    /** The file ends before the array does. */
    private BookEntry cut(long p) throws IOException {
        state = State.DONE;
        readToEnd = false;
        return BookEntry.unreadable(null, name + " $.customers[" + index + "] (line " + line(p) + ")",
                "the file ends before the customers array is closed; the rest of the book cannot be read");
    }

    /**
     * A {@code ]} where an entry or a comma could be: the end of the book when its closing {@code }} follows, a stray
     * one otherwise. Returns {@code null} at a clean end.
     */
    private BookEntry end(long p) throws IOException {
        long q = skipWs(p + 1);
        int c = in.at(q);
        if (c == '}') {
            state = State.DONE;
            long r = skipWs(q + 1);
            if (in.at(r) == EOF) {
                return null;
            }
            readToEnd = false;
            return BookEntry.unreadable(null, name + " after the book's closing } (line " + line(r) + ")",
                    "has more text; it is not read");
        }
        if (c == EOF) {
            state = State.DONE;
            return BookEntry.unreadable(null, after(q), "the file ends before the book's closing }");
        }
        if (c == ',' && in.at(skipWs(q + 1)) == '"') {
            state = State.DONE;
            readToEnd = false;
            return BookEntry.unreadable(null, after(q), "the book has fields after \"customers\"; it must be the last field,"
                    + " and nothing after it is read");
        }
        String place = after(p);
        in.keepFrom(p);
        return resumed(null, place, "is not valid JSON: a ] that does not end the book", resync(p + 1));
    }

    private BookEntry resumed(String id, String place, String problem, long at) throws IOException {
        if (at >= 0) {
            pos = at;
            state = State.ELEMENT;
            return BookEntry.unreadable(id, place, problem + "; reading goes on at line " + line(at));
        }
        state = State.DONE;
        if (at == END) {
            return BookEntry.unreadable(id, place, problem);
        }
        readToEnd = false;
        return BookEntry.unreadable(id, place, problem + "; the rest of the book cannot be read");
    }

    /**
     * Where reading can go on: the first {@code {} from {@code from} on that starts a plain entry, {@link #END} when the
     * file ends cleanly ({@code ]}, {@code }}) first, {@link #NONE} when it ends without.
     */
    private long resync(long from) throws IOException {
        long q = from;
        int tail = 0;
        while (true) {
            in.keepFrom(q);
            int c = in.at(q);
            if (c == EOF) {
                return tail == 2 ? END : NONE;
            }
            if (c == '{') {
                if (plainEntryAt(q)) {
                    return q;
                }
                tail = 0;
            } else if (c == ']') {
                tail = 1;
            } else if (c == '}') {
                tail = tail == 1 ? 2 : 0;
            } else if (!whitespace(c)) {
                tail = 0;
            }
            q++;
        }
    }

    /** Whether the bytes {@code [from, to)} end with {@code ]} and {@code }} (blanks between), as a book does. */
    private boolean endsLikeTheBook(long from, long to) throws IOException {
        long q = to - 1;
        if (in.at(q) != '}') {
            return false;
        }
        q--;
        while (q > from && whitespace(in.at(q))) {
            q--;
        }
        return in.at(q) == ']';
    }

    /** Whether a plain entry starts somewhere in {@code [from, to)} (no entry holds one; one that does ran into it). */
    private boolean holdsAnEntry(long from, long to) throws IOException {
        for (long q = from; q < to; q++) {
            if (in.at(q) == '{' && plainEntryAt(q)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a whole JSON object with a {@code customer} object starts at {@code q}, followed by {@code ,} or {@code ]}. */
    private boolean plainEntryAt(long q) throws IOException {
        Scan s = scan(q, true);
        if (s.outcome() != Outcome.OK) {
            return false;
        }
        int next = in.at(skipWs(s.end()));
        return (next == ',' || next == ']') && plainEntry(q, s.end());
    }

    /** Whether the bytes {@code [from, to)} are a JSON object with a {@code customer} object (and nothing more). */
    private boolean plainEntry(long from, long to) throws IOException {
        try (JsonParser p = FACTORY.createParser(in.slice(from, to))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean customer = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (p.nextToken() == JsonToken.START_OBJECT && field.equals("customer")) {
                    customer = true;
                }
                p.skipChildren();
            }
            return customer && p.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------- scanning

    /**
     * Follows one JSON value from {@code p}: an object or array to its matching bracket, a string to its quote, any
     * other token to the next delimiter. Only brackets and strings are followed. A trial scan gives up at the size limit;
     * otherwise a value past the limit is followed to its end without being kept.
     */
    private Scan scan(long p, boolean trial) throws IOException {
        int first = in.at(p);
        long release = p + max;
        if (first != '{' && first != '[' && first != '"') {
            long q = p;
            while (true) {
                int c = in.at(q);
                if (c == EOF || whitespace(c) || c == ',' || c == ']' || c == '}' || c == '[' || c == '{' || c == '"' || c == ':') {
                    return new Scan(Outcome.OK, q, q, q - p, q - p > max);
                }
                q++;
                if (q - p > max) {
                    if (trial) {
                        return new Scan(Outcome.TOO_BIG, -1, q, q - p, true);
                    }
                    if (q >= release) {
                        in.keepFrom(q);
                        release = q + 0x10000;
                    }
                }
            }
        }
        byte[] open = new byte[16];
        int depth = 0;
        boolean inString = false;
        boolean tooBig = false;
        long q = p;
        while (true) {
            int c = in.at(q);
            if (c == EOF) {
                return new Scan(Outcome.CUT, -1, q, q - p, tooBig);
            }
            if (inString) {
                if (c == '\\') {
                    int escaped = in.at(q + 1);
                    if (escaped == EOF) {
                        return new Scan(Outcome.CUT, -1, q + 1, q + 1 - p, tooBig);
                    }
                    if (escaped == '\n' || escaped == '\r') {
                        return new Scan(Outcome.RUNAWAY_STRING, -1, q + 1, q + 1 - p, tooBig);
                    }
                    q++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return new Scan(Outcome.OK, q + 1, q + 1, q + 1 - p, tooBig);
                    }
                } else if (c == '\n' || c == '\r') {
                    return new Scan(Outcome.RUNAWAY_STRING, -1, q, q - p, tooBig);
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (depth == open.length) {
                    open = java.util.Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = (byte) (c == '{' ? '}' : ']');
            } else if (c == '}' || c == ']') {
                if (depth == 0 || open[depth - 1] != c) {
                    return new Scan(Outcome.UNMATCHED, -1, q, q - p, tooBig);
                }
                if (--depth == 0) {
                    return new Scan(Outcome.OK, q + 1, q + 1, q + 1 - p, tooBig);
                }
            }
            q++;
            if (q - p > max) {
                if (trial) {
                    return new Scan(Outcome.TOO_BIG, -1, q, q - p, true);
                }
                tooBig = true;
                if (q >= release) {
                    in.keepFrom(q);
                    release = q + 0x10000;
                }
            }
        }
    }

    private long skipWs(long p) throws IOException {
        while (whitespace(in.at(p))) {
            p++;
            if ((p & 0xFFFF) == 0) {
                in.keepFrom(p);
            }
        }
        return p;
    }

    private static boolean whitespace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static boolean startsValue(int c) {
        return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private long line(long offset) {
        return in.lineAt(offset);
    }

    /** The place just after the last entry read (or at the start of the array), at the line of {@code at}. */
    private String after(long at) {
        return (index == 0 ? name + " $.customers" : name + " after $.customers[" + (index - 1) + "]") + " (line " + line(at) + ")";
    }

    /** A key (a JSON string at {@code from}) as text; never quoted back in messages unless it is a plain name. */
    private String text(long from, long to) throws IOException {
        try {
            return STRICT.readTree(in.slice(from, to)).asText();
        } catch (JsonProcessingException e) {
            notUtf8(from, to, "$");
            throw bad("$", "is not valid JSON: a field name at line " + line(from) + " is not a valid string");
        }
    }

    /** Throws, naming the first byte in {@code [from, to)} that is not UTF-8, if there is one. */
    private void notUtf8(long from, long to, String path) throws IOException {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(in.slice(from, to));
        java.nio.charset.CoderResult result = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .decode(bytes, java.nio.CharBuffer.allocate(bytes.remaining()), true);
        if (result.isError()) {
            long at = from + bytes.position();
            throw bad(path, "is not valid UTF-8: byte 0x" + String.format(Locale.ROOT, "%02X", in.at(at)) + " at offset " + at
                    + " of the file (line " + line(at) + ")");
        }
    }

    private String ascii(long from, long to) throws IOException {
        StringBuilder token = new StringBuilder();
        for (byte b : in.slice(from, to)) {
            token.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
        }
        return token.toString();
    }

    /** A byte found where it does not belong, for messages: a printable ASCII character quoted, else its value. */
    private static String describe(int c) {
        if (c == EOF) {
            return "the end of the file";
        }
        if (c >= 0x21 && c < 0x7F) {
            return "'" + (char) c + "'";
        }
        return "byte 0x" + String.format(Locale.ROOT, "%02X", c);
    }

    private static String kind(int c) {
        return switch (c) {
            case '{' -> "an object";
            case '[' -> "an array";
            case '"' -> "a string";
            case 't', 'f' -> "a boolean";
            case 'n' -> "null";
            case EOF -> "nothing";
            default -> c == '-' || (c >= '0' && c <= '9') ? "a number" : "not JSON";
        };
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
