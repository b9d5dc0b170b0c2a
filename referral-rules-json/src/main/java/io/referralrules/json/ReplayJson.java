package io.referralrules.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referralrules.api.ReplayResult;
import java.util.Objects;

/**
 * What a replay found, as a document ({@code docs/schema/replay.schema.json}): {@code schemaVersion},
 * {@code identical}, {@code differences} (each {@code what}, {@code recorded}, {@code now}, in the replay's order:
 * playbook, rules, policy and engine version before the answer's own fields; {@code recorded} or {@code now} left out
 * when it has no value) and {@code replayed}, the assessment the replaying engine gave, the document
 * {@link ReferralJson#writeAssessment} writes ({@code docs/schema/assessment.schema.json}, with its own
 * {@code schemaVersion}).
 *
 * <pre>{@code
 * ReplayResult replay = engine.replay(ReferralJson.readRecord(Path.of("decision-record.json")));
 * String json = ReplayJson.write(replay);
 * }</pre>
 */
public final class ReplayJson {
    private ReplayJson() {
    }

    /** The replay result as an indented document, ending with a line break. */
    public static String write(ReplayResult replay) {
        Objects.requireNonNull(replay, "replay");
        ObjectMapper mapper = ReferralJson.mapper();
        ObjectNode out = mapper.createObjectNode();
        out.put("schemaVersion", ReferralJson.SCHEMA_VERSION);
        out.put("identical", replay.identical());
        ArrayNode differences = out.putArray("differences");
        for (ReplayResult.Difference d : replay.differences()) {
            ObjectNode difference = differences.addObject();
            difference.put("what", d.what());
            if (d.recorded() != null) {
                difference.put("recorded", d.recorded());
            }
            if (d.now() != null) {
                difference.put("now", d.now());
            }
        }
        ObjectNode replayed = out.putObject("replayed");
        replayed.put("schemaVersion", ReferralJson.SCHEMA_VERSION);
        replayed.setAll((ObjectNode) mapper.valueToTree(replay.replayed()));
        try {
            return mapper.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the replay of " + replay.replayed().customerId(), e);
        }
    }
}
