package org.reportremove.platform.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import org.reportremove.platform.problem.Problem;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Every form body (the token endpoint's) is read here rather than by the runtime's own form reader: the whole
 * body, exactly as long as it said it was, in its charset (UTF-8 unless it names another), with valid
 * {@code %} escapes, and no control characters in any field ({@link FormFields}).
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormBodyReader implements MessageBodyReader<MultivaluedMap<String, String>> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MultivaluedMap.class && mediaType != null
                && mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType,
                                                   Annotation[] annotations, MediaType mediaType,
                                                   MultivaluedMap<String, String> httpHeaders,
                                                   InputStream entityStream) throws IOException {
        byte[] body = JsonBodyReader.readWhole(entityStream, httpHeaders);
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        Charset charset;
        try {
            charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the form as application/x-www-form-urlencoded in UTF-8."));
        }
        MultivaluedMap<String, String> form = parse(new String(body, charset), charset);
        FormFields.check(toArrays(form));
        return form;
    }

    static MultivaluedMap<String, String> parse(String body, Charset charset) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String fieldName = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                form.add(fieldName, value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("(body)",
                        "must be name=value pairs joined by '&', every '%' beginning an escape of two hexadecimal digits");
            }
        }
        return form;
    }

    private static Map<String, String[]> toArrays(MultivaluedMap<String, String> form) {
        Map<String, String[]> fields = new java.util.HashMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            fields.put(field.getKey(), field.getValue().toArray(new String[0]));
        }
        return fields;
    }
}
