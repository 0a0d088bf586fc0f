package org.reportremove.analysts.bundle;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes and reads bundles. A bundle file is one compact JOSE object:
 * <ul>
 * <li>a JWS (ES256, {@code typ: reportremove-bundle+jws}) whose payload is the JSON object
 *     {@code {"manifest": {bundleId, kind, formatVersion, count, bodySha256, createdAt}, "body": "<JSON lines>"}};
 * <li>or, when the receiver has an encryption key, that JWS encrypted to it as a JWE (ECDH-ES+A256KW, A256GCM,
 *     {@code cty: JWS}).
 * </ul>
 * Opening verifies the signature against the sender's keys, then the body's SHA-256 and line count against the
 * manifest, before any line is handed out.
 */
public final class BundleFormat {

    public static final String PACKAGES = "PACKAGES";
    public static final String RESULTS = "RESULTS";
    public static final int FORMAT_VERSION = 1;
    public static final String MEDIA_TYPE = "application/jose";
    private static final JOSEObjectType TYPE = new JOSEObjectType("reportremove-bundle+jws");

    private BundleFormat() {
    }

    /** A bundle file as written, with the manifest it carries. */
    public record Written(Bundle.Manifest manifest, String file) {
    }

    /**
     * Signs {@code lines} (each one JSON object, no line breaks) as a bundle of {@code kind}, encrypted to
     * {@code encryptTo} when it is given.
     *
     * @return the bundle file's text and its manifest
     */
    public static Written write(String kind, List<String> lines, ECKey signingKey, ECKey encryptTo)
            throws BundleException {
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new BundleException("a bundle line must not hold a line break");
            }
            body.append(line).append('\n');
        }
        Bundle.Manifest written = new Bundle.Manifest(UUID.randomUUID().toString(), kind, FORMAT_VERSION,
                lines.size(), sha256(body.toString()),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("bundleId", written.bundleId());
        manifest.put("kind", written.kind());
        manifest.put("formatVersion", written.formatVersion());
        manifest.put("count", written.count());
        manifest.put("bodySha256", written.bodySha256());
        manifest.put("createdAt", written.createdAt());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("manifest", manifest);
        payload.put("body", body.toString());
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE)
                    .keyID(signingKey.getKeyID()).build(), new Payload(JSONObjectUtils.toJSONString(payload)));
            jws.sign(new ECDSASigner(signingKey));
            if (encryptTo == null) {
                return new Written(written, jws.serialize());
            }
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                    .contentType("JWS").keyID(encryptTo.getKeyID()).build(), new Payload(jws.serialize()));
            jwe.encrypt(new ECDHEncrypter(encryptTo.toPublicJWK()));
            return new Written(written, jwe.serialize());
        } catch (JOSEException e) {
            throw new BundleException("the bundle could not be signed or encrypted: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Opens a bundle file: decrypts it when it is encrypted (with the key its header names, or else with each of
     * {@code decryptKeys} in turn: after a rotation, bundles encrypted to the old key are still on their way),
     * verifies the signature with one of the sender's signing keys, then the manifest against the body.
     *
     * @param senderKeys  the sender's public keys; those marked {@code use: enc} are not used for signatures
     * @param decryptKeys the receiver's private keys, none when the receiver takes only signed bundles
     */
    public static Bundle read(String file, String expectedKind, JWKSet senderKeys, List<ECKey> decryptKeys)
            throws BundleException {
        String text = file.strip();
        String jws = text;
        if (text.chars().filter(c -> c == '.').count() == 4) {
            jws = decrypted(text, decryptKeys);
        }
        JWSObject signed;
        try {
            signed = JWSObject.parse(jws);
        } catch (ParseException e) {
            throw new BundleException("the bundle is not a signed JOSE object");
        }
        if (!JWSAlgorithm.ES256.equals(signed.getHeader().getAlgorithm())) {
            throw new BundleException("the bundle must be signed with ES256");
        }
        if (!verified(signed, senderKeys)) {
            throw new BundleException("the bundle's signature is not valid for the sender's keys: it was changed,"
                    + " or signed by someone else");
        }
        return contents(signed.getPayload().toString(), expectedKind);
    }

    private static String decrypted(String text, List<ECKey> keys) throws BundleException {
        if (keys.isEmpty()) {
            throw new BundleException("the bundle is encrypted, and no decryption key is configured");
        }
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(text);
        } catch (ParseException e) {
            throw new BundleException("the bundle is not a JOSE object");
        }
        String kid = jwe.getHeader().getKeyID();
        List<ECKey> named = keys.stream().filter(key -> kid != null && kid.equals(key.getKeyID())).toList();
        for (ECKey key : named.isEmpty() ? keys : named) {
            try {
                // A bundle decrypts with one key only; a failed try leaves the object as parsed.
                JWEObject attempt = JWEObject.parse(text);
                attempt.decrypt(new ECDHDecrypter(key));
                return attempt.getPayload().toString();
            } catch (ParseException | JOSEException e) {
                // Not this key: try the next.
            }
        }
        throw new BundleException("the bundle cannot be decrypted with " + (keys.size() == 1 ? "this key" : "any of"
                + " these keys") + ": it was changed, or encrypted for someone else");
    }

    private static boolean verified(JWSObject signed, JWKSet senderKeys) {
        for (JWK key : senderKeys.getKeys()) {
            if (!(key instanceof ECKey ec) || KeyUse.ENCRYPTION.equals(key.getKeyUse())) {
                continue;
            }
            String kid = signed.getHeader().getKeyID();
            if (kid != null && key.getKeyID() != null && !kid.equals(key.getKeyID())) {
                continue;
            }
            try {
                if (signed.verify(new ECDSAVerifier(ec.toPublicJWK()))) {
                    return true;
                }
            } catch (JOSEException e) {
                // A key that cannot verify ES256 (another curve) is simply not the signer.
            }
        }
        return false;
    }

    private static Bundle contents(String payload, String expectedKind) throws BundleException {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(payload);
            Map<String, Object> m = JSONObjectUtils.getJSONObject(json, "manifest");
            String body = JSONObjectUtils.getString(json, "body");
            if (m == null || body == null) {
                throw new BundleException("the bundle has no manifest or no body");
            }
            Bundle.Manifest manifest = new Bundle.Manifest(JSONObjectUtils.getString(m, "bundleId"),
                    JSONObjectUtils.getString(m, "kind"), JSONObjectUtils.getInt(m, "formatVersion"),
                    JSONObjectUtils.getInt(m, "count"), JSONObjectUtils.getString(m, "bodySha256"),
                    JSONObjectUtils.getString(m, "createdAt"));
            if (manifest.bundleId() == null || !manifest.bundleId().matches("[A-Za-z0-9-]{8,64}")) {
                throw new BundleException("the bundle's manifest has no valid bundleId");
            }
            if (manifest.formatVersion() != FORMAT_VERSION) {
                throw new BundleException("the bundle's format version " + manifest.formatVersion() + " is not "
                        + FORMAT_VERSION);
            }
            if (!expectedKind.equals(manifest.kind())) {
                throw new BundleException("this is not a bundle of " + expectedKind);
            }
            if (!sha256(body).equals(manifest.bodySha256())) {
                throw new BundleException("the bundle's body does not match the SHA-256 in its manifest");
            }
            List<String> lines = body.isEmpty() ? List.of() : Arrays.asList(body.split("\n"));
            if (lines.size() != manifest.count()) {
                throw new BundleException("the bundle holds " + lines.size() + " lines, its manifest says "
                        + manifest.count());
            }
            return new Bundle(manifest, List.copyOf(lines));
        } catch (ParseException e) {
            throw new BundleException("the bundle's content is not the expected JSON");
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
