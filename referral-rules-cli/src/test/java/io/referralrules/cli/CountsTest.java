package io.referralrules.cli;

import io.referralrules.book.SampleBook;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every count the command line prints agrees with its noun: "1 customer", "2 customers", "1 entry", "3 entries". */
class CountsTest {
    @RegisterExtension
    final StandardStreams streams = StandardStreams.captured();

    @TempDir
    Path dir;

    private Path ndjson(int customers) throws IOException {
        Path book = dir.resolve("book-" + customers + ".ndjson");
        Files.write(book, new SampleBook(4, CliBooksTest.AS_OF).customers(customers).map(ReferralJson::writeBookEntry).toList());
        return book;
    }

    @Test
    void aNounIsSingularForOneOnly() {
        assertThat(List.of(0L, 1L, 2L, 1_000L).stream().map(Noun.CUSTOMER::count))
                .containsExactly("0 customers", "1 customer", "2 customers", "1,000 customers");
        assertThat(Noun.ENTRY.count(1)).isEqualTo("1 entry");
        assertThat(Noun.ENTRY.count(3)).isEqualTo("3 entries");
    }

    @Test
    void theSummaryOfABookOfOneSaysOneCustomer() throws IOException {
        assertThat(Main.run("assess", ndjson(1).toString(), "--as-of", "2026-06-15")).isZero();

        assertThat(streams.err()).contains("Assessed 1 customer as of 2026-06-15 under earned-trust@1.0 in ").doesNotContain("1 customers");
    }

    @Test
    void theSummaryOfABookOfTwoSaysTwoCustomers() throws IOException {
        assertThat(Main.run("assess", ndjson(2).toString(), "--as-of", "2026-06-15")).isZero();

        assertThat(streams.err()).contains("Assessed 2 customers as of 2026-06-15 ");
    }

    @Test
    void aBookCutAfterItsFirstEntrySaysTheOneEntryBeforeTheBreakIsRead() throws IOException {
        List<String> entries = new SampleBook(4, CliBooksTest.AS_OF).customers(2).map(ReferralJson::writeBookEntry).toList();
        Path book = dir.resolve("cut.json");
        Files.writeString(book, "{\"schemaVersion\": 1, \"customers\": [\n" + entries.get(0) + ",\n" + entries.get(1).substring(0, 30));

        assertThat(Main.run("assess", book.toString(), "--as-of", "2026-06-15")).isEqualTo(Main.INCOMPLETE);

        assertThat(streams.err()).contains(". The 1 entry before it is read (assessed and written if valid).")
                .contains("Assessed 2 customers");
    }

    @Test
    void theEntriesBeforeABreakAgreeWithTheirCount() {
        assertThat(AssessCommand.before(0)).isEqualTo("No entry comes before it.");
        assertThat(AssessCommand.before(1)).isEqualTo("The 1 entry before it is read (assessed and written if valid).");
        assertThat(AssessCommand.before(2)).isEqualTo("The 2 entries before it are read (the valid ones assessed and written).");
        assertThat(AssessCommand.before(1_500)).isEqualTo("The 1,500 entries before it are read (the valid ones assessed and written).");
    }

    @Test
    void anInterruptCountsTheWholeAnswersOnStandardOutput() {
        assertThat(Outputs.Destination.whole(0, Noun.ANSWER)).isEqualTo("no answers");
        assertThat(Outputs.Destination.whole(1, Noun.ANSWER)).isEqualTo("the first answer, whole");
        assertThat(Outputs.Destination.whole(256, Noun.ANSWER)).isEqualTo("the first 256 answers, each whole");
        assertThat(Outputs.Destination.whole(1, Noun.LINE)).isEqualTo("the first line, whole");
    }
}
