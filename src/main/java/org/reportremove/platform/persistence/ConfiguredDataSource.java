package org.reportremove.platform.persistence;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A connection factory that reads its settings from MicroProfile Config and picks its JDBC driver from the URL,
 * so that setting one variable ({@code REPORTREMOVE_DATASOURCE_URL}) switches between the embedded H2 database
 * and PostgreSQL. The container pools the connections it makes.
 *
 * <p>The settings are read here, with the application's class loader, rather than in the
 * {@code @DataSourceDefinition}: the container resolves annotation values before the application's own
 * configuration file is visible, so the defaults would be missing.
 */
public class ConfiguredDataSource implements DataSource {

    /**
     * How long to wait for a new connection. The driver's default (10 s) kept every request waiting that long while
     * the database was away; a short wait lets the service answer 503 quickly and the caller retry.
     */
    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 3;

    private volatile Settings settings;
    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        Settings current = settings();
        return getConnection(current.user, current.password);
    }

    private Settings settings() {
        Settings current = settings;
        if (current == null) {
            Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
            current = new Settings(config.getValue("reportremove.datasource.url", String.class),
                    config.getOptionalValue("reportremove.datasource.user", String.class).orElse(null),
                    config.getOptionalValue("reportremove.datasource.password", String.class).orElse(null),
                    config.getOptionalValue("reportremove.datasource.connect-timeout-seconds", Integer.class)
                            .filter(seconds -> seconds > 0).orElse(DEFAULT_CONNECT_TIMEOUT_SECONDS));
            settings = current;
        }
        return current;
    }

    private record Settings(String url, String user, String password, int connectTimeoutSeconds) {
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        if (DatabaseStartupWait.reached()) {
            return connect(username, secret);
        }
        Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
        return DatabaseStartupWait.firstConnection(() -> connect(username, secret),
                config.getOptionalValue(DatabaseStartupWait.SETTING, Long.class).orElse(60L));
    }

    private Connection connect(String username, String secret) throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (secret != null) {
            properties.setProperty("password", secret);
        }
        Settings current = settings();
        DatabaseKind kind = DatabaseKind.of(current.url);
        Connection connection = kind.driver().connect(current.url,
                kind.withSafeDefaults(properties, current.connectTimeoutSeconds));
        if (connection == null) {
            throw new SQLException("The database URL is not accepted by its driver", "08001");
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Driver logging stays off: it could print statements and their values.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** The databases the service runs on, told apart by their JDBC URL. */
    public enum DatabaseKind {
        POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver"),
        H2("jdbc:h2:", "org.h2.Driver");

        private final String prefix;
        private final String driverClass;

        DatabaseKind(String prefix, String driverClass) {
            this.prefix = prefix;
            this.driverClass = driverClass;
        }

        public static DatabaseKind of(String url) {
            if (url != null) {
                for (DatabaseKind kind : values()) {
                    if (url.startsWith(kind.prefix)) {
                        return kind;
                    }
                }
            }
            throw new IllegalStateException("reportremove.datasource.url must start with jdbc:postgresql: or jdbc:h2:");
        }

        Driver driver() throws SQLException {
            try {
                return (Driver) Class.forName(driverClass, true, ConfiguredDataSource.class.getClassLoader())
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new SQLException("The JDBC driver for " + name() + " is not available", "08001", e);
            }
        }

        Properties withSafeDefaults(Properties properties, int connectTimeoutSeconds) {
            if (this == POSTGRESQL) {
                properties.putIfAbsent("connectTimeout", Integer.toString(connectTimeoutSeconds));
                properties.putIfAbsent("loginTimeout", Integer.toString(connectTimeoutSeconds));
                // PostgreSQL repeats the offending values in error details ("Key (x)=(...) already exists");
                // those messages can reach logs, so ask the server to leave the details out.
                properties.putIfAbsent("logServerErrorDetail", "false");
                properties.putIfAbsent("ApplicationName", "report-remove");
            }
            return properties;
        }
    }
}
