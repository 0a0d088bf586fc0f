package org.reportremove.analysts.boundary;

import java.util.List;
import java.util.Map;

/**
 * What became of each package of a batch acknowledgement, in the order sent (an id sent twice is answered once).
 */
public record AcknowledgementAnswer(long acknowledged, long notFound, List<PackageAcknowledgement> results) {

    static final String ACKNOWLEDGED = "acknowledged";
    static final String NOT_FOUND = "not-found";

    /**
     * @param status {@code acknowledged} (the service has let go of it) or {@code not-found} (no leased package has
     *               this id: acknowledged before, which a retry after a lost answer may see; treat it as done)
     */
    public record PackageAcknowledgement(String packageId, String status) {
    }

    static AcknowledgementAnswer of(Map<String, Boolean> found) {
        List<PackageAcknowledgement> results = found.entrySet().stream()
                .map(entry -> new PackageAcknowledgement(entry.getKey(), entry.getValue() ? ACKNOWLEDGED : NOT_FOUND))
                .toList();
        long acknowledged = found.values().stream().filter(Boolean::booleanValue).count();
        return new AcknowledgementAnswer(acknowledged, found.size() - acknowledged, results);
    }
}
