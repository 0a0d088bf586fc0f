package org.reportremove.platform.json;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the whole application. The static {@code jakarta.json.Json} methods look the provider
 * up through the class loaders on every call, under a lock; under load that lookup was where case submissions
 * spent most of their time waiting.
 */
public final class JsonDocuments {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonDocuments() {
    }
}
