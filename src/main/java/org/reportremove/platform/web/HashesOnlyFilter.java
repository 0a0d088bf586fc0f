package org.reportremove.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.platform.problem.BodyTooLargeException;
import org.reportremove.platform.problem.Problem;
import org.reportremove.platform.problem.ProblemType;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The door. Requests that carry imagery (or anything that could be: images, videos, multipart forms, raw
 * octets) are refused with a 415 before a byte of the body is read; the service accepts hashes only. Bodies
 * over the configured limit get a 413: at once when the declared length is too long, and otherwise as soon
 * as reading passes the limit, so a body is never held in memory beyond it.
 *
 * <p>A few operator paths take bulk data and have a larger limit of their own, listed in {@link #LARGER_LIMITS}
 * (path to configuration key). The imagery refusal holds for every path.
 */
public class HashesOnlyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HashesOnlyFilter.class.getName());

    /** The paths whose body limit is set by their own key instead of {@code reportremove.http.max-body-bytes}. */
    static final Map<String, String> LARGER_LIMITS = Map.of(
            "/api/v1/operator/known-signals", "reportremove.signals.import.max-body-bytes",
            "/api/v1/analyst/results", "reportremove.analysts.results.max-body-bytes",
            "/api/v1/operator/analyst-bundles/results", "reportremove.analysts.bundles.max-body-bytes");

    private long maxBodyBytes;
    private Map<String, Long> largerLimits;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        maxBodyBytes = config.getValue("reportremove.http.max-body-bytes", Long.class);
        Map<String, Long> limits = new HashMap<>();
        LARGER_LIMITS.forEach((path, key) -> limits.put(path, config.getValue(key, Long.class)));
        largerLimits = Map.copyOf(limits);
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return largerLimits.getOrDefault(path, maxBodyBytes);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (carriesImagery(request.getContentType())) {
            LOG.info("event=http.imagery-refused");
            // The body is not read; closing the connection means the client cannot keep streaming it to us.
            response.setHeader("Connection", "close");
            ProblemWriter.write(response, Problem.of(ProblemType.IMAGERY_REFUSED,
                    "Never send images or videos. Send the hashes that the app makes on your device instead."));
            return;
        }
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setHeader("Connection", "close");
            ProblemWriter.write(response, Problem.of(ProblemType.BODY_TOO_LARGE,
                    "The request body is over the limit of " + limit + " bytes."));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    static boolean carriesImagery(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        return type.startsWith("image/") || type.startsWith("video/") || type.startsWith("multipart/")
                || type.startsWith("application/octet-stream");
    }

    /** A request whose body stream fails once more than the limit has been read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
