package org.reportremove.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An idempotency key used for a case submission, per account, and the answer given to it: a retry with the same
 * key and the same request gets exactly that answer again. The request itself is kept only as a digest.
 */
@Entity
@Table(name = "case_submission")
@IdClass(CaseSubmission.Key.class)
public class CaseSubmission {

    @Id
    @Column(name = "account_id")
    private String accountId;

    @Id
    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "request_digest", nullable = false)
    private String requestDigest;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "answer")
    private String answer;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CaseSubmission() {
    }

    /** Claims the key for a case about to be submitted; the answer follows once the case exists. */
    public static CaseSubmission claim(String accountId, String idempotencyKey, String requestDigest, String caseId) {
        CaseSubmission submission = new CaseSubmission();
        submission.accountId = accountId;
        submission.idempotencyKey = idempotencyKey;
        submission.requestDigest = requestDigest;
        submission.caseId = caseId;
        submission.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return submission;
    }

    public void answered(String answerJson) {
        this.answer = answerJson;
    }

    public boolean sameRequest(String digest) {
        return requestDigest.equals(digest);
    }

    public String answer() {
        return answer;
    }

    /** The composite key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String accountId;
        private String idempotencyKey;

        public Key() {
        }

        public Key(String accountId, String idempotencyKey) {
            this.accountId = accountId;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(accountId, that.accountId)
                    && Objects.equals(idempotencyKey, that.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, idempotencyKey);
        }
    }
}
