package org.reportremove.analysts.bridge;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The online directions. {@code pull}: lease, write each package into the inbox, acknowledge it only once it is
 * written (a lease's packages in one acknowledgement). {@code push}: send each result file of the outbox folder (and
 * each acknowledgement file an unpack left there, those batched), move what was taken to {@code done/}, and leave a
 * file with rejected events where it is, beside a {@code .rejected} file of reasons (such a file is not sent again
 * until that reasons file is removed).
 */
final class Exchange {

    static final int MAX_EVENTS = 1000;
    /** The service acknowledges at most a lease's worth of packages per request. */
    static final int MAX_ACKNOWLEDGEMENTS = 500;
    private final ServiceClient service;
    private final PrintStream out;

    Exchange(ServiceClient service, PrintStream out) {
        this.service = service;
        this.out = out;
    }

    void pull(Path inboxFolder, int max) throws BridgeException, IOException {
        Inbox inbox = new Inbox(inboxFolder);
        int received = 0;
        int repeated = 0;
        List<Object> leased;
        do {
            leased = service.lease(max);
            List<String> stored = new ArrayList<>();
            for (Object leasedPackage : leased) {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = (Map<String, Object>) leasedPackage;
                String id = (String) json.get("packageId");
                if (inbox.accept(id, JSONObjectUtils.toJSONString(json))) {
                    received++;
                } else {
                    repeated++;
                }
                stored.add(id);
            }
            // The whole lease at once, each package written and synced first: one request instead of one each.
            if (!stored.isEmpty()) {
                service.acknowledge(stored);
            }
        } while (!leased.isEmpty());
        out.println("pulled " + received + " packages (" + repeated + " received before) into " + inboxFolder);
    }

    /**
     * @return the files left in the outbox with rejected events (this run's and earlier runs')
     */
    List<Path> push(Path outbox) throws BridgeException, IOException {
        List<Path> held = new ArrayList<>();
        Map<Path, ResultFile> toSend = new LinkedHashMap<>();
        List<String> acknowledgements = new ArrayList<>();
        for (Path file : Folders.jsonFiles(outbox)) {
            if (Files.exists(rejectedFileOf(file))) {
                held.add(file);
                continue;
            }
            ResultFile results = ResultFile.read(file);
            acknowledgements.addAll(results.acknowledgements());
            toSend.put(file, results);
        }
        for (int from = 0; from < acknowledgements.size(); from += MAX_ACKNOWLEDGEMENTS) {
            service.acknowledge(acknowledgements.subList(from, Math.min(acknowledgements.size(),
                    from + MAX_ACKNOWLEDGEMENTS)));
        }
        int sent = 0;
        for (Map.Entry<Path, ResultFile> entry : toSend.entrySet()) {
            Path file = entry.getKey();
            List<String> rejections = new ArrayList<>();
            List<String> events = entry.getValue().events();
            for (int from = 0; from < events.size(); from += MAX_EVENTS) {
                String batch = "{\"events\": [" + String.join(",", events.subList(from,
                        Math.min(events.size(), from + MAX_EVENTS))) + "]}";
                rejections.addAll(rejections(service.results(batch)));
            }
            if (rejections.isEmpty()) {
                Folders.moveInto(file, outbox.resolve("done"));
                sent++;
            } else {
                Folders.writeWhole(rejectedFileOf(file), String.join("\n", rejections) + "\n");
                held.add(file);
            }
        }
        out.println("pushed " + sent + " files; " + held.size() + " left with rejected events");
        return held;
    }

    static Path rejectedFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".rejected");
    }

    private static List<String> rejections(Map<String, Object> answer) throws BridgeException {
        try {
            List<String> lines = new ArrayList<>();
            for (Object value : JSONObjectUtils.getJSONArray(answer, "results")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> result = (Map<String, Object>) value;
                if ("rejected".equals(result.get("status"))) {
                    lines.add(result.get("eventId") + "\t" + result.get("reason") + "\t" + result.get("detail"));
                }
            }
            return lines;
        } catch (ParseException e) {
            throw new BridgeException("the results answer holds no results");
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
