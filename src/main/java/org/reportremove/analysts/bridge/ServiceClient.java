package org.reportremove.analysts.bridge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service's analyst API, with an access token got by a signed client assertion (private_key_jwt) and
 * renewed before it runs out.
 */
final class ServiceClient {

    private final URI base;
    private final String clientId;
    private final ECKey clientKey;
    private final String audience;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    ServiceClient(URI base, String clientId, ECKey clientKey, String audience) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.clientId = clientId;
        this.clientKey = clientKey;
        this.audience = audience;
    }

    /** Leases up to {@code max} packages: each as its JSON object. */
    List<Object> lease(int max) throws BridgeException {
        Map<String, Object> answer = json(send("api/v1/analyst/packages/lease", "{\"max\": " + max + "}"), 200);
        try {
            return JSONObjectUtils.getJSONArray(answer, "packages");
        } catch (ParseException e) {
            throw new BridgeException("the lease answer holds no packages");
        }
    }

    /** @return false when the service no longer holds the package (acknowledged before) */
    boolean acknowledge(String packageId) throws BridgeException {
        HttpResponse<String> response = send("api/v1/analyst/packages/" + packageId + "/ack", "");
        if (response.statusCode() == 204) {
            return true;
        }
        if (response.statusCode() == 404) {
            return false;
        }
        throw new BridgeException("acknowledging package " + packageId + " failed with status " + response.statusCode());
    }

    /**
     * Acknowledges up to 500 packages in one request.
     *
     * @return how many the service still held (the others were acknowledged before)
     */
    int acknowledge(List<String> packageIds) throws BridgeException {
        Map<String, Object> answer = json(send("api/v1/analyst/packages/acknowledgements",
                JSONObjectUtils.toJSONString(Map.of("packageIds", packageIds))), 200);
        try {
            return (int) JSONObjectUtils.getLong(answer, "acknowledged");
        } catch (ParseException e) {
            throw new BridgeException("the acknowledgement answer holds no count");
        }
    }

    /** Sends a batch of result events; the answer's per-event results. */
    Map<String, Object> results(String batchJson) throws BridgeException {
        return json(send("api/v1/analyst/results", batchJson), 200);
    }

    private HttpResponse<String> send(String path, String json) throws BridgeException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return exchange(request, path);
    }

    private String token() throws BridgeException {
        if (token != null && Instant.now().isBefore(tokenExpires.minusSeconds(60))) {
            return token;
        }
        String form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/auth/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Map<String, Object> answer = json(exchange(request, "api/v1/auth/token"), 200);
        try {
            token = JSONObjectUtils.getString(answer, "access_token");
            tokenExpires = Instant.now().plusSeconds(JSONObjectUtils.getLong(answer, "expires_in"));
            return token;
        } catch (ParseException e) {
            throw new BridgeException("the token answer holds no access token");
        }
    }

    private String assertion() throws BridgeException {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(clientKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder()
                    .issuer(clientId).subject(clientId).audience(audience)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))))
                    .build());
            jwt.sign(new ECDSASigner(clientKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new BridgeException("the client assertion could not be signed: " + e.getClass().getSimpleName());
        }
    }

    private HttpResponse<String> exchange(HttpRequest request, String path) throws BridgeException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BridgeException("the service could not be reached at " + path + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException("interrupted");
        }
    }

    private static Map<String, Object> json(HttpResponse<String> response, int expected) throws BridgeException {
        if (response.statusCode() != expected) {
            String type = "";
            try {
                type = " (" + JSONObjectUtils.getString(JSONObjectUtils.parse(response.body()), "type") + ")";
            } catch (ParseException | RuntimeException e) {
                // Not a problem document: the status says enough.
            }
            throw new BridgeException(response.request().uri().getPath() + " answered " + response.statusCode() + type);
        }
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new BridgeException(response.request().uri().getPath() + " answered something that is not JSON");
        }
    }
}
