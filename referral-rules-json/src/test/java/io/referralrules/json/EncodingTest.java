package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 15, defect 5: a document that is not UTF-8 is rejected with an {@link InvalidInputException} naming the file
 * and the offset and line of the first bad byte, never a bare {@code MalformedInputException}, and never by silently
 * replacing the byte.
 */
@DisplayName("Encoding: invalid UTF-8 named with file, byte offset and line")
class EncodingTest {
    @TempDir
    Path dir;

    /** Two lines; the second holds {@code Ren\xE9e}, a Latin-1 é where UTF-8 needs two bytes. */
    private static byte[] latin1(String firstLine, String beforeBadByte) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((firstLine + "\n" + beforeBadByte + "Ren").getBytes(StandardCharsets.UTF_8));
        out.write(0xE9);
        out.writeBytes("e\"}}\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static final String FIRST = "{\"schemaVersion\": 1,";
    private static final String SECOND = " \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\", \"displayName\": \"";

    private static int offsetOfBadByte() {
        return (FIRST + "\n" + SECOND + "Ren").getBytes(StandardCharsets.UTF_8).length;
    }

    private static String problem() {
        int column = (SECOND + "Ren").getBytes(StandardCharsets.UTF_8).length + 1;
        return "is not valid UTF-8: byte 0xE9 at offset " + offsetOfBadByte() + " (line 2, column " + column + ")";
    }

    @Test
    void aSnapshotFileInLatin1NamesTheFileTheOffsetAndTheLine() throws IOException {
        Path file = Files.write(dir.resolve("customer.json"), latin1(FIRST, SECOND));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(file));

        assertThat(e).hasMessage(file + ": $ " + problem());
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.getMessage()).doesNotContain("Ren");
    }

    @Test
    void aDecisionRecordFileInLatin1NamesTheFileTheOffsetAndTheLine() throws IOException {
        Path file = Files.write(dir.resolve("record.json"), latin1(FIRST, SECOND));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readRecord(file));

        assertThat(e).hasMessage(file + ": $ " + problem());
    }

    @Test
    void aPolicyFileWithAnInvalidByteNamesTheFileTheOffsetAndTheLine() throws IOException {
        byte[] bytes = {'{', '\n', '"', 'a', 's', 'k', (byte) 0xFF, '"', ':', ' ', '1', '}'};
        Path file = Files.write(dir.resolve("tenant.json"), bytes);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PolicyJson.read(file, ReadinessPolicy.defaults()));

        assertThat(e).hasMessage(file + ": $ is not valid UTF-8: byte 0xFF at offset 6 (line 2, column 5)");
    }

    @Test
    void aBookEntryGivenAsBytesIsDecodedAsStrictly() {
        byte[] entry = latin1("{", SECOND.substring(1));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readBookEntry(entry, "book.ndjson:7"));

        assertThat(e.getMessage()).startsWith("book.ndjson:7: $ is not valid UTF-8: byte 0xE9 at offset ").contains("(line 2, column ");
    }

    @Test
    void aTruncatedCharacterAtTheEndIsReportedToo() {
        byte[] bytes = "{\"a\": \"caf\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.decodeUtf8(cut, "cut.json"));

        assertThat(e).hasMessage("cut.json: $ is not valid UTF-8: byte 0xC3 at offset " + (cut.length - 1) + " (line 1, column " + cut.length + ")");
    }

    @Test
    void validUtf8DecodesToTheSameTextAsTheJdk() {
        String text = "{\"displayName\": \"Zo\u00eb \u00c5str\u00f6m \ud83d\ude00 \u4e2d\u6587\"}";

        assertThat(ReferralJson.decodeUtf8(text.getBytes(StandardCharsets.UTF_8), "ok.json")).isEqualTo(text);
        assertThat(ReferralJson.decodeUtf8(new byte[0], "empty.json")).isEmpty();
    }

    @Test
    void anEncodedSurrogateIsNotValidUtf8() {
        byte[] bytes = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.decodeUtf8(bytes, "s.json"));

        assertThat(e).hasMessage("s.json: $ is not valid UTF-8: byte 0xED at offset 1 (line 1, column 2)");
    }
}
