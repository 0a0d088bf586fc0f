package org.reportremove.agecheck.control;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a provider's key set from a file (for example a mounted secret), through the same caching and refetching
 * as a key set fetched by URL: the file is read again when an attestation names a key id it does not hold.
 */
final class JwksFileRetriever implements ResourceRetriever {

    /** A key set is a few kilobytes; anything much larger is not one. */
    private static final long MAX_BYTES = 1024 * 1024;

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        try {
            Path file = Path.of(url.toURI());
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("key set file over " + MAX_BYTES + " bytes");
            }
            return new Resource(Files.readString(file, StandardCharsets.UTF_8), "application/json");
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("not a file address", e);
        }
    }
}
