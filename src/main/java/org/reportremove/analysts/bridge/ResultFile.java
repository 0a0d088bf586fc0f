package org.reportremove.analysts.bridge;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One file of the outbox folder: {@code {"events": [...]}} with result events as the service's results API takes
 * them, and/or {@code {"acknowledge": "<packageId>"}} (what {@code unpack} writes for each package it received).
 */
record ResultFile(List<String> acknowledgements, List<String> events) {

    static ResultFile read(Path file) throws IOException, BridgeException {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(Exchange.read(file));
            List<String> acknowledgements = new ArrayList<>();
            String acknowledge = JSONObjectUtils.getString(json, "acknowledge");
            if (acknowledge != null) {
                acknowledgements.add(acknowledge);
            }
            List<String> events = new ArrayList<>();
            List<Object> array = json.containsKey("events") ? JSONObjectUtils.getJSONArray(json, "events") : List.of();
            for (Object event : array) {
                if (!(event instanceof Map<?, ?> map)) {
                    throw new BridgeException(file.getFileName() + ": every event must be a JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                events.add(JSONObjectUtils.toJSONString(object));
            }
            return new ResultFile(acknowledgements, events);
        } catch (ParseException e) {
            throw new BridgeException(file.getFileName() + ": not a JSON object with events or acknowledge");
        }
    }
}
