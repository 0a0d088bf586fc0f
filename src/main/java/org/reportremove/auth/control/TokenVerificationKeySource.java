package org.reportremove.auth.control;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Gives MicroProfile JWT the public half of the token signing keys as {@code mp.jwt.verify.publickey}, so the
 * service verifies exactly the tokens it issues, with no key file to keep in step and no call to itself.
 */
public class TokenVerificationKeySource implements ConfigSource {

    static final String KEY = "mp.jwt.verify.publickey";
    private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> false);

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        String value = getValue(KEY);
        return value == null ? Map.of() : Map.of(KEY, value);
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEY.equals(propertyName) || RESOLVING.get()) {
            return null;
        }
        // Reading the keys reads configuration, which asks every source again, this one included.
        RESOLVING.set(true);
        try {
            return TokenSigningKeys.load(ConfigProvider.getConfig(TokenVerificationKeySource.class.getClassLoader()))
                    .publicSet().toString();
        } catch (IllegalStateException e) {
            // No usable keys (production without configured keys): leave verification without a key, so no
            // token is accepted, and let the startup checks stop the service with the reason.
            return null;
        } finally {
            RESOLVING.set(false);
        }
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    @Override
    public String getName() {
        return "report-remove-token-keys";
    }
}
