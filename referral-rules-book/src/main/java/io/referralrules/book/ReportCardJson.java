package io.referralrules.book;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.referralrules.json.ReferralJson;

import java.util.List;
import java.util.Map;

/**
 * The report card as a JSON document ({@code schemaVersion} as the rest of the JSON contract; dates ISO). With trends,
 * a {@code trends} object follows the owners (absent without trends, so a reader of the earlier document reads this
 * one): its {@code quarters} (label, start, end; earliest first), and for the {@code book}, each of the {@code teams}
 * and {@code owners}: its scope, name, one scorecard per quarter ({@code quarters}, no grade), the {@code change} of
 * each figure from the earliest quarter to the latest, and {@code changePerQuarter} (from the quarter before, one per
 * quarter after the earliest). Figures are named as in the scorecards; shares change in shares (0.1 is ten points).
 */
public final class ReportCardJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportCardJson() {
    }

    /** The document. Each scorecard also carries its derived shares, for readers that do not compute them. */
    public static String write(ReportCard card) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("schemaVersion", ReferralJson.SCHEMA_VERSION);
        out.set("asOf", MAPPER.valueToTree(card.asOf()));
        out.set("periodStart", MAPPER.valueToTree(card.periodStart()));
        out.set("playbook", MAPPER.valueToTree(card.playbook()));
        out.set("book", scorecard(card.book()));
        out.set("teams", scorecards(card.teams()));
        out.set("owners", scorecards(card.owners()));
        card.trends().ifPresent(trends -> out.set("trends", trends(trends)));
        try {
            return MAPPER.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report card", e);
        }
    }

    private static ObjectNode trends(ReportCard.Trends trends) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("quarters", MAPPER.valueToTree(trends.quarters()));
        node.set("book", trend(trends.book()));
        ArrayNode teams = node.putArray("teams");
        trends.teams().forEach(t -> teams.add(trend(t)));
        ArrayNode owners = node.putArray("owners");
        trends.owners().forEach(t -> owners.add(trend(t)));
        return node;
    }

    private static ObjectNode trend(ReportCard.Trend trend) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("scope", trend.scope());
        node.put("name", trend.name());
        node.set("quarters", scorecards(trend.quarters()));
        node.set("change", figures(trend.change()));
        ArrayNode steps = node.putArray("changePerQuarter");
        trend.changePerQuarter().forEach(step -> steps.add(figures(step)));
        return node;
    }

    private static ObjectNode figures(Map<ReportCard.Figure, Double> values) {
        ObjectNode node = MAPPER.createObjectNode();
        values.forEach((figure, value) -> {
            if (figure.share()) {
                node.put(figure.key(), value);
            } else {
                node.put(figure.key(), Math.round(value));
            }
        });
        return node;
    }

    private static ArrayNode scorecards(List<Scorecard> cards) {
        ArrayNode array = MAPPER.createArrayNode();
        cards.forEach(c -> array.add(scorecard(c)));
        return array;
    }

    private static ObjectNode scorecard(Scorecard s) {
        ObjectNode node = MAPPER.valueToTree(s);
        node.put("referralsReceived", s.referralsReceived());
        node.put("introductionShare", s.introductionShare());
        node.put("conversion", s.conversion());
        node.put("followUpsOnTimeShare", s.followUpsOnTimeShare());
        node.put("badAsks", s.badAsks());
        return node;
    }
}
