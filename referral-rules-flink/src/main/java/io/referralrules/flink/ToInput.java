package io.referralrules.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Routes each line by the customer it shows, reading no more of it than the id (and an event's time): the strict
 * reading happens once, in {@link ReadinessFunction}. A line that shows no customer goes to
 * {@link ReadinessFunction#REJECTED}.
 */
final class ToInput extends ProcessFunction<String, Input> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String source;
    private final boolean snapshots;

    ToInput(String source, boolean snapshots) {
        this.source = source;
        this.snapshots = snapshots;
    }

    @Override
    public void processElement(String line, Context ctx, Collector<Input> out) {
        if (line.isBlank()) {
            return;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (Exception e) {
            ctx.output(ReadinessFunction.REJECTED, Rejections.line(null, source + ": $ is not valid JSON (no customer id)"));
            return;
        }
        JsonNode id = snapshots ? root.path("customer").path("id") : root.path("customerId");
        if (!id.isTextual() || id.asText().isBlank()) {
            ctx.output(ReadinessFunction.REJECTED, Rejections.line(null, source + ": "
                    + (snapshots ? "$.customer.id" : "$.customerId") + " is missing or not a non-blank string"));
            return;
        }
        long timestamp = Long.MIN_VALUE;
        JsonNode at = root.path("occurredAt");
        if (!snapshots && at.isTextual()) {
            try {
                timestamp = OffsetDateTime.parse(at.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            } catch (RuntimeException e) {
                // the strict reader reports it, beside the customer
            }
        }
        out.collect(new Input(id.asText(), timestamp, source, line, snapshots));
    }
}
