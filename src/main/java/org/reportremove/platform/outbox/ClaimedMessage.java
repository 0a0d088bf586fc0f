package org.reportremove.platform.outbox;

/**
 * A message a worker holds under lease: deliver it, then {@link Outbox#acknowledge} it with its claim token.
 * If the worker dies, the lease runs out and another worker claims it again (delivery is at least once, so
 * consumers apply messages idempotently by {@code id}).
 *
 * @param payload  the decrypted payload (JSON)
 * @param queuedAt  when the change that caused it committed (near enough: when it was queued)
 * @param subjectId what it is about (an id), null for older messages
 */
public record ClaimedMessage(String id, Topic topic, String type, String payload, String claimToken, int attempts,
                             java.time.OffsetDateTime queuedAt, String subjectId) {
}
