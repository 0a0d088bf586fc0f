package org.reportremove.analysts.bridge;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar analyst-bridge.jar <command> [--option value]...}
 *
 * <pre>
 * pull   --service URL --client-id ID --client-key JWK-FILE --inbox DIR [--max N] [--audience AUD]
 * push   --service URL --client-id ID --client-key JWK-FILE --outbox DIR [--audience AUD]
 * unpack --bundle FILE --service-keys JWKS-FILE --analyst-keys JWKS-FILE --inbox DIR --outbox DIR
 * pack   --outbox DIR --analyst-keys JWKS-FILE --out FILE
 * </pre>
 *
 * Exit status: 0 done, 1 failed (one line on standard error says why), 2 wrong usage, 3 (push) done but files with
 * rejected events are left in the outbox (standard error names each with its rejected events).
 */
public final class AnalystBridge {

    static final String USAGE = String.join("\n",
            "usage: analyst-bridge <command> [--option value]...",
            "  pull   --service URL --client-id ID --client-key JWK-FILE --inbox DIR [--max 1..500] [--audience AUD]",
            "  push   --service URL --client-id ID --client-key JWK-FILE --outbox DIR [--audience AUD]",
            "  unpack --bundle FILE --service-keys JWKS-FILE --analyst-keys JWKS-FILE --inbox DIR --outbox DIR",
            "  pack   --outbox DIR --analyst-keys JWKS-FILE --out FILE");
    private static final String DEFAULT_AUDIENCE = "urn:reportremove:service";

    private AnalystBridge() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args.length % 2 == 0) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                err.println(USAGE);
                return 2;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        try {
            switch (args[0]) {
                case "pull" -> new Exchange(client(options), out).pull(path(options, "inbox"),
                        max(options.getOrDefault("max", "100")));
                case "push" -> {
                    List<Path> held = new Exchange(client(options), out).push(path(options, "outbox"));
                    if (!held.isEmpty()) {
                        reportHeld(held, err);
                        return 3;
                    }
                }
                case "unpack" -> new Bundles(out).unpack(path(options, "bundle"), keys(options, "service-keys"),
                        keys(options, "analyst-keys"), path(options, "inbox"), path(options, "outbox"));
                case "pack" -> new Bundles(out).pack(path(options, "outbox"), keys(options, "analyst-keys"),
                        path(options, "out"));
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (BridgeException e) {
            err.println("analyst-bridge " + args[0] + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("analyst-bridge " + args[0] + ": file error: " + e.getClass().getSimpleName() + " "
                    + e.getMessage());
            return 1;
        }
    }

    /**
     * Says which files still hold rejected events and why, so that someone looks at them: they are not sent again
     * until their {@code .rejected} file is removed.
     */
    private static void reportHeld(List<Path> held, PrintStream err) throws IOException {
        err.println("analyst-bridge push: " + held.size() + " files left with rejected events; fix each, remove its"
                + " .rejected file, and push again:");
        for (Path file : held) {
            Path reasons = Exchange.rejectedFileOf(file);
            err.println("  " + file.getFileName() + " (" + reasons.getFileName() + "):");
            for (String line : Files.readAllLines(reasons, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    err.println("    " + line);
                }
            }
        }
    }

    private static ServiceClient client(Map<String, String> options) throws UsageException, BridgeException,
            IOException {
        JWKSet set = keys(options, "client-key");
        List<JWK> keys = set.getKeys();
        if (keys.isEmpty() || !(keys.get(0) instanceof ECKey key) || !key.isPrivate()) {
            throw new BridgeException("the client key file must hold an EC private key");
        }
        return new ServiceClient(URI.create(required(options, "service")), required(options, "client-id"), key,
                options.getOrDefault("audience", DEFAULT_AUDIENCE));
    }

    /** A JWKS file, or a file holding one JWK. */
    private static JWKSet keys(Map<String, String> options, String name) throws UsageException, BridgeException,
            IOException {
        String text = Files.readString(path(options, name), StandardCharsets.UTF_8);
        try {
            return text.contains("\"keys\"") ? JWKSet.parse(text) : new JWKSet(JWK.parse(text));
        } catch (ParseException e) {
            throw new BridgeException("--" + name + " is not a JWK or JWKS file");
        }
    }

    private static int max(String value) throws UsageException {
        try {
            int max = Integer.parseInt(value);
            if (max >= 1 && max <= 500) {
                return max;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("--max must be 1 to 500");
    }

    private static Path path(Map<String, String> options, String name) throws UsageException {
        return Path.of(required(options, name));
    }

    private static String required(Map<String, String> options, String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
