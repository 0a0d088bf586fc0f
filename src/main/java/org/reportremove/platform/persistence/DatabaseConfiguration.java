package org.reportremove.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one datasource. Its connection settings come from MicroProfile Config (read by
 * {@link ConfiguredDataSource}), so that the same build runs on the embedded H2 file database (the default)
 * or on PostgreSQL (set {@code REPORTREMOVE_DATASOURCE_URL}, {@code _USER}, {@code _PASSWORD}).
 *
 * <p>A request waits at most {@value #MAX_WAIT_MILLIS} ms for a pooled connection (the pool's default is a
 * minute); together with the driver's short connect timeout, a database that is away is answered with a 503
 * within seconds instead of holding every request thread.
 */
@Singleton
@DataSourceDefinition(
        name = DatabaseConfiguration.JNDI_NAME,
        className = "org.reportremove.platform.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=" + DatabaseConfiguration.MAX_WAIT_MILLIS
        })
public class DatabaseConfiguration {

    public static final String JNDI_NAME = "java:app/jdbc/reportremove";
    static final int MAX_WAIT_MILLIS = 5000;
}
