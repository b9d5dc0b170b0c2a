package io.referralrules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import io.referralrules.json.fuzz.JsonMutations;
import io.referralrules.json.fuzz.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The command line against generated bad books, in process (the command line's own code, one JVM): thousands of books
 * in {@code .json} and {@code .ndjson} (and on standard input), each with one entry mutated by the JSON contract's
 * mutation kit ({@link JsonMutations}: types, spaces, enums, dates, numbers, keys, truncation, garbage and invalid UTF-8
 * bytes, deep nesting, huge strings) among good ones, or with the book's framing damaged (cut short, text or bad bytes
 * between entries, a comma missing or doubled, any byte replaced). Every free-text field of every entry holds a planted
 * name or e-mail address. For each book:
 *
 * <ul>
 *   <li>the exit code is the documented one: 0 when the mutated entry is still valid, 1 when it is not, 3 when a cut
 *       book cannot be read to its end;</li>
 *   <li>every good entry is assessed and written exactly as in the unmutated book, in order; a valid mutated entry is
 *       written as the contract's reader and the engine answer it on their own;</li>
 *   <li>every bad entry is listed with its place and, when the entry shows it, its customer id;</li>
 *   <li>the output parses (an NDJSON line per answer, or one JSON array);</li>
 *   <li>standard error holds no exception, no stack trace and no planted name or address.</li>
 * </ul>
 *
 * About 2,150 cases a run on books of 10 to 30 entries. Seeded: {@code -Dreferralrules.seed=N} repeats a run; every
 * failure message names the seed ({@code -Dreferralrules.debug=true} adds the mutated entry's text to it).
 */
class GeneratedBookMutationsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Seed SEED = Seed.fromSystemProperty();
    private static final int BASES = 6;
    private static final Map<String, Integer> SIZES = new TreeMap<>(Map.of(
            "ndjson entry", 850, "json entry", 650, "json framing", 450, "stdin entry", 200));
    private static final Pattern LISTING = Pattern.compile("invalid: (.+?) at (.+?): (.*)");
    private static final byte[] FRAMING_GARBAGE = "x@#}{[,:\"\\0-7 ".getBytes(StandardCharsets.US_ASCII);

    /** A book of good entries (each with planted free text), and the answers the command line gives for each. */
    private record Base(List<String> entries, List<String> answers) {
    }

    private static final List<Base> BASE_BOOKS = new ArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void bases() {
        SplittableRandom random = SEED.random();
        for (int b = 0; b < BASES; b++) {
            int size = 10 + random.nextInt(21);
            List<String> entries = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (CustomerSnapshot customer : new SampleBook(random.nextLong(), AS_OF).customers(size).toList()) {
                String planted = compact(JsonMutations.withPlantedFreeText(ReferralJson.writeBookEntry(customer)));
                entries.add(planted);
                answers.add(answer(planted.getBytes(StandardCharsets.UTF_8)));
            }
            BASE_BOOKS.add(new Base(entries, answers));
        }
    }

    private static String compact(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer the contract's reader and the engine give for an entry on their own (the decision line), or
     * {@code null} when the entry is not one: not UTF-8, not a valid snapshot, or not assessable.
     */
    private static String answer(byte[] entry) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(entry)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        try {
            ReadinessAssessment a = ENGINE.assess(ReferralJson.readBookEntry(text, "entry"), AS_OF, Detail.DECISION);
            return ReferralJson.writeDecisionLine(a);
        } catch (InvalidInputException e) {
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** One generated case: what it is, the book's bytes, where the mutated entry is (-1 for none). */
    private record Case(int number, String kind, String name, Base base, int mutated, byte[] entry, byte[] book, String format) {
    }

    /** What the command line did. */
    private record Run(int code, String out, String err) {
    }

    private static final class Tally {
        final Map<String, Integer> byKind = new TreeMap<>();
        final Map<Integer, Integer> byCode = new TreeMap<>();

        void add(Case c, Run run) {
            byKind.merge(c.kind() + (c.name().contains(" ") ? " " + c.name().substring(0, c.name().indexOf(' ')) : ""), 1, Integer::sum);
            byCode.merge(run.code(), 1, Integer::sum);
        }
    }

    @Test
    void badBooksCostNoGoodEntryAndSayWhatWasBad() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED.value() ^ 0x5DEECE66DL);
        Tally tally = new Tally();
        int number = 0;
        for (Map.Entry<String, Integer> kind : SIZES.entrySet()) {
            for (int i = 0; i < kind.getValue(); i++) {
                Base base = BASE_BOOKS.get(random.nextInt(BASES));
                Case c = switch (kind.getKey()) {
                    case "ndjson entry" -> entryCase(number++, "ndjson entry", base, random, false);
                    case "stdin entry" -> entryCase(number++, "stdin entry", base, random, false);
                    case "json entry" -> entryCase(number++, "json entry", base, random, true);
                    default -> framingCase(number++, base, random);
                };
                Run run = run(c, random);
                check(c, run);
                tally.add(c, run);
            }
        }
        System.out.printf("GeneratedBookMutationsTest: %d cases (%s); exit codes %s; %s%n", number, SIZES, tally.byCode, SEED.rerun());
        System.out.println("GeneratedBookMutationsTest by kind: " + tally.byKind);
        assertThat(number).isGreaterThanOrEqualTo(2000);
        assertThat(tally.byCode.keySet()).as(SEED.rerun()).contains(0, 1, 3);
    }

    // --------------------------------------------------------------------------------------------------- the cases

    private static Case entryCase(int number, String kind, Base base, SplittableRandom random, boolean json) {
        int k = random.nextInt(base.entries().size());
        JsonMutations.Mutation mutation = JsonMutations.next(base.entries().get(k), random);
        byte[] entry = mutation.bytes();
        if (!json) {
            // one entry, one line: line ends inside the mutation become spaces
            entry = entry.clone();
            for (int i = 0; i < entry.length; i++) {
                if (entry[i] == '\n' || entry[i] == '\r') {
                    entry[i] = ' ';
                }
            }
        }
        List<byte[]> entries = bytes(base.entries());
        entries.set(k, entry);
        return new Case(number, kind, mutation.name(), base, k, entry, json ? jsonBook(entries) : ndjsonBook(entries),
                kind.startsWith("stdin") ? "-" : json ? "book.json" : "book.ndjson");
    }

    private static Case framingCase(int number, Base base, SplittableRandom random) {
        List<byte[]> entries = bytes(base.entries());
        byte[] book = jsonBook(entries);
        long[] starts = starts(entries);
        int n = entries.size();
        return switch (random.nextInt(5)) {
            case 0 -> {
                int from = (int) starts[0];
                int to = (int) (starts[n - 1] + entries.get(n - 1).length);
                int cut = from + random.nextInt(to - from + 1);
                yield new Case(number, "json framing", "CUT at byte " + cut, base, -1, null, Arrays.copyOf(book, cut), "book.json");
            }
            case 1 -> {
                int k = random.nextInt(n - 1);
                byte[] garbage = new byte[1 + random.nextInt(6)];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = random.nextInt(4) == 0 ? (byte) (0x80 + random.nextInt(0x80)) : FRAMING_GARBAGE[random.nextInt(FRAMING_GARBAGE.length)];
                }
                if (new String(garbage, StandardCharsets.ISO_8859_1).isBlank()) {
                    garbage[0] = 'x';
                }
                int at = (int) (starts[k] + entries.get(k).length) + (random.nextBoolean() ? 0 : 1);   // before or after the comma
                yield new Case(number, "json framing", "GARBAGE " + hex(garbage) + " after entry " + k, base, -1, null,
                        insert(book, at, garbage), "book.json");
            }
            case 2 -> {
                int k = random.nextInt(n - 1);
                int comma = (int) (starts[k] + entries.get(k).length);
                yield new Case(number, "json framing", "COMMA_MISSING after entry " + k, base, -1, null,
                        remove(book, comma), "book.json");
            }
            case 3 -> {
                int k = random.nextInt(n - 1);
                int comma = (int) (starts[k] + entries.get(k).length);
                yield new Case(number, "json framing", "COMMA_DOUBLED after entry " + k, base, -1, null,
                        insert(book, comma, new byte[] {','}), "book.json");
            }
            default -> {
                int from = (int) starts[0];
                int to = (int) (starts[n - 1] + entries.get(n - 1).length);
                int at = from + random.nextInt(to - from);
                byte b = (byte) random.nextInt(256);
                byte[] changed = book.clone();
                changed[at] = b;
                int k = -1;
                for (int i = 0; i < n; i++) {
                    if (at >= starts[i] && at < starts[i] + entries.get(i).length) {
                        k = i;
                    }
                }
                byte[] entry = k < 0 ? null : Arrays.copyOfRange(changed, (int) starts[k], (int) (starts[k] + entries.get(k).length));
                yield new Case(number, "json framing", "BYTE 0x" + String.format("%02X", b & 0xFF) + " at byte " + at + (k < 0 ? " between entries"
                        : " in entry " + k), base, k, entry, changed, "book.json");
            }
        };
    }

    private static List<byte[]> bytes(List<String> entries) {
        List<byte[]> bytes = new ArrayList<>();
        entries.forEach(e -> bytes.add(e.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    private static final byte[] JSON_HEAD = "{\n  \"schemaVersion\" : 1,\n  \"teams\" : {\"rep-01\" : \"North\"},\n  \"customers\" : ["
            .getBytes(StandardCharsets.UTF_8);

    private static byte[] jsonBook(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(JSON_HEAD);
        for (int i = 0; i < entries.size(); i++) {
            out.writeBytes((i == 0 ? "\n    " : ",\n    ").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(entries.get(i));
        }
        out.writeBytes("\n  ]\n}\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Where each entry starts in {@link #jsonBook}. */
    private static long[] starts(List<byte[]> entries) {
        long[] starts = new long[entries.size()];
        long at = JSON_HEAD.length;
        for (int i = 0; i < entries.size(); i++) {
            at += i == 0 ? 5 : 6;
            starts[i] = at;
            at += entries.get(i).length;
        }
        return starts;
    }

    private static byte[] ndjsonBook(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] insert(byte[] bytes, int at, byte[] more) {
        byte[] result = new byte[bytes.length + more.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(more, 0, result, at, more.length);
        System.arraycopy(bytes, at, result, at + more.length, bytes.length - at);
        return result;
    }

    private static byte[] remove(byte[] bytes, int at) {
        byte[] result = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(bytes, at + 1, result, at, bytes.length - at - 1);
        return result;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b & 0xFF));
        }
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------------- running one

    private static final Streams.Hooks NO_HOOKS = new Streams.Hooks() {
        @Override
        public void add(Thread hook) {
        }

        @Override
        public void remove(Thread hook) {
        }

        @Override
        public void halt(int status) {
            throw new AssertionError("halted with " + status);
        }
    };

    private Run run(Case c, SplittableRandom random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = InputStream.nullInputStream();
        String book = c.format();
        if (book.equals("-")) {
            in = new ByteArrayInputStream(c.book());
        } else {
            Path file = dir.resolve(book);
            Files.write(file, c.book());
            book = file.toString();
        }
        String format = random.nextInt(4) == 0 ? "json" : "ndjson";
        Streams streams = new Streams(in, out, new PrintStream(err, true, StandardCharsets.UTF_8), NO_HOOKS);
        int code;
        try {
            code = Main.run(streams, "assess", book, "--as-of", AS_OF.toString(), "--format", format, "--detail", "decision",
                    "--threads", String.valueOf(1 + random.nextInt(2)), "--no-progress");
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(describe(c) + ": the command line threw " + e, e);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        if (format.equals("json")) {
            JsonNode array;
            try {
                array = JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError(describe(c) + ": --format json output does not parse: " + e.getMessage(), e);
            }
            assertThat(array.isArray()).as(describe(c)).isTrue();
            if (text.equals("[]\n")) {
                return new Run(code, "", err.toString(StandardCharsets.UTF_8));
            }
            List<String> lines = new ArrayList<>(text.lines().toList());
            assertThat(lines.get(0)).as(describe(c)).isEqualTo("[");
            assertThat(lines.get(lines.size() - 1)).as(describe(c)).isEqualTo("]");
            StringBuilder ndjson = new StringBuilder();
            for (String line : lines.subList(1, lines.size() - 1)) {
                ndjson.append(line.endsWith(",") ? line.substring(0, line.length() - 1) : line).append('\n');
            }
            assertThat(array.size()).as(describe(c)).isEqualTo(lines.size() - 2);
            text = ndjson.toString();
        }
        return new Run(code, text, err.toString(StandardCharsets.UTF_8));
    }

    private static String describe(Case c) {
        return "case " + c.number() + " (" + c.kind() + ", " + c.format() + ", " + c.name() + ", " + c.base().entries().size()
                + " entries, mutated " + c.mutated() + "); " + SEED.rerun()
                + (System.getProperty("referralrules.debug") != null && c.entry() != null ? "\nENTRY: " + new String(c.entry(), StandardCharsets.UTF_8) : "");
    }

    // ------------------------------------------------------------------------------------------------- the checks

    private static void check(Case c, Run run) {
        String what = describe(c);
        List<String> lines = run.out().lines().toList();
        for (String line : lines) {
            try {
                assertThat(JSON.readTree(line).has("customerId")).as(what).isTrue();
            } catch (IOException e) {
                fail(what + ": an output line does not parse: " + e.getMessage());
            }
        }
        assertThat(run.err()).as(what + "\n" + run.err()).doesNotContain("Exception", "\tat ", "internal error");
        assertThat(JsonMutations.mentionsPlanted(run.err())).as(what + ": standard error repeats planted free text:\n" + run.err()).isFalse();
        List<String[]> listed = new ArrayList<>();
        for (String line : run.err().lines().toList()) {
            if (line.startsWith("invalid: ") && !line.contains(" more not listed")) {
                java.util.regex.Matcher m = LISTING.matcher(line);
                assertThat(m.matches()).as(what + ": " + line).isTrue();
                assertThat(m.group(3)).as(what + ": the place once in " + line).doesNotContain(m.group(2));
                listed.add(new String[] {m.group(1), m.group(2), m.group(3)});
            }
        }
        List<String> expected = c.base().answers();
        if (c.name().startsWith("CUT")) {
            checkCut(c, run, lines, listed, what);
            return;
        }
        if (c.mutated() < 0) {
            // damage between entries: every entry is still read
            assertThat(lines).as(what).containsExactlyElementsOf(expected);
            assertThat(run.code()).as(what + "\n" + run.err()).isIn(Main.OK, Main.SOME_INVALID);
            if (run.code() == Main.SOME_INVALID) {
                assertThat(listed).as(what).isNotEmpty();
            }
            if (!c.name().startsWith("BYTE")) {
                assertThat(run.code()).as(what + "\n" + run.err()).isEqualTo(Main.SOME_INVALID);
            }
            return;
        }
        int k = c.mutated();
        String alone = answer(c.entry());
        boolean blankLine = !c.format().endsWith(".json") && new String(c.entry(), StandardCharsets.ISO_8859_1).isBlank();
        if (alone != null || blankLine) {
            List<String> withIt = new ArrayList<>(expected);
            if (alone != null) {
                withIt.set(k, alone);
            } else {
                withIt.remove(k);
            }
            assertThat(lines).as(what + "\n" + run.err()).containsExactlyElementsOf(withIt);
            assertThat(run.code()).as(what + "\n" + run.err()).isEqualTo(Main.OK);
            assertThat(listed).as(what).isEmpty();
            return;
        }
        boolean last = k == expected.size() - 1;
        if (last && c.format().endsWith(".json") && run.code() == Main.INCOMPLETE) {
            // the last entry, cut so that the book's own ] and } close it: not taken, and said so
            assertThat(lines).as(what).containsExactlyElementsOf(expected.subList(0, k));
            assertThat(listed).as(what).hasSize(1);
            assertThat(listed.get(0)[1]).as(what).contains("$.customers[" + k + "]");
            assertThat(listed.get(0)[2]).as(what).contains("may be the book's own");
            return;
        }
        assertThat(run.code()).as(what + "\n" + run.err()).isEqualTo(Main.SOME_INVALID);
        // the good entries, exactly, in order; at the mutated entry's place nothing, or (in a .json book, when the
        // damage cut the entry short) what the structure gave
        assertThat(lines.size()).as(what).isGreaterThanOrEqualTo(expected.size() - 1);
        assertThat(lines.subList(0, k)).as(what).containsExactlyElementsOf(expected.subList(0, k));
        assertThat(lines.subList(lines.size() - (expected.size() - k - 1), lines.size())).as(what)
                .containsExactlyElementsOf(expected.subList(k + 1, expected.size()));
        if (!c.format().endsWith(".json")) {
            assertThat(lines).as(what).hasSize(expected.size() - 1);
            String place = c.format() + ":" + (k + 1);
            assertThat(listed).as(what + "\n" + run.err()).hasSize(1);
            assertThat(listed.get(0)[1]).as(what).endsWith(place);
            String id = shownId(c, k);
            if (id != null) {
                assertThat(listed.get(0)[0]).as(what + ": the id the entry shows").isEqualTo(id);
            }
        } else {
            assertThat(lines.size() - (expected.size() - 1)).as(what + ": answers from the broken entry").isLessThanOrEqualTo(2);
            assertThat(listed).as(what + "\n" + run.err()).isNotEmpty();
            // the entry's place, or (an entry with nothing in it) the place after the one before
            assertThat(listed.get(0)[1]).as(what + "\n" + run.err()).containsAnyOf("$.customers[" + k + "]",
                    "after $.customers[" + (k - 1) + "]", "$.customers (line");
            String id = shownId(c, k);
            // the id is the entry's when the entry itself is listed; text left over after a stray } closed the entry
            // early is listed "after" it, with no id of its own (README: the entry's prefix is what the structure gave)
            if (id != null && listed.get(0)[1].contains(" $.customers[" + k + "]") && !listed.get(0)[1].contains(" after $.customers[")) {
                assertThat(listed.get(0)[0]).as(what + ": the id the entry shows\n" + run.err()).isEqualTo(id);
            }
        }
    }

    /** A book cut short: every entry wholly before the cut is written, and the run says the rest cannot be read. */
    private static void checkCut(Case c, Run run, List<String> lines, List<String[]> listed, String what) {
        int cut = c.book().length;
        List<byte[]> entries = bytes(c.base().entries());
        long[] starts = starts(entries);
        int whole = 0;
        while (whole < entries.size() && starts[whole] + entries.get(whole).length <= cut) {
            whole++;
        }
        // cut just after an entry that ends as the book does (] and }): its end may be the book's, so it is not taken
        if (whole > 0 && starts[whole - 1] + entries.get(whole - 1).length == cut && c.base().entries().get(whole - 1).endsWith("]}")) {
            whole--;
        }
        assertThat(lines).as(what).containsExactlyElementsOf(c.base().answers().subList(0, whole));
        assertThat(run.code()).as(what + "\n" + run.err()).isEqualTo(Main.INCOMPLETE);
        assertThat(listed).as(what).hasSize(1);
        assertThat(listed.get(0)[1]).as(what).contains("$.customers[" + whole + "]");
        // the break's place once in the last line too (the file's name is part of the place)
        assertThat(run.err()).as(what).contains("referral-rules: could not read the book to its end, at " + listed.get(0)[1] + ": ");
    }

    private static final Pattern SHOWN_ID = Pattern.compile("^\\s*\\{\\s*\"customer\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"(C-[0-9]{6})\"");

    /** The customer id the mutated entry plainly shows (its first key, untouched), or {@code null}. */
    private static String shownId(Case c, int k) {
        java.util.regex.Matcher m = SHOWN_ID.matcher(new String(c.entry(), StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }
}
