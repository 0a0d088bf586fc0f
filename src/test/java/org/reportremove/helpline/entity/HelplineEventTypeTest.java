package org.reportremove.helpline.entity;

import org.junit.jupiter.api.Test;
import org.reportremove.platform.webhooks.EventTypes;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelplineEventTypeTest {

    /**
     * The helpline raises its events and the webhooks decide what a partner may subscribe to, written apart: a type
     * one side spells differently would be queued and never sent, or offered and never raised.
     */
    @Test
    void everyHelplineEventIsATypePartnersCanSubscribeToAndNoOtherIs() {
        Set<String> raised = new HashSet<>(Arrays.stream(HelplineEventType.values()).map(HelplineEventType::type)
                .toList());
        raised.add(EventTypes.NOTIFICATION_DUE);
        raised.add(EventTypes.SIGNALS_WITHDRAWN);
        assertEquals(EventTypes.ALL, raised);
    }
}
