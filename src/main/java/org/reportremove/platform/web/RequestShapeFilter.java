package org.reportremove.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reportremove.platform.problem.Problem;
import org.reportremove.platform.problem.ProblemType;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses requests whose form is wrong before anything reads them, the same way for every address:
 *
 * <ul>
 * <li>an address whose {@code %} escapes are not two hexadecimal digits, or that decodes to a control
 * character, is a 400 ({@code invalid-parameter});</li>
 * <li>a body must say exactly what it is: a body without {@code Content-Type}, with a wildcard
 * ({@code *}{@code /*}, {@code application/*}) or a media type that does not parse, is a 415; so is a
 * {@code charset} this server does not know. Requests without a body (no length, or length 0, and not chunked)
 * need no {@code Content-Type}, so commands such as {@code POST /api/v1/age-checks} keep working.</li>
 * <li>{@code TRACE} (and the older {@code TRACK}) is a 405 at every address. The runtime lets {@code TRACE}
 * through to the application (a refusal by the runtime itself would be an empty answer without a problem
 * document or a request id), so this is the one place that must refuse it: the container's default servlet
 * would otherwise echo the request, {@code Authorization} header included.</li>
 * </ul>
 *
 * Nothing of the request is logged or repeated in the answer.
 */
public class RequestShapeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** What any address of the service may answer to; the resource behind it may take fewer. */
    static final String METHODS_IN_USE = "GET, HEAD, POST, PUT, DELETE, OPTIONS";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (echoing(request.getMethod())) {
            response.setHeader("Allow", METHODS_IN_USE);
            ProblemWriter.write(response, Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                    "This service does not echo requests; the Allow header lists the methods it uses."));
            return;
        }
        if (!wellFormedTarget(request.getRequestURI()) || !wellFormedTarget(request.getQueryString())) {
            ProblemWriter.write(response, Problem.of(ProblemType.INVALID_PARAMETER,
                    "The address is not valid: every % must begin an escape of two hexadecimal digits, and no"
                            + " escape may stand for a control character."));
            return;
        }
        if (carriesBody(request) && !concreteMediaType(request.getContentType())) {
            ProblemWriter.write(response, Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Say what the body is with one exact Content-Type, without wildcards and with a known charset:"
                            + " application/json for JSON bodies, or the type the endpoint documents."));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean echoing(String method) {
        return method.equals("TRACE") || method.equals("TRACK");
    }

    static boolean carriesBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Every {@code %} begins an escape of two hex digits that is not a control character (nor DEL). */
    static boolean wellFormedTarget(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
            if (c != '%') {
                continue;
            }
            if (i + 2 >= raw.length()) {
                return false;
            }
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return false;
            }
            int decoded = high * 16 + low;
            if (decoded < 0x20 || decoded == 0x7f) {
                return false;
            }
            i += 2;
        }
        return true;
    }

    /** {@code type/subtype} without wildcards, with parameters that parse and a charset this JVM knows. */
    static boolean concreteMediaType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        String[] type = parts[0].trim().split("/", -1);
        if (type.length != 2 || !TOKEN.matcher(type[0]).matches() || !TOKEN.matcher(type[1]).matches()
                || type[0].contains("*") || type[1].contains("*")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                return false;
            }
            String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = parameter.substring(equals + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (name.equals("charset") && !knownCharset(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean knownCharset(String name) {
        try {
            return !name.isEmpty() && Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
