package org.reportremove.platform.json;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the whole application. The static {@code jakarta.json.Json} methods look the provider
 * up through the class loaders on every call, under a lock; under load that lookup was where case submissions
 * spent most of their time waiting.
 *
 * <p>Every reader and parser it makes refuses documents nested deeper than {@link #MAX_DEPTH}. Our documents are
 * a few levels deep; the library's own limit (1,000) lets a request body or a bundle line of brackets reach code
 * that recurses once per level, deep enough to exhaust the thread's stack.
 */
public final class JsonDocuments {

    /** The deepest nesting of objects and arrays any document we read may have. */
    public static final int MAX_DEPTH = 32;

    /** The JSON-P implementation's name for its nesting limit (Parsson, as Payara ships it). */
    static final String MAX_DEPTH_PROPERTY = "org.eclipse.parsson.maxDepth";

    public static final JsonProvider JSON = new BoundedJsonProvider(JsonProvider.provider(), MAX_DEPTH);

    private JsonDocuments() {
    }
}
