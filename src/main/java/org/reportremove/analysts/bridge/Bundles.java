package org.reportremove.analysts.bridge;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.reportremove.analysts.bundle.Bundle;
import org.reportremove.analysts.bundle.BundleException;
import org.reportremove.analysts.bundle.BundleFormat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The air-gap directions, on the analysts' side. {@code unpack}: verify a package bundle with the service's
 * public key (decrypting it first with the analysts' key when it is encrypted), put each package into the inbox
 * and an acknowledgement file for it into the outbox folder. {@code pack}: sign everything in the outbox folder
 * (acknowledgements and result files) into one result bundle, then move those files to {@code done/}.
 */
final class Bundles {

    private final PrintStream out;

    Bundles(PrintStream out) {
        this.out = out;
    }

    void unpack(Path bundleFile, JWKSet serviceKeys, JWKSet analystKeys, Path inboxFolder, Path outbox)
            throws IOException, BridgeException {
        Bundle bundle;
        try {
            bundle = BundleFormat.read(Exchange.read(bundleFile), BundleFormat.PACKAGES, serviceKeys,
                    decryptionKeys(analystKeys));
        } catch (BundleException e) {
            throw new BridgeException(bundleFile.getFileName() + " was refused: " + e.getMessage());
        }
        Inbox inbox = new Inbox(inboxFolder);
        int received = 0;
        for (String line : bundle.lines()) {
            String id;
            try {
                id = JSONObjectUtils.getString(JSONObjectUtils.parse(line), "packageId");
            } catch (ParseException e) {
                throw new BridgeException("a line of the bundle is not a package");
            }
            if (inbox.accept(id, line)) {
                received++;
            }
            // Acknowledged again even when received before: the earlier acknowledgement may never have crossed.
            Folders.writeWhole(outbox.resolve("ack-" + id + ".json"), "{\"acknowledge\": \"" + id + "\"}\n");
        }
        out.println("unpacked bundle " + bundle.manifest().bundleId() + ": " + received + " new of "
                + bundle.lines().size() + " packages");
    }

    void pack(Path outbox, JWKSet analystKeys, Path bundleFile) throws IOException, BridgeException {
        List<Path> files = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Path file : Folders.jsonFiles(outbox)) {
            if (java.nio.file.Files.exists(Exchange.rejectedFileOf(file))) {
                continue;
            }
            ResultFile results = ResultFile.read(file);
            results.acknowledgements().forEach(id -> lines.add("{\"acknowledge\":\"" + id + "\"}"));
            lines.addAll(results.events());
            files.add(file);
        }
        if (lines.isEmpty()) {
            out.println("nothing to pack");
            return;
        }
        try {
            BundleFormat.Written written = BundleFormat.write(BundleFormat.RESULTS, lines,
                    signingKey(analystKeys), null);
            Folders.writeWhole(bundleFile, written.file());
            // Only after the bundle is safely written: a crash before this packs the same files again into a new
            // bundle, which the service applies as duplicates.
            for (Path file : files) {
                Folders.moveInto(file, outbox.resolve("done"));
            }
            out.println("packed bundle " + written.manifest().bundleId() + " with " + lines.size() + " lines from "
                    + files.size() + " files into " + bundleFile);
        } catch (BundleException e) {
            throw new BridgeException("the bundle could not be written: " + e.getMessage());
        }
    }

    /**
     * Every private encryption key of the analysts: after a rotation the new one comes first, and bundles the
     * service encrypted to the old one before it heard of the new one still arrive.
     */
    private static List<ECKey> decryptionKeys(JWKSet keys) {
        return keys.getKeys().stream()
                .filter(key -> KeyUse.ENCRYPTION.equals(key.getKeyUse()) && key instanceof ECKey ec && ec.isPrivate())
                .map(ECKey.class::cast).toList();
    }

    /** The analysts' private signing key (the first): a key without a use counts for signing. */
    private static ECKey signingKey(JWKSet keys) throws BridgeException {
        for (JWK key : keys.getKeys()) {
            boolean signs = KeyUse.SIGNATURE.equals(key.getKeyUse()) || key.getKeyUse() == null;
            if (signs && key instanceof ECKey ec && ec.isPrivate()) {
                return ec;
            }
        }
        throw new BridgeException("the analysts' key set has no private EC key for " + KeyUse.SIGNATURE.identifier());
    }
}
