package io.referralrules.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description the service serves ({@code /v3/api-docs}, {@code /v3/api-docs.yaml}), read through real HTTP
 * from the application on a random port: every {@code /v1} operation the controllers map is described, every body's
 * schema is a component equal to the contract's published JSON Schema, and every error answer is a problem document.
 */
class OpenApiDescriptionTest {
    /** Component name to the published schema file it must equal (the files in the json jar). */
    private static final Map<String, String> PUBLISHED = Map.of(
            "Snapshot", "snapshot.schema.json",
            "Assessment", "assessment.schema.json",
            "Decision", "decision.schema.json",
            "DecisionRecord", "decision-record.schema.json",
            "ReplayResult", "replay.schema.json");
    /** Components of the service's own (no published schema): problem documents, a batch's error line, playbooks. */
    private static final Set<String> OWN = Set.of("Problem", "BatchError", "TenantPlaybook");
    private static final Set<String> OPERATIONS = Set.of("POST /v1/assessments", "POST /v1/assessments:batch",
            "POST /v1/records", "POST /v1/records:replay", "GET /v1/playbooks");
    private static final List<String> BODY_ERRORS = List.of("400", "401", "403", "404", "413", "415");
    private static final List<String> GET_ERRORS = List.of("401", "403", "404");
    /** Numbers as written (1E30 stays a decimal, equal to 1E+30 and to its plain digits by value). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static ConfigurableApplicationContext server;
    private static HttpClient client;
    private static URI base;
    private static JsonNode description;

    @BeforeAll
    static void start() throws Exception {
        SpringApplication application = new SpringApplication(ReadinessServer.class);
        application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off"));
        server = application.run();
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        base = URI.create("http://127.0.0.1:" + port);
        client = HttpClient.newHttpClient();
        HttpResponse<String> answer = get("/v3/api-docs");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        description = JSON.readTree(answer.body());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void describesEveryV1OperationTheControllersMap() {
        RequestMappingHandlerMapping mappings = server.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/v1/")) {
                    info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method.name() + " " + pattern));
                }
            }
        }
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(OPERATIONS);
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(OPERATIONS);
        operations().forEach((name, operation) -> {
            assertThat(operation.path("summary").asText()).as(name).isNotBlank();
            assertThat(operation.path("tags").toString()).as(name).isEqualTo("[\"readiness\"]");
            assertThat(operation.path("description").asText()).as(name).isNotBlank();
            assertThat(operation.path("responses").path("200").path("content").size()).as(name).isEqualTo(1);
            assertThat(operation.path("security").toString()).as(name)
                    .isEqualTo("[{\"apiKey\":[]},{\"bearer\":[]}]");
            assertThat(parameterNames(operation)).as(name).contains("header Referral-Tenant");
            if (name.startsWith("POST")) {
                assertThat(operation.path("requestBody").path("required").asBoolean()).as(name).isTrue();
                assertThat(operation.path("requestBody").path("content").size()).as(name).isEqualTo(1);
            } else {
                assertThat(operation.has("requestBody")).as(name).isFalse();
            }
        });
    }

    @Test
    void bodiesHaveTheMediaTypesAndParametersOfTheContract() {
        Map<String, JsonNode> operations = operations();
        JsonNode single = operations.get("POST /v1/assessments");
        assertThat(single.at("/requestBody/content").fieldNames()).toIterable().containsExactly("application/json");
        assertThat(single.at("/responses/200/content").fieldNames()).toIterable().containsExactly("application/json");
        assertThat(refs(single.at("/responses/200/content/application~1json/schema")))
                .containsExactly("Assessment", "Decision");
        assertThat(parameterNames(single)).containsExactlyInAnyOrder("query asOf", "query detail",
                "header Referral-Tenant");
        JsonNode detail = parameter(single, "detail");
        assertThat(detail.path("required").asBoolean()).isFalse();
        assertThat(detail.at("/schema/enum").toString()).isEqualTo("[\"full\",\"decision\"]");
        assertThat(parameter(single, "asOf").at("/schema/format").asText()).isEqualTo("date");

        JsonNode batch = operations.get("POST /v1/assessments:batch");
        assertThat(refs(batch.at("/requestBody/content/application~1x-ndjson/schema"))).containsExactly("Snapshot");
        assertThat(refs(batch.at("/responses/200/content/application~1x-ndjson/schema")))
                .containsExactly("Assessment", "Decision", "BatchError");
        assertThat(parameterNames(batch)).contains("query asOf", "query detail", "query duplex");

        JsonNode records = operations.get("POST /v1/records");
        assertThat(refs(records.at("/requestBody/content/application~1json/schema"))).containsExactly("Snapshot");
        assertThat(refs(records.at("/responses/200/content/application~1json/schema")))
                .containsExactly("DecisionRecord");
        assertThat(parameterNames(records)).containsExactlyInAnyOrder("query asOf", "header Referral-Tenant");

        JsonNode replay = operations.get("POST /v1/records:replay");
        assertThat(refs(replay.at("/requestBody/content/application~1json/schema"))).containsExactly("DecisionRecord");
        assertThat(refs(replay.at("/responses/200/content/application~1json/schema"))).containsExactly("ReplayResult");

        JsonNode playbooks = operations.get("GET /v1/playbooks");
        assertThat(refs(playbooks.at("/responses/200/content/application~1json/schema")))
                .containsExactly("TenantPlaybook");
    }

    /**
     * OpenAPI 3.1's Schema Object is JSON Schema 2020-12 (with its {@code $schema}, {@code $id} and {@code $defs}), so
     * no key of a published schema is dropped: each component is compared with its file whole.
     */
    @Test
    void everyBodySchemaIsAComponentEqualToItsPublishedSchema() throws IOException {
        JsonNode components = description.at("/components/schemas");
        Set<String> referenced = new TreeSet<>();
        operations().forEach((name, operation) -> {
            List<JsonNode> bodies = new ArrayList<>();
            operation.path("requestBody").path("content").forEach(bodies::add);
            operation.path("responses").forEach(response -> response.path("content").forEach(bodies::add));
            for (JsonNode body : bodies) {
                List<String> refs = refs(body.path("schema"));
                assertThat(refs).as(name).isNotEmpty();
                referenced.addAll(refs);
            }
        });
        assertThat(referenced).contains("Snapshot", "Assessment", "Decision", "Problem");
        int published = 0;
        for (String component : referenced) {
            JsonNode schema = components.path(component);
            assertThat(schema.isObject()).as(component).isTrue();
            JsonNode file = PUBLISHED.containsKey(component) ? publishedSchema(PUBLISHED.get(component)) : null;
            if (file != null) {
                assertThat(schema).as(component).isEqualTo(file);
                published++;
            } else if (PUBLISHED.containsKey(component)) {
                // a body the contract publishes no schema for (yet): an object, said so
                assertThat(schema.path("type").asText()).as(component).isEqualTo("object");
                assertThat(schema.path("description").asText()).as(component).contains("no published JSON Schema");
            } else {
                assertThat(OWN).as(component).contains(component);
            }
        }
        assertThat(published).isGreaterThanOrEqualTo(3);
    }

    @Test
    void errorAnswersAreProblemDocuments() {
        operations().forEach((name, operation) -> {
            List<String> errors = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(status -> {
                if (!status.startsWith("2")) {
                    errors.add(status);
                }
            });
            assertThat(errors).as(name).containsExactlyElementsOf(name.startsWith("GET") ? GET_ERRORS : BODY_ERRORS);
            for (String status : errors) {
                JsonNode content = operation.path("responses").path(status).path("content");
                assertThat(content.fieldNames()).toIterable().as(name + " " + status)
                        .containsExactly("application/problem+json");
                assertThat(refs(content.path("application/problem+json").path("schema"))).as(name + " " + status)
                        .containsExactly("Problem");
            }
        });
        JsonNode problem = description.at("/components/schemas/Problem");
        assertThat(problem.path("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "path");
        assertThat(problem.path("required").toString()).contains("\"type\"", "\"title\"", "\"status\"", "\"detail\"");
    }

    @Test
    void aRealProblemAnswerFitsTheProblemSchema() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("/v1/assessments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(answer.body());
        JsonNode problem = description.at("/components/schemas/Problem");
        body.fieldNames().forEachRemaining(field -> assertThat(problem.path("properties").has(field)).as(field).isTrue());
        problem.path("required").forEach(field -> assertThat(body.has(field.asText())).as(field.asText()).isTrue());
        assertThat(body.path("status").asInt()).isEqualTo(401);
    }

    @Test
    void securitySchemesInfoAndLicence() throws IOException {
        JsonNode schemes = description.at("/components/securitySchemes");
        assertThat(schemes.fieldNames()).toIterable().containsExactlyInAnyOrder("apiKey", "bearer");
        assertThat(schemes.at("/apiKey/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/apiKey/in").asText()).isEqualTo("header");
        assertThat(schemes.at("/apiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(schemes.at("/bearer/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/bearer/bearerFormat").asText()).isEqualTo("JWT");

        assertThat(description.path("openapi").asText()).startsWith("3.1.");
        assertThat(description.at("/info/title").asText()).isNotBlank();
        assertThat(description.at("/info/license/identifier").asText()).isEqualTo("Apache-2.0");
        // the project version, as the engine puts it in every decision record
        CustomerSnapshot nobody = ReferralJson.readSnapshot("{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\","
                + " \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"}}", "nobody");
        String engineVersion = ReferralRules.engine().record(nobody, LocalDate.of(2026, 6, 15)).engineVersion();
        assertThat(engineVersion).doesNotContain("${");
        assertThat(description.at("/info/version").asText()).isEqualTo(engineVersion);
    }

    @Test
    void theYamlDescriptionIsTheSameDocument() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs.yaml");
        assertThat(answer.statusCode()).isEqualTo(200);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        assertThat(yaml.readTree(answer.body())).isEqualTo(description);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The described operations under /v1, as "METHOD /path". */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> found = new java.util.TreeMap<>();
        description.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/v1/")) {
                path.getValue().properties().forEach(method -> found.put(
                        method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), method.getValue()));
            }
        });
        return found;
    }

    /** The components a body schema refers to: itself a reference, or one of several. */
    private static List<String> refs(JsonNode schema) {
        List<String> refs = new ArrayList<>();
        if (schema.has("$ref")) {
            refs.add(component(schema.path("$ref").asText()));
        } else {
            schema.path("oneOf").forEach(choice -> {
                assertThat(choice.has("$ref")).as(choice.toString()).isTrue();
                refs.add(component(choice.path("$ref").asText()));
            });
        }
        return refs;
    }

    private static String component(String ref) {
        assertThat(ref).startsWith("#/components/schemas/");
        return ref.substring("#/components/schemas/".length());
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(p -> names.add(p.path("in").asText() + " " + p.path("name").asText()));
        return names;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    /** The published schema as the json jar ships it, or null if it ships none by that name. */
    private static JsonNode publishedSchema(String file) throws IOException {
        try (InputStream in = ReferralJson.class.getClassLoader()
                .getResourceAsStream("io/referralrules/json/schema/" + file)) {
            return in == null ? null : JSON.readTree(in);
        }
    }
}
