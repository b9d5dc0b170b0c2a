package io.referralrules.book;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.referralrules.json.ReferralJson;

/** The report card as a JSON document ({@code schemaVersion} as the rest of the JSON contract; dates ISO). */
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
        ObjectNode tree = MAPPER.valueToTree(card);
        derived((ObjectNode) tree.get("book"), card.book());
        for (int i = 0; i < card.teams().size(); i++) {
            derived((ObjectNode) tree.get("teams").get(i), card.teams().get(i));
        }
        for (int i = 0; i < card.owners().size(); i++) {
            derived((ObjectNode) tree.get("owners").get(i), card.owners().get(i));
        }
        out.setAll(tree);
        try {
            return MAPPER.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report card", e);
        }
    }

    private static void derived(ObjectNode node, Scorecard s) {
        node.put("referralsReceived", s.referralsReceived());
        node.put("introductionShare", s.introductionShare());
        node.put("conversion", s.conversion());
        node.put("followUpsOnTimeShare", s.followUpsOnTimeShare());
        node.put("badAsks", s.badAsks());
    }
}
