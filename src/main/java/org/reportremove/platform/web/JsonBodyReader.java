package org.reportremove.platform.web;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import org.reportremove.platform.json.StrictJson;
import org.reportremove.platform.problem.BodyTooLargeException;
import org.reportremove.platform.problem.Problem;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;
import org.reportremove.platform.validation.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;

/**
 * Every JSON request body, for every endpoint, is read here (request bodies are records; the reader is declared
 * for {@link Record} so that it comes before the general JSON-B reader, which is declared for any object): the
 * whole body, exactly as long as it said it was, strictly checked by {@link StrictJson} (one document, not nested too deep, every value of its property's JSON
 * type, no control characters), and only then bound with JSON-B. A body that fails changes nothing: the resource
 * method is never called.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "text/json", "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<Record> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Context
    Providers providers;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && type.isRecord();
    }

    static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return false;
        }
        String subtype = mediaType.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = readWhole(entityStream, httpHeaders);
        String text = decode(body, charsetOf(mediaType));
        JsonValue document = StrictJson.readDocument(new java.io.StringReader(text));
        List<FieldError> mismatches = StrictJson.mismatches(document, genericType);
        if (!mismatches.isEmpty()) {
            throw ProblemException.invalidFields(mismatches);
        }
        return jsonb(type).fromJson(text, genericType);
    }

    /** The body, all of it: a body that stops short of its declared length is not the one the client meant. */
    static byte[] readWhole(InputStream entityStream, MultivaluedMap<String, String> httpHeaders) throws IOException {
        byte[] body;
        try {
            body = entityStream.readAllBytes();
        } catch (BodyTooLargeException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonException("the body could not be read to its end", e);
        }
        String declared = httpHeaders.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && !declared.trim().equals(Integer.toString(body.length))) {
            throw new JsonException("the body ended before its declared length");
        }
        return body;
    }

    private Jsonb jsonb(Class<?> type) {
        if (providers != null) {
            ContextResolver<Jsonb> resolver = providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE);
            Jsonb configured = resolver == null ? null : resolver.getContext(type);
            if (configured != null) {
                return configured;
            }
        }
        return JSONB;
    }

    private static Charset charsetOf(MediaType mediaType) {
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send JSON as application/json in UTF-8."));
        }
    }

    private static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonException("the body is not text in its declared character set");
        }
    }
}
