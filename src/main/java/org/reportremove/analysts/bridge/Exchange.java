package org.reportremove.analysts.bridge;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The online directions. {@code pull}: lease, write each package into the inbox, acknowledge it only once it is
 * written. {@code push}: send each result file of the outbox folder (and each acknowledgement file an unpack left
 * there), move what was taken to {@code done/}, and leave a file with rejected events where it is, beside a
 * {@code .rejected} file of reasons (such a file is not sent again until that reasons file is removed).
 */
final class Exchange {

    static final int MAX_EVENTS = 1000;
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
            for (Object leasedPackage : leased) {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = (Map<String, Object>) leasedPackage;
                String id = (String) json.get("packageId");
                if (inbox.accept(id, JSONObjectUtils.toJSONString(json))) {
                    received++;
                } else {
                    repeated++;
                }
                service.acknowledge(id);
            }
        } while (!leased.isEmpty());
        out.println("pulled " + received + " packages (" + repeated + " received before) into " + inboxFolder);
    }

    void push(Path outbox) throws BridgeException, IOException {
        int sent = 0;
        int held = 0;
        for (Path file : Folders.jsonFiles(outbox)) {
            if (Files.exists(rejectedFileOf(file))) {
                held++;
                continue;
            }
            ResultFile results = ResultFile.read(file);
            for (String packageId : results.acknowledgements()) {
                service.acknowledge(packageId);
            }
            List<String> rejections = new ArrayList<>();
            List<String> events = results.events();
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
                held++;
            }
        }
        out.println("pushed " + sent + " files; " + held + " left with rejected events");
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
