package org.reportremove.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.reportremove.platform.persistence.DatabaseConfiguration;
import org.reportremove.platform.persistence.DatabaseMigrations;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready to serve when the schema is migrated and the database answers.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DatabaseMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        boolean migrated = migrations.isDone();
        boolean reachable = reachable();
        return HealthCheckResponse.named("database")
                .status(migrated && reachable)
                .withData("migrated", migrated)
                .withData("reachable", reachable)
                .build();
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
