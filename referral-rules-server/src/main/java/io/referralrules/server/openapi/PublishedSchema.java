package io.referralrules.server.openapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * One of the contract's published JSON Schemas as a component of the OpenAPI description, written out exactly as
 * published. swagger-core's own schema model would not keep it so: it sorts {@code required} and drops the names it
 * does not find among {@code properties}, and its writer writes decimals in plain notation. So the document itself is
 * kept and written in place of the model (as JSON and as YAML alike); the model's title, description and type are
 * filled in for whoever reads the model.
 */
@JsonSerialize(using = PublishedSchema.Writer.class)
final class PublishedSchema extends Schema<Object> {
    private final String file;
    private final JsonNode document;

    PublishedSchema(String file, JsonNode document) {
        super(null, null, SpecVersion.V31);
        this.file = Objects.requireNonNull(file, "file");
        this.document = Objects.requireNonNull(document, "document").deepCopy();
        setTitle(document.path("title").asText(null));
        setDescription(document.path("description").asText(null));
        if (document.path("type").isTextual()) {
            addType(document.path("type").asText());
        }
    }

    /** The file's name among the json jar's schemas, e.g. {@code snapshot.schema.json}. */
    String file() {
        return file;
    }

    /** The published document (a copy). */
    JsonNode document() {
        return document.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishedSchema other && file.equals(other.file) && document.equals(other.document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, document);
    }

    /** Writes the published document in place of the model. */
    static final class Writer extends StdSerializer<PublishedSchema> {
        Writer() {
            super(PublishedSchema.class);
        }

        @Override
        public void serialize(PublishedSchema value, JsonGenerator out, SerializerProvider provider) throws IOException {
            write(value.document, out);
        }

        /**
         * Writes a node as it was read. Numbers are written as their text, because the description's writer writes
         * decimals in plain notation ({@code 1E+30} as 31 digits): the same value, but not the published text.
         */
        private static void write(JsonNode node, JsonGenerator out) throws IOException {
            if (node.isObject()) {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    write(field.getValue(), out);
                }
                out.writeEndObject();
            } else if (node.isArray()) {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(element, out);
                }
                out.writeEndArray();
            } else if (node.isNumber()) {
                out.writeNumber(node.numberValue().toString());
            } else if (node.isTextual()) {
                out.writeString(node.textValue());
            } else if (node.isBoolean()) {
                out.writeBoolean(node.booleanValue());
            } else {
                out.writeNull();
            }
        }
    }
}
