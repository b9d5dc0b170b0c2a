package io.referralrules.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Routes each line by the customer it shows, reading no more of it than the id (and an event's time) with Jackson's
 * streaming parser: the strict reading happens once, in {@link ReadinessFunction}. A line that shows no customer goes to
 * {@link ReadinessFunction#REJECTED}.
 */
final class ToInput extends ProcessFunction<String, Input> {
    private static final long serialVersionUID = 1L;
    private static final JsonFactory FACTORY = new JsonFactory();

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
        String id = null;
        String at = null;
        try (JsonParser parser = FACTORY.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an object");
            }
            // the top level's fields in turn, skipping what routing does not need; the strict reading comes later
            while (parser.nextToken() == JsonToken.FIELD_NAME && (id == null || !snapshots && at == null)) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!snapshots && name.equals("customerId") && value == JsonToken.VALUE_STRING) {
                    id = parser.getText();
                } else if (!snapshots && name.equals("occurredAt") && value == JsonToken.VALUE_STRING) {
                    at = parser.getText();
                } else if (snapshots && name.equals("customer") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken inner = parser.nextToken();
                        if (field.equals("id") && inner == JsonToken.VALUE_STRING) {
                            id = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (id == null) {
                ctx.output(ReadinessFunction.REJECTED, Rejections.line(null, source + ": $ is not valid JSON (no customer id)"));
                return;
            }
        }
        if (id == null || id.isBlank()) {
            ctx.output(ReadinessFunction.REJECTED, Rejections.line(null, source + ": "
                    + (snapshots ? "$.customer.id" : "$.customerId") + " is missing or not a non-blank string"));
            return;
        }
        long timestamp = Long.MIN_VALUE;
        if (at != null) {
            try {
                timestamp = OffsetDateTime.parse(at, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            } catch (RuntimeException e) {
                // the strict reader reports it, beside the customer
            }
        }
        out.collect(new Input(id, timestamp, source, line, snapshots));
    }
}
