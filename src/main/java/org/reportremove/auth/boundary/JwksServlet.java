package org.reportremove.auth.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.auth.control.TokenSigningKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Publishes the public token signing keys at {@code /.well-known/jwks.json}, for partners who verify our tokens.
 */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = TokenSigningKeys.load(ConfigProvider.getConfig()).publicSet().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/jwk-set+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
