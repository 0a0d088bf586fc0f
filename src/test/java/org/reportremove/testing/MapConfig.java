package org.reportremove.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * MicroProfile Config over a map of strings, for plain tests of code that reads its settings itself.
 */
public final class MapConfig implements Config {

    private final Map<String, String> values;

    public MapConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(NoSuchElementException::new);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    /** Text as it is; booleans and whole numbers converted as MicroProfile Config would. */
    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(text -> type.cast(
                type == Boolean.class ? Boolean.valueOf(text.trim())
                        : type == Integer.class ? Integer.valueOf(text.trim())
                        : type == Long.class ? Long.valueOf(text.trim())
                        : text));
    }

    /** Comma-separated lists of text, as MicroProfile Config splits them. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<List<T>> getOptionalValues(String name, Class<T> type) {
        if (type != String.class) {
            throw new UnsupportedOperationException("lists of text only");
        }
        return Optional.ofNullable(values.get(name))
                .map(text -> (List<T>) List.of(text.trim().split("\\s*,\\s*")));
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
