package org.reportremove.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.reportremove.platform.problem.SafeErrors;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema up to date at startup, before any request is served. Migrations live in
 * {@code db/migration/common} and, where SQL differs, {@code db/migration/postgresql} or {@code db/migration/h2}.
 * Several replicas starting at once are safe: Flyway takes a database lock while it migrates.
 */
@Startup
@Singleton
@DependsOn("StartupChecks")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    private volatile boolean done;

    @PostConstruct
    void migrate() {
        // Flyway names the JDBC URL (which may hold credentials) at INFO: keep its chatter out of the log.
        FLYWAY_LOG.setLevel(Level.WARNING);
        Flyway flyway = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendorFolder())
                .cleanDisabled(true)
                .load();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (RuntimeException e) {
            LOG.severe(() -> "event=database.migration-failed trace=" + SafeErrors.describe(e));
            // Payara Micro would stay up with the application undeployed; stop instead, so the failure shows.
            Runtime.getRuntime().halt(1);
            throw e;
        }
        done = true;
        LOG.info(() -> "event=database.migrated database=" + databaseName() + " applied=" + result.migrationsExecuted
                + " schemaVersion=" + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
    }

    /** True once the schema is up to date. */
    public boolean isDone() {
        return done;
    }

    /** The folder of migrations written for this database's SQL dialect. */
    private String vendorFolder() {
        try (Connection connection = dataSource.getConnection()) {
            return ConfiguredDataSource.DatabaseKind.of(connection.getMetaData().getURL()).name().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached to migrate it", e);
        }
    }

    private String databaseName() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().replace(' ', '_') + "_"
                    + connection.getMetaData().getDatabaseProductVersion().split(" ")[0];
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
