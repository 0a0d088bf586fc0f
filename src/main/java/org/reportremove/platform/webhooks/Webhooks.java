package org.reportremove.platform.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.platform.json.JsonDocuments;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.outbox.Topic;

import java.io.StringReader;

/**
 * What the capabilities above ask of webhooks. They raise events by queueing {@link Topic#HELPLINE} outbox messages
 * ({@code subjectId} the case reference, the type the CloudEvents type, payload
 * {@code {"partner": "<client id>", "data": {...}}}); this is how they take events back.
 */
@ApplicationScoped
public class Webhooks {

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Outbox outbox;

    /**
     * Drops, in the caller's transaction, every event about {@code subject} for {@code partner} that has not been
     * delivered: queued messages (claimed or not; a fan-out in progress is waited for and then finds its message
     * gone), pending deliveries, and failed ones, which an operator could otherwise replay to a partner that may
     * no longer hear of the case (their sealed bodies go with them). A try already on the wire when this commits
     * still ends; none follows it.
     *
     * @return how many messages and deliveries were dropped
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(String partner, String subject) {
        int messages = outbox.discard(Topic.HELPLINE, subject, payload -> partner.equals(partnerOf(payload)));
        int pending = em.createNativeQuery("DELETE FROM webhook_delivery WHERE partner = ? AND subject_id = ?"
                        + " AND state IN ('PENDING', 'FAILED')")
                .setParameter(1, partner)
                .setParameter(2, subject)
                .executeUpdate();
        return messages + pending;
    }

    private static String partnerOf(String payload) {
        try (JsonReader reader = JsonDocuments.JSON.createReader(new StringReader(payload))) {
            return reader.readValue() instanceof JsonObject object ? object.getString("partner", null) : null;
        } catch (JsonException | ClassCastException e) {
            return null;
        }
    }
}
