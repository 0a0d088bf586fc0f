package org.reportremove.audit.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.auth.control.TokenSigningKeys;
import org.reportremove.platform.json.JsonDocuments;

import java.time.Instant;

/**
 * Signs checkpoints of the audit chain's head ({@link AuditChainCheckpoint}) with the service's token signing key.
 * That key already lives outside the database, is rotated with a published public half, and is what a database
 * administrator does not hold: an HMAC key would have to be handed to whoever verifies, and could then forge.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private RSAKey key;

    @PostConstruct
    void load() {
        key = TokenSigningKeys.load(ConfigProvider.getConfig()).active();
    }

    /** Signing with a given key, outside a container, for tests. */
    static AuditCheckpoints signingWith(RSAKey key) {
        AuditCheckpoints checkpoints = new AuditCheckpoints();
        checkpoints.key = key;
        return checkpoints;
    }

    /** A checkpoint of the head {@code seq}/{@code hash} as of {@code at}, as a compact JWS. */
    public String sign(long seq, String hash, Instant at) {
        String payload = JsonDocuments.JSON.createObjectBuilder()
                .add("seq", seq).add("hash", hash).add("at", at.toString()).build().toString();
        JWSObject checkpoint = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).type(new JOSEObjectType(AuditChainCheckpoint.TYPE)).build(),
                new Payload(payload));
        try {
            checkpoint.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the token signing key could not sign", e);
        }
        return checkpoint.serialize();
    }
}
