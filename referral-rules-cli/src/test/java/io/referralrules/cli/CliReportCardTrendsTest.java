package io.referralrules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.book.BookAssessor;
import io.referralrules.book.BookFile;
import io.referralrules.book.ReportCardBuilder;
import io.referralrules.book.ReportCardJson;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's report card with its last four quarters (on by default) and without them ({@code --no-trends}). */
class CliReportCardTrendsTest {
    static final Path SAMPLE = Path.of("../samples/sample-book.json");
    static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    @RegisterExtension
    final StandardStreams streams = StandardStreams.captured();

    @TempDir
    Path dir;

    /** The sample book's card with trends, built here one customer after another on one thread. */
    private static String expectedJson() throws IOException {
        ReferralReadinessEngine engine = ReferralRules.engine();
        try (InputStream in = Files.newInputStream(SAMPLE); BookFile book = BookFile.open(SAMPLE.toString(), in)) {
            ReportCardBuilder card = new ReportCardBuilder(DAY, engine.policy(), engine.playbook(), book.teams()).trends(engine);
            BookAssessor.builder(engine).threads(1).build().assessEntries(book.entries(), -1, DAY, r -> {
                if (!r.failed()) {
                    card.add(r.snapshot(), r.assessment());
                }
            });
            return ReportCardJson.write(card.build());
        }
    }

    @Test
    void theReportCardShowsTheLastFourQuartersByDefault() throws IOException {
        Path html = dir.resolve("card.html");
        Path json = dir.resolve("card.json");

        int code = Main.run("assess", SAMPLE.toString(), "--as-of", DAY.toString(), "--threads", "2", "--report-card", html.toString(),
                "--report-card-json", json.toString());

        assertThat(code).isEqualTo(Main.OK);
        // the quarters worked out on the workers add up to the same card as one after another here
        assertThat(Files.readString(json)).isEqualTo(expectedJson());
        JsonNode trends = new ObjectMapper().readTree(json.toFile()).get("trends");
        List<String> labels = new ArrayList<>();
        trends.get("quarters").forEach(q -> labels.add(q.get("label").asText()));
        assertThat(labels).containsExactly("2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1");
        assertThat(trends.get("owners")).hasSize(4);
        assertThat(trends.get("teams")).hasSize(2);
        assertThat(trends.get("book").get("quarters").get(3).get("customers").asLong()).isEqualTo(60);
        assertThat(Files.readString(html)).contains("<section id=\"trends\"><h2>The last four quarters</h2>")
                .contains("<tr data-trend-team=\"North\">").contains("<tr data-trend-owner=\"rep-04\">")
                .contains("data-quarter=\"2026-Q1\"");
    }

    @Test
    void noTrendsLeavesThemOut() throws IOException {
        Path html = dir.resolve("card.html");
        Path json = dir.resolve("card.json");

        int code = Main.run("assess", SAMPLE.toString(), "--as-of", DAY.toString(), "--no-trends", "--report-card", html.toString(),
                "--report-card-json", json.toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(new ObjectMapper().readTree(json.toFile()).has("trends")).isFalse();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("book").get("customers").asLong()).isEqualTo(60);
        assertThat(Files.readString(html)).doesNotContain("id=\"trends\"").contains("<h1>Referral report card</h1>");
    }

    @Test
    void trendsAskedForByNameAreTheDefaultOnes() throws IOException {
        Path json = dir.resolve("card.json");

        int code = Main.run("assess", SAMPLE.toString(), "--as-of", DAY.toString(), "--trends", "--threads", "1",
                "--report-card-json", json.toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(Files.readString(json)).isEqualTo(expectedJson());
    }

    @Test
    void theHelpSaysHowToLeaveThemOut() {
        Main.run("assess", "--help");

        assertThat(streams.out()).contains("--[no-]trends");
    }
}
