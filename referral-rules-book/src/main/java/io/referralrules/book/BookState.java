package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.Detail;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * What an incremental book run ({@link IncrementalBook}) remembers for the next one: for each customer of the book, the
 * fingerprint of its snapshot, the {@linkplain ReadinessAssessment#revisitOn() revisit day} of its answer and the digest
 * of that answer; and, once for the book, what decided (the {@link Identity}: playbook, policy, rules, engine version,
 * detail) and the day of the run. Read whole into memory by {@link #read(Path)} (about 70 bytes a customer: 1,000,000
 * customers take about 70 MB of heap), immutable, and safe to share between threads.
 *
 * <h2>The file (format 1)</h2>
 * Binary, written in one pass at the end of a run; all numbers big-endian:
 * <ol>
 *   <li>the 26 bytes {@code referral-rules book state\n}, then the format number (4 bytes, {@value #FORMAT});</li>
 *   <li>the header, eight strings, each as a 2-byte length and UTF-8 bytes: the run's day ({@code yyyy-mm-dd}), the
 *       playbook's id and version, the policy hash and the rules hash (as in a {@link DecisionRecord}), the engine
 *       version, the {@link Detail} and the {@link ReadinessAssessment.Answer#FORMAT answer format};</li>
 *   <li>one row per customer, in the book's order: the id's length in UTF-8 bytes (an unsigned LEB128 varint, at least
 *       1), the id, the fingerprint (16 bytes: the first 128 bits of the SHA-256 of the entry's bytes), the answer's
 *       digest (16 bytes: the first 128 bits of {@link ReadinessAssessment.Answer#digest()}) and the revisit day (4
 *       bytes, days since 1970-01-01; {@value #NO_REVISIT} when nothing in the answer is time-bound);</li>
 *   <li>the end: a varint 0, the number of rows (8 bytes) and the CRC-32C of every byte before it (4 bytes); nothing
 *       after.</li>
 * </ol>
 * A customer with an id of 8 characters takes 45 bytes: 1,000,000 such customers make a file of about 45 MB. A file
 * that is not a state file, of another format, cut short or damaged fails {@link #read} with a
 * {@link StateFileException} naming the file, the byte and what is wrong.
 */
public final class BookState {
    /** The format this version writes and reads. */
    public static final int FORMAT = 1;
    /** The stored revisit day of an answer with nothing time-bound. */
    static final int NO_REVISIT = Integer.MAX_VALUE;

    private static final byte[] MAGIC = "referral-rules book state\n".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The longest id a row holds, in UTF-8 bytes: 16 MiB (a longer one gets no row, so it is assessed every run). */
    static final int MAX_ID_BYTES = 1 << 24;

    private final Identity identity;
    private final LocalDate asOf;
    private final int size;
    private final byte[] ids;
    private final int[] idStart;
    private final long[] fingerprints;
    private final long[] answers;
    private final int[] revisits;
    private final int mask;
    private final int[] byFingerprint;
    private final int[] byId;

    private BookState(Identity identity, LocalDate asOf, int size, byte[] ids, int[] idStart, long[] fingerprints,
                      long[] answers, int[] revisits) {
        this.identity = identity;
        this.asOf = asOf;
        this.size = size;
        this.ids = ids;
        this.idStart = idStart;
        this.fingerprints = fingerprints;
        this.answers = answers;
        this.revisits = revisits;
        int capacity = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.byFingerprint = new int[capacity];
        this.byId = new int[capacity];
        for (int row = 0; row < size; row++) {
            // a later row for the same fingerprint or id takes the place of an earlier one
            put(byFingerprint, (int) fingerprints[2 * row], row, this::sameFingerprint);
            put(byId, idHash(ids, idStart[row], idStart[row + 1]), row, this::sameId);
        }
    }

    /**
     * What decided the answers a state holds: a state is used only by a run with the same identity (another playbook,
     * policy, rule set, engine version, detail or answer format could answer differently for the same facts).
     *
     * @param playbook      the playbook and its version
     * @param policyHash    SHA-256 of the thresholds, as in a {@link DecisionRecord}
     * @param rulesHash     SHA-256 of the rule sources, as in a {@link DecisionRecord}
     * @param engineVersion the library version that decided
     * @param detail        how much of each answer was worked out (an answer at {@link Detail#DECISION} leaves parts out)
     * @param answerFormat  {@link ReadinessAssessment.Answer#FORMAT}, which changes when the answer's definition does
     */
    public record Identity(PlaybookRef playbook, String policyHash, String rulesHash, String engineVersion, Detail detail,
                           String answerFormat) {
        private static final LocalDate PROBE_DAY = LocalDate.of(2000, 1, 1);

        public Identity {
            Objects.requireNonNull(playbook, "playbook");
            Objects.requireNonNull(policyHash, "policyHash");
            Objects.requireNonNull(rulesHash, "rulesHash");
            Objects.requireNonNull(engineVersion, "engineVersion");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(answerFormat, "answerFormat");
        }

        /**
         * The identity of an engine's answers at a detail. The hashes are those of a {@link DecisionRecord}: the engine
         * {@linkplain ReferralReadinessEngine#record records} one decision about a customer with no facts to tell them.
         */
        public static Identity of(ReferralReadinessEngine engine, Detail detail) {
            Objects.requireNonNull(engine, "engine");
            CustomerSnapshot probe = CustomerSnapshot.builder(new Customer("referral-rules-state-probe", CustomerType.INDIVIDUAL,
                    "referral-rules", null)).build();
            DecisionRecord record = engine.record(probe, PROBE_DAY);
            return new Identity(engine.playbook(), record.policyHash(), record.rulesHash(), record.engineVersion(),
                    Objects.requireNonNull(detail, "detail"), ReadinessAssessment.Answer.FORMAT);
        }

        /**
         * What differs from {@code now}, one part a line: {@code "policy 1a2b3c4d… (now 5e6f7a8b…)"}; empty when the two
         * are the same.
         */
        public List<String> differences(Identity now) {
            List<String> out = new ArrayList<>();
            differ(out, "playbook", playbook.toString(), now.playbook.toString(), false);
            differ(out, "policy", policyHash, now.policyHash, true);
            differ(out, "rules", rulesHash, now.rulesHash, true);
            differ(out, "engine", engineVersion, now.engineVersion, false);
            differ(out, "detail", detail.name(), now.detail.name(), false);
            differ(out, "answer format", answerFormat, now.answerFormat, false);
            return out;
        }

        private static void differ(List<String> out, String part, String was, String now, boolean hash) {
            if (!was.equals(now)) {
                out.add(part + " " + (hash ? shortHash(was) : was) + " (now " + (hash ? shortHash(now) : now) + ")");
            }
        }

        private static String shortHash(String hash) {
            return hash.length() > 8 ? hash.substring(0, 8) + "…" : hash;
        }
    }

    /**
     * One customer's row, for a host or a test to look at.
     *
     * @param customerId  the customer's id
     * @param fingerprint the first 128 bits of the SHA-256 of the customer's entry, 32 hex digits
     * @param revisitOn   the revisit day of the answer, or {@code null} when nothing in it is time-bound
     * @param answer      the first 32 hex digits of the answer's {@link ReadinessAssessment.Answer#digest() digest}
     */
    public record Row(String customerId, String fingerprint, LocalDate revisitOn, String answer) {
    }

    /** What decided the answers this state holds. */
    public Identity identity() {
        return identity;
    }

    /** The day of the run that wrote this state. */
    public LocalDate asOf() {
        return asOf;
    }

    /** How many rows it holds (customers, unless the book gave an id twice). */
    public int size() {
        return size;
    }

    /** The row of this customer (the last one when the book gave the id twice), if any. */
    public Optional<Row> row(String customerId) {
        int row = rowOfId(Objects.requireNonNull(customerId, "customerId"));
        return row < 0 ? Optional.empty() : Optional.of(rowAt(row));
    }

    /** Every row, in the order of the file (the order of the book the run read). */
    public Stream<Row> rows() {
        return IntStream.range(0, size).mapToObj(this::rowAt);
    }

    private Row rowAt(int row) {
        return new Row(customerId(row), new Hash128(fingerprints[2 * row], fingerprints[2 * row + 1]).hex(),
                revisits[row] == NO_REVISIT ? null : LocalDate.ofEpochDay(revisits[row]),
                new Hash128(answers[2 * row], answers[2 * row + 1]).hex());
    }

    /** The row with this fingerprint, or -1. */
    int rowOfFingerprint(Hash128 fingerprint) {
        int slot = (int) fingerprint.hi() & mask;
        while (byFingerprint[slot] != 0) {
            int row = byFingerprint[slot] - 1;
            if (fingerprints[2 * row] == fingerprint.hi() && fingerprints[2 * row + 1] == fingerprint.lo()) {
                return row;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The row of this customer id, or -1. */
    int rowOfId(String customerId) {
        byte[] id = customerId.getBytes(StandardCharsets.UTF_8);
        int slot = idHash(id, 0, id.length) & mask;
        while (byId[slot] != 0) {
            int row = byId[slot] - 1;
            if (Arrays.equals(ids, idStart[row], idStart[row + 1], id, 0, id.length)) {
                return row;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The row's revisit day (days since 1970-01-01), {@link #NO_REVISIT} when none. */
    int revisitDay(int row) {
        return revisits[row];
    }

    /** The row's answer digest. */
    Hash128 answer(int row) {
        return new Hash128(answers[2 * row], answers[2 * row + 1]);
    }

    /** The row's customer id. */
    String customerId(int row) {
        return new String(ids, idStart[row], idStart[row + 1] - idStart[row], StandardCharsets.UTF_8);
    }

    private interface Same {
        boolean test(int a, int b);
    }

    private void put(int[] table, int hash, int row, Same same) {
        int slot = hash & mask;
        while (table[slot] != 0) {
            if (same.test(table[slot] - 1, row)) {
                table[slot] = row + 1;
                return;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = row + 1;
    }

    private boolean sameFingerprint(int a, int b) {
        return fingerprints[2 * a] == fingerprints[2 * b] && fingerprints[2 * a + 1] == fingerprints[2 * b + 1];
    }

    private boolean sameId(int a, int b) {
        return Arrays.equals(ids, idStart[a], idStart[a + 1], ids, idStart[b], idStart[b + 1]);
    }

    private static int idHash(byte[] bytes, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    /**
     * Reads a state file.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file (a first run)
     * @throws StateFileException                when the file is not a state file of this format, is cut short or damaged
     * @throws IOException                       when it cannot be read
     */
    public static BookState read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a state from a stream, to its end (not closed).
     *
     * @param source names the stream in messages
     * @throws StateFileException when it is not a state of this format, is cut short or damaged
     */
    public static BookState read(InputStream in, String source) throws IOException {
        return new Reader(in, source).read();
    }

    /** Reads a state file's bytes, keeping the CRC-32C of what it has taken. */
    private static final class Reader {
        private final InputStream in;
        private final String source;
        private final byte[] buf = new byte[1 << 16];
        private final CRC32C crc = new CRC32C();
        private int pos;
        private int lim;
        private int crcFrom;
        private long before;

        Reader(InputStream in, String source) {
            this.in = Objects.requireNonNull(in, "in");
            this.source = Objects.requireNonNull(source, "source");
        }

        BookState read() throws IOException {
            byte[] magic = new byte[MAGIC.length];
            if (!fill()) {
                throw bad(0, "is empty");
            }
            if (!tryFully(magic) || !Arrays.equals(magic, MAGIC)) {
                throw bad(0, "is not a referral-rules state file (it does not start with 'referral-rules book state')");
            }
            int format = i32();
            if (format != FORMAT) {
                throw StateFileException.ofFormat(String.format(Locale.ROOT, "%s: is a state file of format %d; this version reads"
                        + " format %d (at byte %,d)", source, format, FORMAT, MAGIC.length), format);
            }
            long headerAt = offset();
            LocalDate asOf;
            Identity identity;
            try {
                asOf = LocalDate.parse(text());
                PlaybookRef playbook = new PlaybookRef(text(), text());
                String policy = text();
                String rules = text();
                String engine = text();
                Detail detail = Detail.valueOf(text());
                identity = new Identity(playbook, policy, rules, engine, detail, text());
            } catch (DateTimeException | IllegalArgumentException e) {
                throw bad(headerAt, "has a header that cannot be read");
            }
            int capacity = 1024;
            byte[] ids = new byte[capacity * 8];
            int[] idStart = new int[capacity + 1];
            long[] fingerprints = new long[capacity * 2];
            long[] answers = new long[capacity * 2];
            int[] revisits = new int[capacity];
            int size = 0;
            int idBytes = 0;
            while (true) {
                long rowAt = offset();
                long length = varint();
                if (length == 0) {
                    break;
                }
                if (length > MAX_ID_BYTES) {
                    throw bad(rowAt, "row " + (size + 1) + " has an id of " + length + " bytes");
                }
                if (size == Integer.MAX_VALUE - 8) {
                    throw bad(rowAt, "has more rows than this version can hold");
                }
                if (size == capacity) {
                    capacity = (int) Math.min(Integer.MAX_VALUE - 8L, capacity * 2L);
                    idStart = Arrays.copyOf(idStart, capacity + 1);
                    fingerprints = Arrays.copyOf(fingerprints, capacity * 2);
                    answers = Arrays.copyOf(answers, capacity * 2);
                    revisits = Arrays.copyOf(revisits, capacity);
                }
                if (idBytes + length > ids.length) {
                    long grown = Math.max(idBytes + length, ids.length * 2L);
                    if (grown > Integer.MAX_VALUE - 8) {
                        throw bad(rowAt, "has more id bytes than this version can hold");
                    }
                    ids = Arrays.copyOf(ids, (int) grown);
                }
                fully(ids, idBytes, (int) length);
                idBytes += (int) length;
                idStart[size + 1] = idBytes;
                fingerprints[2 * size] = i64();
                fingerprints[2 * size + 1] = i64();
                answers[2 * size] = i64();
                answers[2 * size + 1] = i64();
                revisits[size] = i32();
                size++;
            }
            long countAt = offset();
            long count = i64();
            if (count != size) {
                throw bad(countAt, "says it has " + count + " rows but has " + size);
            }
            long sumAt = offset();
            syncCrc();
            int expected = (int) crc.getValue();
            if (i32() != expected) {
                throw bad(sumAt, "is damaged: its checksum does not match its bytes");
            }
            if (pos < lim || in.read() != -1) {
                throw bad(offset(), "has bytes after its end");
            }
            return new BookState(identity, asOf, size, ids, idStart, fingerprints, answers, revisits);
        }

        private long offset() {
            return before + pos;
        }

        private StateFileException bad(long at, String problem) {
            return new StateFileException(String.format(Locale.ROOT, "%s: %s (at byte %,d)", source, problem, at));
        }

        private StateFileException cut() {
            return new StateFileException(String.format(Locale.ROOT, "%s: is cut short: it ends at byte %,d, before its end",
                    source, offset()));
        }

        private void syncCrc() {
            crc.update(buf, crcFrom, pos - crcFrom);
            crcFrom = pos;
        }

        /** Fills the buffer; false at the end of the stream. */
        private boolean fill() throws IOException {
            if (pos < lim) {
                return true;
            }
            syncCrc();
            before += lim;
            pos = 0;
            lim = 0;
            crcFrom = 0;
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            lim = n;
            return true;
        }

        private int u8() throws IOException {
            if (!fill()) {
                throw cut();
            }
            return buf[pos++] & 0xFF;
        }

        private boolean tryFully(byte[] into) throws IOException {
            for (int i = 0; i < into.length; i++) {
                if (!fill()) {
                    return false;
                }
                into[i] = buf[pos++];
            }
            return true;
        }

        private void fully(byte[] into, int from, int length) throws IOException {
            int done = 0;
            while (done < length) {
                if (!fill()) {
                    throw cut();
                }
                int n = Math.min(length - done, lim - pos);
                System.arraycopy(buf, pos, into, from + done, n);
                pos += n;
                done += n;
            }
        }

        private int i32() throws IOException {
            if (lim - pos >= 4) {
                int v = (int) INTS.get(buf, pos);
                pos += 4;
                return v;
            }
            return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
        }

        private long i64() throws IOException {
            if (lim - pos >= 8) {
                long v = (long) LONGS.get(buf, pos);
                pos += 8;
                return v;
            }
            return ((long) i32() << 32) | (i32() & 0xFFFFFFFFL);
        }

        private long varint() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                int b = u8();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw bad(offset(), "has a length that does not end");
        }

        private String text() throws IOException {
            int length = (u8() << 8) | u8();
            byte[] bytes = new byte[length];
            fully(bytes, 0, length);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("not UTF-8", e);
            }
        }
    }

    /**
     * Writes a state onto a stream, a row at a time in the book's order, then its end ({@link #finish()}); the stream is
     * not closed. A failed write is an {@link UncheckedIOException} (or whatever unchecked exception the stream throws).
     */
    static final class Writer {
        private final OutputStream out;
        private final CRC32C crc = new CRC32C();
        private final byte[] buf = new byte[1 << 16];
        private int size;
        private long rows;
        private long written;

        Writer(OutputStream out, Identity identity, LocalDate asOf) {
            this.out = Objects.requireNonNull(out, "out");
            bytes(MAGIC, 0, MAGIC.length);
            i32(FORMAT);
            text(asOf.toString());
            text(identity.playbook().id());
            text(identity.playbook().version());
            text(identity.policyHash());
            text(identity.rulesHash());
            text(identity.engineVersion());
            text(identity.detail().name());
            text(identity.answerFormat());
        }

        /** A customer's row (none for an id longer than {@link #MAX_ID_BYTES}). */
        void add(String customerId, Hash128 fingerprint, LocalDate revisitOn, Hash128 answer) {
            byte[] id = customerId.getBytes(StandardCharsets.UTF_8);
            if (id.length > MAX_ID_BYTES) {
                return;
            }
            varint(id.length);
            bytes(id, 0, id.length);
            i64(fingerprint.hi());
            i64(fingerprint.lo());
            i64(answer.hi());
            i64(answer.lo());
            i32(revisitOn == null ? NO_REVISIT : Math.toIntExact(revisitOn.toEpochDay()));
            rows++;
        }

        /** A row of an earlier state, as it is. */
        void copy(BookState from, int row) {
            int start = from.idStart[row];
            int length = from.idStart[row + 1] - start;
            varint(length);
            bytes(from.ids, start, length);
            i64(from.fingerprints[2 * row]);
            i64(from.fingerprints[2 * row + 1]);
            i64(from.answers[2 * row]);
            i64(from.answers[2 * row + 1]);
            i32(from.revisits[row]);
            rows++;
        }

        /** Rows written so far. */
        long rows() {
            return rows;
        }

        /** Bytes written so far (all of them once finished). */
        long bytes() {
            return written + size;
        }

        /** Writes the end (row count and checksum) and flushes the stream. */
        void finish() {
            varint(0);
            i64(rows);
            drain();
            int sum = (int) crc.getValue();
            i32(sum);
            drain();
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void drain() {
            if (size == 0) {
                return;
            }
            crc.update(buf, 0, size);
            try {
                out.write(buf, 0, size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written += size;
            size = 0;
        }

        private void room(int n) {
            if (size + n > buf.length) {
                drain();
            }
        }

        private void bytes(byte[] b, int from, int length) {
            int done = 0;
            while (done < length) {
                if (size == buf.length) {
                    drain();
                }
                int n = Math.min(length - done, buf.length - size);
                System.arraycopy(b, from + done, buf, size, n);
                size += n;
                done += n;
            }
        }

        private void i32(int v) {
            room(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        private void i64(long v) {
            i32((int) (v >>> 32));
            i32((int) v);
        }

        private void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        private void text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > 0xFFFF) {
                throw new IllegalArgumentException("a state header value has " + b.length + " bytes, more than 65535");
            }
            room(2);
            buf[size++] = (byte) (b.length >>> 8);
            buf[size++] = (byte) b.length;
            bytes(b, 0, b.length);
        }
    }
}
