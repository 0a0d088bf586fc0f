package org.reportremove.audit.control;

import com.nimbusds.jose.jwk.RSAKey;

import java.time.Instant;

/** Lets tests in other packages sign a checkpoint exactly as the service does, with a key of their own. */
public final class TestCheckpoints {

    private TestCheckpoints() {
    }

    public static String sign(RSAKey key, long seq, String hash, Instant at) {
        return AuditCheckpoints.signingWith(key).sign(seq, hash, at);
    }
}
