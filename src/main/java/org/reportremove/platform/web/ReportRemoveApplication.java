package org.reportremove.platform.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/**
 * The REST API under {@code /api/v1}: young people's resources at {@code /api/v1/accounts}, {@code /age-checks}
 * and so on, every other audience's under {@code /api/v1/<audience>}. Each resource class names its audience
 * ({@link AudienceApi}) and role. Access tokens are MicroProfile JWTs issued by the service; their
 * {@code groups} claim carries the audience's role.
 */
@ApplicationPath("api")
// A bean, so that CDI sees @LoginConfig with annotated discovery and MP-JWT switches on.
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.YOUNG_PERSON, Roles.COUNSELLOR, Roles.ANALYST_EXCHANGE, Roles.OPERATOR,
        Roles.PLATFORM})
@OpenAPIDefinition(info = @Info(title = "Report Remove companion service", version = "1",
        description = "Young people report their own imagery by its hashes, never the imagery itself, and follow "
                + "its removal. Every error is an RFC 9457 application/problem+json document."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
public class ReportRemoveApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // No generated WADL: OPTIONS answers nothing beyond CORS, and /openapi is the description.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
