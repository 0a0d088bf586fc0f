package org.reportremove.audit.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed checkpoint of the audit chain's head: "at this time the chain had this many links and ended in this
 * hash". The service signs one after every sealing run and on an operator's request; kept outside the database
 * (the log store, an operator's copy), it lets the verifier see a tail that was cut off together with its head.
 *
 * <p>A checkpoint is a compact JWS (RS256) signed with the service's token signing key, whose public half is
 * published at {@code /.well-known/jwks.json}: no new key to manage, and someone with the database alone cannot
 * forge one. This class only verifies, with the JDK alone, because it ships in the verifier jar without a JSON or
 * JOSE library; it reads the few fields of the two small documents the service itself writes.
 */
public record AuditChainCheckpoint(long seq, String hash, Instant at, String keyId) {

    public static final String TYPE = "audit-checkpoint";
    private static final Pattern KEY_OBJECT = Pattern.compile("\\{[^{}]*}");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    /** A checkpoint that cannot be trusted; the message names the reason, never the content. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * Verifies a checkpoint against the published public keys and reads it.
     *
     * @param compact the checkpoint as the service gave it
     * @param jwks    the service's public key set (the document at {@code /.well-known/jwks.json})
     */
    public static AuditChainCheckpoint verify(String compact, String jwks) throws Refused {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new Refused("not a compact JWS");
        }
        String header = decode(parts[0]);
        String payload = decode(parts[1]);
        if (!"RS256".equals(string(header, "alg").orElse(null)) || !TYPE.equals(string(header, "typ").orElse(null))) {
            throw new Refused("not an RS256 audit checkpoint");
        }
        String keyId = string(header, "kid").orElseThrow(() -> new Refused("no key id"));
        PublicKey key = publicKey(jwks, keyId);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new Refused("the signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("the signature does not verify");
        }
        Matcher seq = Pattern.compile("\"seq\"\\s*:\\s*(\\d{1,18})").matcher(payload);
        String hash = string(payload, "hash").orElse("");
        if (!seq.find() || !HEX_64.matcher(hash).matches()) {
            throw new Refused("the checkpoint lacks its sequence number or hash");
        }
        try {
            Instant at = Instant.parse(string(payload, "at").orElse(""));
            return new AuditChainCheckpoint(Long.parseLong(seq.group(1)), hash, at, keyId);
        } catch (DateTimeParseException e) {
            throw new Refused("the checkpoint lacks its time");
        }
    }

    private static PublicKey publicKey(String jwks, String keyId) throws Refused {
        Matcher objects = KEY_OBJECT.matcher(jwks);
        while (objects.find()) {
            String jwk = objects.group();
            if (keyId.equals(string(jwk, "kid").orElse(null)) && "RSA".equals(string(jwk, "kty").orElse(null))) {
                try {
                    BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(string(jwk, "n").orElse("")));
                    BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(string(jwk, "e").orElse("")));
                    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new Refused("the key set holds a broken key");
                }
            }
        }
        throw new Refused("no key in the key set has the checkpoint's key id");
    }

    private static String decode(String part) throws Refused {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused("not a compact JWS");
        }
    }

    /** A string member of a flat JSON object the service wrote (no escapes in these values). */
    private static Optional<String> string(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(json);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
