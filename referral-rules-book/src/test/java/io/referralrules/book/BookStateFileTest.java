package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state file: what it holds read back as written, and every way a file can be broken failing clearly. */
class BookStateFileTest {
    private static final LocalDate DAY = SampleBookTest.AS_OF;
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    private static final List<CustomerSnapshot> BOOK = new SampleBook(5, DAY).customers(12).toList();

    @TempDir
    Path dir;

    /** A state of the 12 customers, with one id of non-ASCII characters and one revisit day. */
    private static byte[] state() {
        BookState.Identity identity = BookState.Identity.of(ENGINE, Detail.FULL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BookState.Writer writer = new BookState.Writer(out, identity, DAY);
        for (int i = 0; i < BOOK.size(); i++) {
            writer.add(i == 2 ? "Ç-Ødegård-½" : BOOK.get(i).customer().id(), new Hash128(i, -i), i == 1 ? DAY.plusDays(9) : null,
                    new Hash128(1000L + i, Long.MIN_VALUE + i));
        }
        writer.finish();
        assertThat(writer.bytes()).isEqualTo(out.size());
        return out.toByteArray();
    }

    private static BookState read(byte[] bytes) throws IOException {
        return BookState.read(new ByteArrayInputStream(bytes), "book.state");
    }

    /** The bytes with the CRC-32C at their end made right again (to reach the checks after it). */
    private static byte[] resealed(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }

    @Test
    void aStateReadsBackAsItWasWritten() throws IOException {
        BookState state = read(state());

        assertThat(state.asOf()).isEqualTo(DAY);
        assertThat(state.identity()).isEqualTo(BookState.Identity.of(ENGINE, Detail.FULL));
        assertThat(state.size()).isEqualTo(12);
        assertThat(state.rows().map(BookState.Row::customerId)).hasSize(12).contains("Ç-Ødegård-½", BOOK.get(11).customer().id());
        assertThat(state.row(BOOK.get(1).customer().id())).contains(new BookState.Row(BOOK.get(1).customer().id(),
                "0000000000000001ffffffffffffffff", DAY.plusDays(9), "00000000000003e98000000000000001"));
        assertThat(state.row("Ç-Ødegård-½").orElseThrow().revisitOn()).isNull();
        assertThat(state.rowOfFingerprint(new Hash128(7, -7))).isEqualTo(7);
        assertThat(state.rowOfFingerprint(new Hash128(7, 7))).isEqualTo(-1);
        assertThat(state.row("C-NOT-THERE")).isEmpty();
    }

    @Test
    void aStateFileIsReadFromItsPathAndAMissingOneSaysSo() throws IOException {
        Path file = dir.resolve("book.state");
        Files.write(file, state());

        assertThat(BookState.read(file).size()).isEqualTo(12);
        assertThatThrownBy(() -> BookState.read(dir.resolve("none.state"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aRowWithAnIdOfEightCharactersTakesFortyFiveBytes() {
        BookState.Identity identity = BookState.Identity.of(ENGINE, Detail.FULL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BookState.Writer writer = new BookState.Writer(out, identity, DAY);
        long header = writer.bytes();
        writer.add("C-000001", new Hash128(1, 2), DAY.plusDays(1), new Hash128(3, 4));

        // an id of 8 characters: 1 + 8 + 16 + 16 + 4 bytes
        assertThat(writer.bytes()).isEqualTo(header + 45);
    }

    @Test
    void anEmptyFileFails() {
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(StateFileException.class)
                .hasMessage("book.state: is empty (at byte 0)");
    }

    @Test
    void aFileThatIsNotAStateFails() {
        byte[] json = "{\"customer\":{\"id\":\"C-1\",\"displayName\":\"Riverside Dental\"}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(json)).isInstanceOf(StateFileException.class)
                .hasMessage("book.state: is not a referral-rules state file (it does not start with 'referral-rules book state') (at byte 0)")
                .hasMessageNotContaining("Riverside");
    }

    @Test
    void aStateOfAnotherFormatFails() {
        byte[] bytes = state();
        bytes[29] = 2;

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(StateFileException.class)
                .hasMessage("book.state: is a state file of format 2; this version reads format 1 (at byte 26)")
                .satisfies(e -> assertThat(((StateFileException) e).otherFormat()).hasValue(2));
    }

    @Test
    void onlyAWellFormedStateOfAnotherFormatSaysWhichFormat() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(json)).isInstanceOf(StateFileException.class)
                .satisfies(e -> assertThat(((StateFileException) e).otherFormat()).isEmpty());
    }

    /** The byte a message names ("... (at byte 1,234)" or "... it ends at byte 1,234, ..."), or -1 when it names none. */
    private static long namedByte(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at byte ([0-9,]+)").matcher(message);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    @Test
    void aStateCutShortAtAnyByteFailsNamingAByteItHas() {
        byte[] whole = state();
        // shorter than the 26 bytes that open a state file: not one; from there on: cut short, at its last byte
        for (int length = 1; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            int at = length;
            assertThatThrownBy(() -> read(cut)).as("cut to %d bytes", length).isInstanceOf(StateFileException.class)
                    .satisfies(e -> assertThat(namedByte(e.getMessage())).as(e.getMessage()).isEqualTo(at < 26 ? 0 : at))
                    .message().startsWith(at < 26 ? "book.state: is not a referral-rules state file" : "book.state: is cut short: it ends at byte ");
        }
    }

    @Test
    void aStateWithAnyByteChangedFailsNamingAByteOfIt() {
        byte[] whole = state();
        for (int at = 0; at < whole.length; at++) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 0x20;
            assertThatThrownBy(() -> read(damaged)).as("byte %d changed", at).isInstanceOf(StateFileException.class)
                    .satisfies(e -> assertThat(namedByte(e.getMessage())).as(e.getMessage()).isBetween(0L, (long) whole.length));
        }
        byte[] row = whole.clone();
        row[row.length - 40] ^= 1;
        assertThatThrownBy(() -> read(row)).hasMessageStartingWith("book.state: is damaged: its checksum does not match its bytes (at byte ");
    }

    @Test
    void aStateWithBytesAfterItsEndFails() {
        byte[] whole = state();
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);

        assertThatThrownBy(() -> read(longer)).isInstanceOf(StateFileException.class)
                .hasMessage(String.format(java.util.Locale.ROOT, "book.state: has bytes after its end (at byte %,d)", whole.length));
    }

    @Test
    void aStateWhoseRowCountDisagreesWithItsRowsFails() {
        byte[] bytes = state();
        ByteBuffer.wrap(bytes).putLong(bytes.length - 12, 13);

        assertThatThrownBy(() -> read(resealed(bytes))).isInstanceOf(StateFileException.class)
                .hasMessageStartingWith("book.state: says it has 13 rows but has 12 (at byte ");
    }

    @Test
    void aStateWithAHeaderThatCannotBeReadFails() {
        byte[] bytes = state();
        // the day, right after the format: "2026-06-15" made "2026-13-15"
        int day = 26 + 4 + 2;
        assertThat(new String(bytes, day, 10, StandardCharsets.US_ASCII)).isEqualTo("2026-06-15");
        bytes[day + 5] = '1';
        bytes[day + 6] = '3';

        assertThatThrownBy(() -> read(resealed(bytes))).isInstanceOf(StateFileException.class)
                .hasMessage("book.state: has a header that cannot be read (at byte 30)");
    }
}
