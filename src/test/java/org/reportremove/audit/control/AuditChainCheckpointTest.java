package org.reportremove.audit.control;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The service signs checkpoints with Nimbus; the verifier jar reads them with the JDK alone. */
class AuditChainCheckpointTest {

    private static final String HASH = "0123456789abcdef".repeat(4);
    private static final Instant AT = Instant.parse("2026-11-30T18:00:00Z");

    private final RSAKey key = generate("checkpoint-key");
    private final String jwks = new JWKSet(key).toPublicJWKSet().toString();
    private final AuditCheckpoints signer = AuditCheckpoints.signingWith(key);

    @Test
    void aCheckpointSignedByTheServiceVerifiesWithItsPublishedKeys() throws Exception {
        AuditChainCheckpoint read = AuditChainCheckpoint.verify(signer.sign(42, HASH, AT), jwks);

        assertEquals(new AuditChainCheckpoint(42, HASH, AT, "checkpoint-key"), read);
    }

    @Test
    void aChangedCheckpointAnotherKeyOrAnUnknownKeyIdIsRefused() {
        String checkpoint = signer.sign(42, HASH, AT);
        String[] parts = checkpoint.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"seq\":43,\"hash\":\"" + HASH + "\",\"at\":\"" + AT + "\"}").getBytes());
        String otherKeys = new JWKSet(generate("checkpoint-key")).toPublicJWKSet().toString();

        assertEquals("the signature does not verify", assertThrows(AuditChainCheckpoint.Refused.class,
                () -> AuditChainCheckpoint.verify(parts[0] + "." + otherPayload + "." + parts[2], jwks)).getMessage());
        assertEquals("the signature does not verify", assertThrows(AuditChainCheckpoint.Refused.class,
                () -> AuditChainCheckpoint.verify(checkpoint, otherKeys)).getMessage());
        assertEquals("no key in the key set has the checkpoint's key id", assertThrows(AuditChainCheckpoint.Refused.class,
                () -> AuditChainCheckpoint.verify(AuditCheckpoints.signingWith(generate("elsewhere"))
                        .sign(42, HASH, AT), jwks)).getMessage());
        assertEquals("not a compact JWS", assertThrows(AuditChainCheckpoint.Refused.class,
                () -> AuditChainCheckpoint.verify("not a checkpoint", jwks)).getMessage());
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
