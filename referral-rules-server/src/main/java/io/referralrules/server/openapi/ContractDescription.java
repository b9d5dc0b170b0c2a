package io.referralrules.server.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Puts the JSON contract into the OpenAPI description springdoc generates from the controllers. The controllers take
 * and give raw bytes (the contract's own Jackson 2 reader and writer), so springdoc cannot see the bodies: this
 * customizer registers the published JSON Schemas as components and sets, by path and method, each {@code /v1}
 * operation's request and answer content, its query parameters and tenant header, its problem answers
 * ({@code application/problem+json}) and its security (an API key or a bearer JWT). An operation the controllers do
 * not map is not described.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // swagger-core's model takes raw Schema maps and lists
final class ContractDescription implements OpenApiCustomizer {
    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";
    static final String API_KEY_HEADER = "X-Api-Key";
    static final String PROBLEM = "Problem";
    static final String BATCH_ERROR = "BatchError";
    static final String TENANT_PLAYBOOK = "TenantPlaybook";
    /** The one tag of the {@code /v1} operations (springdoc would name them after the controller class). */
    static final String TAG = "readiness";
    /** The statuses of the problem answers of an operation with a body. */
    static final List<Integer> BODY_ERRORS = List.of(400, 401, 403, 404, 413, 415);
    /** The statuses of the problem answers of an operation without a body. */
    static final List<Integer> GET_ERRORS = List.of(401, 403, 404);

    private static final Map<Integer, String> ERROR_MEANINGS = Map.of(
            400, "invalid input: the detail names what is wrong and `path` its JSON path (or the query parameter)",
            401, "no credential, or one that is not valid (an unknown API key; a JWT that is expired, badly signed or"
                    + " without the tenant claim)",
            403, "the credential is not for the tenant named in the tenant header",
            404, "the credential's tenant is not configured",
            413, "the body is larger than the configured limit (referral-rules.max-body-bytes, for a batch"
                    + " referral-rules.max-batch-bytes)",
            415, "a content type the operation does not take");

    private final String version;
    private final String tenantHeader;
    private final Map<String, PublishedSchema> published;

    /**
     * @param version      the service's version, for the description's info
     * @param tenantHeader the header naming the tenant a request acts for ({@code referral-rules.tenant-header})
     * @param published    the contract's published schemas by component name ({@link ContractSchemas#load})
     */
    ContractDescription(String version, String tenantHeader, Map<String, PublishedSchema> published) {
        this.version = Objects.requireNonNull(version, "version");
        this.tenantHeader = Objects.requireNonNull(tenantHeader, "tenantHeader");
        this.published = Map.copyOf(published);
    }

    /** One {@code /v1} operation as the service answers it. */
    record Endpoint(String path, PathItem.HttpMethod method, String summary, String description, Body request,
                    Body answer, List<Parameter> query, List<Integer> errors) {
    }

    /** A body: its media type, what it is, and the components its schema is one of. */
    record Body(String mediaType, String description, List<String> components) {
    }

    /** The {@code /v1} operations, in the order the description lists them. */
    List<Endpoint> endpoints() {
        Parameter asOf = new Parameter().in("query").name("asOf").required(false)
                .description("the day to assess on (yyyy-mm-dd); default today in referral-rules.business-zone")
                .schema(new JsonSchema().types(Set.of("string")).format("date"));
        Parameter detail = new Parameter().in("query").name("detail").required(false)
                .description("full (default): the assessment with its explanations; decision: the decision only, as"
                        + " the command line's --detail")
                .schema(new JsonSchema().types(Set.of("string"))._enum(List.<Object>of("full", "decision"))._default("full"));
        Parameter duplex = new Parameter().in("query").name("duplex").required(false)
                .description("false (default): the answers start once the whole body is read (they wait on disk meanwhile),"
                        + " for clients that send everything before reading; true: they start while the body is still being"
                        + " read, for clients that read while they send (curl)")
                .schema(new JsonSchema().types(Set.of("boolean"))._default(false));
        Body snapshot = new Body(JSON, "one customer's snapshot", List.of("Snapshot"));
        Body answer = new Body(JSON, "the assessment (detail=full) or the decision (detail=decision), as"
                + " ReferralJson.writeAssessment / writeDecision write it", List.of("Assessment", "Decision"));
        return List.of(
                new Endpoint("/v1/assessments", PathItem.HttpMethod.POST, "Assess one customer",
                        "One snapshot in, its assessment out, for the request's tenant.", snapshot, answer,
                        List.of(asOf, detail), BODY_ERRORS),
                new Endpoint("/v1/assessments:batch", PathItem.HttpMethod.POST, "Assess a book, streamed",
                        "NDJSON snapshots in, one line out per line in, in order, streamed both ways (memory stays"
                                + " flat). An entry that cannot be read or assessed gives an error line (its customer"
                                + " id when it shows one, its place, the problem) and the others go on.",
                        new Body(NDJSON, "one snapshot per line", List.of("Snapshot")),
                        new Body(NDJSON, "one line per snapshot, in order: the assessment or decision, or an error"
                                + " line", List.of("Assessment", "Decision", BATCH_ERROR)),
                        List.of(asOf, detail, duplex), BODY_ERRORS),
                new Endpoint("/v1/records", PathItem.HttpMethod.POST, "Assess one customer and keep the record",
                        "One snapshot in, its decision record out (the snapshot, the assessment, the playbook, rules"
                                + " and policy fingerprints), as ReferralJson.writeRecord writes it.", snapshot,
                        new Body(JSON, "the decision record", List.of("DecisionRecord")), List.of(asOf), BODY_ERRORS),
                new Endpoint("/v1/records:replay", PathItem.HttpMethod.POST, "Replay a decision record",
                        "A decision record in; the tenant's engine decides its snapshot again on its day and says"
                                + " whether the answer is identical, what differs, and the replayed assessment.",
                        new Body(JSON, "a decision record", List.of("DecisionRecord")),
                        new Body(JSON, "the replay result", List.of("ReplayResult")), List.of(), BODY_ERRORS),
                new Endpoint("/v1/playbooks", PathItem.HttpMethod.GET, "The tenant's playbook",
                        "The playbook id and version, the rules and policy fingerprints, the policy as PolicyJson"
                                + " writes it, and whether the tenant has host rules.", null,
                        new Body(JSON, "the tenant's playbook", List.of(TENANT_PLAYBOOK)), List.of(), GET_ERRORS));
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.info(new Info().title("referral-rules readiness service").version(version)
                .description("The referral-rules JSON contract over HTTP, per tenant: is a customer ready to be asked"
                        + " for a referral, what to do next, and why. Bodies follow the contract's published JSON"
                        + " Schemas (https://referralrules.io/schema/); errors are RFC 9457 problem documents.")
                .license(new License().name("Apache License 2.0").identifier("Apache-2.0")));
        openApi.tags(List.of(new Tag().name(TAG).description("a customer's readiness to be asked for a referral,"
                + " one at a time or a whole book, and decision records")));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(API_KEY_HEADER)
                .description("a tenant's API key (the service keeps its SHA-256 digest,"
                        + " referral-rules.security.api-keys.<tenant>)"));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("a JWT from the configured issuer (spring.security.oauth2.resourceserver.jwt.*); its claim"
                        + " referral-rules.security.tenant-claim (default tenant) names the tenant"));
        for (String component : ContractSchemas.BODIES.keySet()) {
            PublishedSchema schema = published.get(component);
            components.addSchemas(component, schema != null ? schema : unpublished(component));
        }
        components.addSchemas(PROBLEM, problem());
        components.addSchemas(BATCH_ERROR, batchError());
        components.addSchemas(TENANT_PLAYBOOK, tenantPlaybook());
        if (openApi.getPaths() == null) {
            return;
        }
        for (Endpoint endpoint : endpoints()) {
            PathItem item = openApi.getPaths().get(endpoint.path());
            Operation operation = item == null ? null : item.readOperationsMap().get(endpoint.method());
            if (operation != null) {
                describe(operation, endpoint);
            }
        }
    }

    private void describe(Operation operation, Endpoint endpoint) {
        operation.summary(endpoint.summary()).description(endpoint.description()).tags(List.of(TAG));
        List<Parameter> parameters = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        endpoint.query().forEach(p -> ours.add(p.getName()));
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> !ours.contains(p.getName())
                    && !tenantHeader.equalsIgnoreCase(p.getName())).forEach(parameters::add);
        }
        parameters.addAll(endpoint.query());
        parameters.add(new Parameter().in("header").name(tenantHeader).required(false)
                .description("the tenant the request acts for; default the credential's tenant. Naming another"
                        + " tenant than the credential's is a 403")
                .schema(new JsonSchema().types(Set.of("string"))));
        operation.parameters(parameters);
        if (endpoint.request() != null) {
            operation.requestBody(new RequestBody().required(true).description(endpoint.request().description())
                    .content(content(endpoint.request())));
        } else {
            operation.requestBody(null);
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", new ApiResponse().description(endpoint.answer().description())
                .content(content(endpoint.answer())));
        for (int status : endpoint.errors()) {
            responses.addApiResponse(Integer.toString(status), new ApiResponse().description(ERROR_MEANINGS.get(status))
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM)))));
        }
        operation.responses(responses);
        operation.security(List.of(new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(BEARER)));
    }

    private static Content content(Body body) {
        Schema<?> schema;
        if (body.components().size() == 1) {
            schema = ref(body.components().get(0));
        } else {
            List<Schema> choices = new ArrayList<>();
            body.components().forEach(c -> choices.add(ref(c)));
            schema = new JsonSchema().oneOf(choices);
        }
        return new Content().addMediaType(body.mediaType(), new MediaType().schema(schema));
    }

    private static Schema<?> ref(String component) {
        return new JsonSchema().$ref("#/components/schemas/" + component);
    }

    private static Schema<?> string(String description) {
        return new JsonSchema().types(Set.of("string")).description(description);
    }

    /** A body the contract has no published JSON Schema for (yet): an object, said so. */
    private static Schema<?> unpublished(String component) {
        return new JsonSchema().types(Set.of("object")).title(component)
                .description("written and read by io.referralrules.json; no published JSON Schema ("
                        + ContractSchemas.BODIES.get(component) + ") in this version of the contract");
    }

    /** RFC 9457's problem document, plus {@code path}. */
    static Schema<?> problem() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("a URI naming the kind of problem; about:blank when the status says it all")
                .format("uri-reference"));
        properties.put("title", string("a short, fixed summary of the kind of problem"));
        properties.put("status", new JsonSchema().types(Set.of("integer")).description("the HTTP status"));
        properties.put("detail", string("what went wrong for this request; ids, dates, enum names and numbers may be"
                + " quoted, never free text from the request"));
        properties.put("instance", string("the request's path"));
        properties.put("path", string("for invalid input (400): the JSON path of the bad value, or the query"
                + " parameter"));
        return new JsonSchema().types(Set.of("object")).title("problem (RFC 9457)").properties(properties)
                .required(List.of("type", "title", "status", "detail"));
    }

    /** The line a batch gives for an entry that cannot be read or assessed. */
    static Schema<?> batchError() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("schemaVersion", new JsonSchema()._const(1));
        properties.put("customerId", string("the entry's customer id, when the entry shows one"));
        properties.put("location", string("the entry's place in the batch (batch.ndjson:17)"));
        properties.put("error", string("what is wrong, with the JSON path; never free text from the entry"));
        return new JsonSchema().types(Set.of("object")).title("a batch entry that failed").properties(properties)
                .required(List.of("schemaVersion", "location", "error")).additionalProperties(Boolean.FALSE);
    }

    /** The answer of {@code GET /v1/playbooks}. */
    static Schema<?> tenantPlaybook() {
        Map<String, Schema> playbook = new LinkedHashMap<>();
        playbook.put("id", string("the playbook's id (a bundled one, or the host playbook's)"));
        playbook.put("version", string("its version"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("tenant", string("the tenant's id"));
        properties.put("playbook", new JsonSchema().types(Set.of("object")).properties(playbook)
                .required(List.of("id", "version")));
        properties.put("hostRules", new JsonSchema().types(Set.of("boolean"))
                .description("whether the tenant's playbook has host DRL"));
        properties.put("rulesHash", string("the fingerprint of the rules, as in a decision record"));
        properties.put("policyHash", string("the fingerprint of the policy, as in a decision record"));
        properties.put("policy", new JsonSchema().types(Set.of("object"))
                .description("every threshold of the tenant's policy, as PolicyJson.write writes it"));
        return new JsonSchema().types(Set.of("object")).title("a tenant's playbook").properties(properties)
                .required(List.of("tenant", "playbook", "hostRules", "rulesHash", "policyHash", "policy"));
    }
}
