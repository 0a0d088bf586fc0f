package org.reportremove.platform.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the generated {@code /openapi} document one that OpenAPI 3 validators and client generators accept, and
 * states what holds for every operation once instead of on each method (registered with {@code mp.openapi.filter}):
 * <ul>
 *   <li>Payara Micro adds a top-level {@code endpoints} member that OpenAPI does not have, and lists a tag once per
 *   resource class that names it: the member goes, each tag stays once.</li>
 *   <li>Path parameters are always required (OpenAPI demands {@code required: true}); Payara writes false.</li>
 *   <li>An operation that names no security requirement needs no token: it gets an explicitly empty one, so a
 *   reader never has to guess. An operation that needs a bearer token can also answer 401 and 403.</li>
 *   <li>Every error is an RFC 9457 problem document: each 4xx and 5xx response gets the
 *   {@code application/problem+json} content with the {@code Problem} schema.</li>
 * </ul>
 */
public class OpenApiDocumentFilter implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";
    private static final String BEARER = "bearer";

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.PATH) {
            parameter.setRequired(true);
        }
        return parameter;
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean bearer = operation.getSecurity().stream().anyMatch(requirement -> requirement.hasScheme(BEARER));
        if (bearer) {
            addIfMissing(responses, "401", "No valid access token (unauthenticated)");
            addIfMissing(responses, "403", "The access token's role may not do this (forbidden)");
        }
        Map<String, APIResponse> all = responses.getAPIResponses();
        if (all != null) {
            all.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    response.setContent(problemContent(response.getContent()));
                }
            });
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        removePayaraEndpoints(openAPI);
        if (openAPI.getTags() != null) {
            Map<String, Tag> once = new LinkedHashMap<>();
            openAPI.getTags().forEach(tag -> once.putIfAbsent(tag.getName(), tag));
            openAPI.setTags(new ArrayList<>(once.values()));
        }
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    /** The problem content, keeping the examples an operation gave for it (a problem a client should know). */
    private static Content problemContent(Content given) {
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_SCHEMA));
        if (given != null && given.getMediaTypes() != null) {
            given.getMediaTypes().values().stream()
                    .filter(media -> media.getExamples() != null && !media.getExamples().isEmpty())
                    .findFirst().ifPresent(media -> problem.setExamples(media.getExamples()));
        }
        return OASFactory.createContent().addMediaType(PROBLEM_JSON, problem);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document; some types add members of their own (invalid-fields"
                        + " lists the fields, internal-error names an error id)")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("The problem type, listed in docs/api/problems.md"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().type(Schema.SchemaType.STRING));
    }

    /**
     * Payara's document model carries the non-standard {@code endpoints} member outside the MicroProfile model, so
     * neither a setting nor the filter API reaches it; its serializer leaves out empty members, so emptying it here
     * takes it out of the document. On a runtime without the member there is nothing to do.
     */
    private static void removePayaraEndpoints(OpenAPI openAPI) {
        try {
            Method setter = openAPI.getClass().getMethod("setEndpoints", Map.class);
            setter.invoke(openAPI, new LinkedHashMap<String, Object>());
        } catch (NoSuchMethodException e) {
            // Not Payara's model: no such member to remove.
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The OpenAPI document's endpoints member could not be removed", e);
        }
    }
}
