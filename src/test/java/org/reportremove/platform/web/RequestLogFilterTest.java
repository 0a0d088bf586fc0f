package org.reportremove.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLogFilterTest {

    @Test
    void routeKeepsPlainWordsAndMasksEverythingElse() {
        assertEquals("/api/v1/cases/*/items", RequestLogFilter.route("/api/v1/cases/RR-7K3P-9QX2-M4TD/items"));
        assertEquals("/api/v1/*", RequestLogFilter.route("/api/v1/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertEquals("/api/*", RequestLogFilter.route("/api/https%3A%2F%2Fexample.com%2Fphoto"));
        assertEquals("/*", RequestLogFilter.route("/Alice%20Smith"));
        assertEquals("/", RequestLogFilter.route("/"));
        assertEquals("/", RequestLogFilter.route(null));
        assertEquals("/api/v1/*", RequestLogFilter.route("/api/v1/d41d8cd98f00b204e9800998ecf8427e"));
        assertEquals("/api/v1/*", RequestLogFilter.route("/api/v1/abcdefabcdefabcdefabcdefabcdefab"));
    }

    @Test
    void imageryIsRecognisedByMediaTypeWhateverItsCase() {
        assertTrue(HashesOnlyFilter.carriesImagery("image/jpeg"));
        assertTrue(HashesOnlyFilter.carriesImagery("VIDEO/mp4"));
        assertTrue(HashesOnlyFilter.carriesImagery(" multipart/form-data; boundary=x"));
        assertTrue(HashesOnlyFilter.carriesImagery("application/octet-stream"));
        assertFalse(HashesOnlyFilter.carriesImagery("application/json"));
        assertFalse(HashesOnlyFilter.carriesImagery(null));
    }
}
