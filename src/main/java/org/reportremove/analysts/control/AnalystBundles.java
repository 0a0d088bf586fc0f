package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.PersistenceException;
import org.reportremove.analysts.bundle.Bundle;
import org.reportremove.analysts.bundle.BundleException;
import org.reportremove.analysts.bundle.BundleFormat;
import org.reportremove.analysts.entity.BundleRecord;
import org.reportremove.platform.security.Actor;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * Air-gap bundles. Export leases pending packages for the bundle lease (they count as held until the analyst
 * side's acknowledgement comes back, or are exported again once it runs out) and signs them into one bundle.
 * Import trusts nothing before the signature and the body hash are verified; then it releases acknowledged
 * packages and applies result events exactly as the online exchange does. A bundle id imported before is refused.
 */
@ApplicationScoped
public class AnalystBundles {

    private static final Logger LOG = Logger.getLogger(AnalystBundles.class.getName());
    static final String ACKNOWLEDGE = "acknowledge";

    @Inject
    AnalystPackages packages;

    @Inject
    ResultEvents events;

    @Inject
    BundleKeys keys;

    @Inject
    ExchangeSettings settings;

    @Inject
    BundleLedger ledger;

    /** @return empty when nothing is pending */
    public Optional<ExportedBundle> export(int max, Actor actor) {
        if (!keys.exportAllowed()) {
            throw new BundleEncryptionRequired();
        }
        LeasedPackages leased = packages.lease(Math.min(max, settings.bundleMaxPackages()), settings.bundleLease());
        if (leased.packages().isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = leased.packages().stream().map(JsonObject::toString).toList();
        Optional<com.nimbusds.jose.jwk.ECKey> encryptTo = keys.analystEncryptionKey();
        try {
            BundleFormat.Written written = BundleFormat.write(BundleFormat.PACKAGES, lines, keys.signingKey(),
                    encryptTo.orElse(null));
            ledger.record(written.manifest(), BundleRecord.EXPORTED, actor);
            LOG.info(() -> "event=analysts.bundle-exported bundle=" + written.manifest().bundleId() + " count="
                    + lines.size() + " encrypted=" + encryptTo.isPresent());
            return Optional.of(new ExportedBundle(written.manifest().bundleId(), lines.size(), encryptTo.isPresent(),
                    written.file()));
        } catch (BundleException e) {
            throw new IllegalStateException("The bundle could not be written: " + e.getMessage());
        }
    }

    public ImportReport importResults(String file, Actor actor) {
        if (keys.analystKeys().isEmpty()) {
            throw new BundleRefused("no analyst-side keys are configured (reportremove.analysts.bundles.analyst-jwks-file),"
                    + " so no result bundle can be verified");
        }
        Bundle bundle;
        try {
            bundle = BundleFormat.read(file, BundleFormat.RESULTS, keys.analystKeys().get(), List.of());
        } catch (BundleException e) {
            LOG.info("event=analysts.bundle-refused");
            throw new BundleRefused(e.getMessage());
        }
        String bundleId = bundle.manifest().bundleId();
        if (ledger.seen(bundleId)) {
            throw new BundleReplayed(bundleId);
        }
        int acknowledged = 0;
        int unknown = 0;
        List<IncomingEvent> incoming = new ArrayList<>();
        List<EventResult> unreadable = new ArrayList<>();
        for (int i = 0; i < bundle.lines().size(); i++) {
            JsonObject line = parse(bundle.lines().get(i));
            if (line != null && line.containsKey(ACKNOWLEDGE)) {
                if (line.get(ACKNOWLEDGE).getValueType() == JsonValue.ValueType.STRING
                        && packages.acknowledge(line.getString(ACKNOWLEDGE))) {
                    acknowledged++;
                } else {
                    unknown++;
                }
            } else if (line == null) {
                unreadable.add(EventResult.rejected(null, EventChecks.INVALID_EVENT, "line " + (i + 1)
                        + ": is not a JSON object"));
            } else {
                incoming.add(event(line));
            }
        }
        List<EventResult> results = new ArrayList<>(events.apply(incoming, actor));
        results.addAll(unreadable);
        if (!recordImport(bundle.manifest(), actor)) {
            // Another import of this bundle ran at the same moment and was recorded first. Every line is
            // idempotent, so between them each was applied once; only one of the two is the bundle's import.
            throw new BundleReplayed(bundleId);
        }
        int acks = acknowledged;
        int unknownAcks = unknown;
        LOG.info(() -> "event=analysts.bundle-imported bundle=" + bundleId + " acknowledged=" + acks
                + " unknownAcknowledgements=" + unknownAcks + " events=" + incoming.size());
        return new ImportReport(bundleId, acknowledged, unknown, results);
    }

    /** False when the bundle is recorded already, by an import before this one or one racing it. */
    private boolean recordImport(Bundle.Manifest manifest, Actor actor) {
        try {
            return ledger.record(manifest, BundleRecord.IMPORTED, actor);
        } catch (PersistenceException e) {
            if (ledger.seen(manifest.bundleId())) {
                return false;
            }
            throw e;
        }
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = JSON.createReader(new StringReader(line))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static IncomingEvent event(JsonObject line) {
        Long count = null;
        if (line.containsKey("count") && line.get("count").getValueType() == JsonValue.ValueType.NUMBER) {
            count = line.getJsonNumber("count").longValue();
        }
        return new IncomingEvent(text(line, "eventId"), text(line, "kind"), text(line, "analystReference"),
                text(line, "itemReference"), text(line, "outcome"), text(line, "category"), text(line, "reasonCode"),
                text(line, "action"), text(line, "listName"), text(line, "location"), text(line, "platform"),
                count, text(line, "at"), text(line, "contentType"), signals(line));
    }

    /** A found item's signals; null when absent, and null members where a line holds something else. */
    private static List<IncomingEvent.IncomingSignal> signals(JsonObject line) {
        JsonValue value = line.get("signals");
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            return null;
        }
        List<IncomingEvent.IncomingSignal> signals = new ArrayList<>();
        for (JsonValue signal : value.asJsonArray()) {
            if (signal.getValueType() != JsonValue.ValueType.OBJECT) {
                signals.add(null);
                continue;
            }
            JsonObject object = signal.asJsonObject();
            JsonValue quality = object.get("quality");
            signals.add(new IncomingEvent.IncomingSignal(text(object, "type"), text(object, "value"),
                    quality != null && quality.getValueType() == JsonValue.ValueType.NUMBER
                            && object.getJsonNumber("quality").isIntegral()
                            ? object.getJsonNumber("quality").intValue() : null));
        }
        return signals;
    }

    private static String text(JsonObject line, String member) {
        JsonValue value = line.get(member);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? line.getString(member) : null;
    }

}
