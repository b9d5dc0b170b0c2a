package io.referralrules.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.book.ReportCard.Figure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report card's JSON: the hand-computed figures of {@link ReportCardTest} and {@link ReportCardTrendsTest}. */
class ReportCardJsonTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static JsonNode read(ReportCard card) throws IOException {
        return PLAIN.readTree(ReportCardJson.write(card));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void withoutTrendsTheDocumentIsTheReportCardAsBefore() throws IOException {
        JsonNode doc = read(ReportCardTest.card());

        assertThat(keys(doc)).containsExactly("schemaVersion", "asOf", "periodStart", "playbook", "book", "teams", "owners");
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("asOf").asText()).isEqualTo("2026-06-15");
        assertThat(doc.get("periodStart").asText()).isEqualTo("2025-06-15");
        assertThat(doc.get("playbook").get("id").asText()).isEqualTo("earned-trust");
        assertThat(doc.get("playbook").get("version").asText()).isEqualTo("1.0");
        JsonNode repA = doc.get("owners").get(0);
        assertThat(repA.get("name").asText()).isEqualTo("rep-a");
        assertThat(repA.get("introductions").asLong()).isEqualTo(1);
        assertThat(repA.get("referralsReceived").asLong()).isEqualTo(2);
        assertThat(repA.get("introductionShare").asDouble()).isEqualTo(0.5);
        assertThat(repA.get("followUpsOnTimeShare").asDouble()).isEqualTo(1.0 / 3);
        assertThat(repA.get("badAsks").asLong()).isEqualTo(3);
        assertThat(repA.get("grade").asText()).isEqualTo("C");
        assertThat(repA.get("stages").get("FOLLOWING_UP").asLong()).isEqualTo(1);
        assertThat(doc.get("teams").get(1).get("name").asText()).isEqualTo("South");
        assertThat(doc.get("book").get("customers").asLong()).isEqualTo(5);
    }

    @Test
    void theTrendsFollowTheOwnersWithEachQuarterAndTheChanges() throws IOException {
        JsonNode doc = read(ReportCardTrendsTest.card());

        assertThat(keys(doc)).containsExactly("schemaVersion", "asOf", "periodStart", "playbook", "book", "teams", "owners", "trends");
        JsonNode trends = doc.get("trends");
        assertThat(keys(trends)).containsExactly("quarters", "book", "teams", "owners");
        assertThat(trends.get("quarters")).hasSize(4);
        JsonNode first = trends.get("quarters").get(0);
        assertThat(first.get("label").asText()).isEqualTo("2025-Q2");
        assertThat(first.get("start").asText()).isEqualTo("2025-04-01");
        assertThat(first.get("end").asText()).isEqualTo("2025-06-30");
        assertThat(trends.get("quarters").get(3).get("label").asText()).isEqualTo("2026-Q1");

        JsonNode repB = trends.get("owners").get(1);
        assertThat(keys(repB)).containsExactly("scope", "name", "quarters", "change", "changePerQuarter");
        assertThat(repB.get("scope").asText()).isEqualTo("owner");
        assertThat(repB.get("name").asText()).isEqualTo("rep-b");
        List<Long> introductions = new ArrayList<>();
        repB.get("quarters").forEach(q -> introductions.add(q.get("introductions").asLong()));
        assertThat(introductions).containsExactly(0L, 1L, 0L, 2L);
        JsonNode latest = repB.get("quarters").get(3);
        assertThat(latest.get("grade").asText()).isEmpty();
        assertThat(latest.get("referralsReceived").asLong()).isEqualTo(2);
        assertThat(latest.get("introductionShare").asDouble()).isEqualTo(1.0);
        assertThat(repB.get("change").get("introductions").isIntegralNumber()).isTrue();
        assertThat(repB.get("change").get("introductions").asLong()).isEqualTo(2);
        assertThat(keys(repB.get("change"))).containsExactlyElementsOf(
                java.util.Arrays.stream(Figure.values()).map(Figure::key).toList());
        assertThat(repB.get("changePerQuarter")).hasSize(3);
        assertThat(repB.get("changePerQuarter").get(1).get("introductions").asLong()).isEqualTo(-1);
        assertThat(repB.get("changePerQuarter").get(2).get("introductions").asLong()).isEqualTo(2);

        // a share changes in shares: rep-a's follow-ups on time went from 100% to 50%
        JsonNode repA = trends.get("owners").get(0);
        assertThat(repA.get("change").get("followUpsOnTimeShare").asDouble()).isEqualTo(-0.5);
        assertThat(trends.get("teams").get(0).get("name").asText()).isEqualTo("North");
        assertThat(trends.get("book").get("scope").asText()).isEqualTo("book");
        assertThat(trends.get("book").get("change").get("introductions").asLong()).isEqualTo(2);
    }
}
