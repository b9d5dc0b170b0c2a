package io.referralrules.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The lines of the rejected output: which customer, what is wrong (the strict readers' messages, no free text). */
final class Rejections {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Rejections() {
    }

    static String line(String customerId, String problem) {
        ObjectNode out = MAPPER.createObjectNode();
        if (customerId != null) {
            out.put("customerId", customerId);
        }
        out.put("problem", problem);
        return out.toString();
    }
}
