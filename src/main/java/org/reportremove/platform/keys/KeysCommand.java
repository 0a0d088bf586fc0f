package org.reportremove.platform.keys;

import com.google.crypto.tink.KeysetHandle;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code report-remove-keys}: makes every key the service and its partners need, in the form its setting takes,
 * and rotates them. Private keys go to files readable by their owner only; what is to be handed to someone else
 * (public keys) is printed on standard output, so that it can be redirected to a file; notes go to standard error.
 * Exit status: 0 done, 1 refused (a file exists, is missing or holds the wrong keys), 2 usage.
 */
public final class KeysCommand {

    static final String USAGE = String.join("\n",
            "usage: report-remove-keys <command> [options]",
            "  token-signing  --out FILE [--rotate]                    the service's access token signing JWKS",
            "  encryption     --out FILE [--rotate | --promote KEY_ID] the service's Tink keyset (data at rest)",
            "  bundle-signing --out FILE [--rotate]                    the service's air-gap bundle signing JWKS",
            "  analyst-side   --out FILE --public FILE [--rotate]      the analyst side's bundle keys",
            "  client         --id ID --out FILE --public FILE [--rotate]  a partner client's key pair",
            "  webhook-secret --out FILE                               a webhook subscription's whsec_ secret",
            "  assertion      --id ID --key FILE [--audience AUD]      a signed client assertion for a token");

    private static final Set<String> FLAGS = Set.of("rotate");

    private final PrintStream out;
    private final PrintStream err;

    KeysCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new KeysCommand(System.out, System.err).run(args));
    }

    int run(String[] args) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[0]) {
                case "token-signing" -> tokenSigning(options);
                case "encryption" -> encryption(options);
                case "bundle-signing" -> bundleSigning(options);
                case "analyst-side" -> analystSide(options);
                case "client" -> client(options);
                case "webhook-secret" -> webhookSecret(options);
                case "assertion" -> assertion(options);
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("report-remove-keys " + args[0] + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (KeysException e) {
            err.println("report-remove-keys " + args[0] + ": " + e.getMessage());
            return 1;
        } catch (JOSEException | GeneralSecurityException e) {
            // The message of a key library could quote key material: name the kind of failure only.
            err.println("report-remove-keys " + args[0] + ": the keys could not be made: "
                    + e.getClass().getSimpleName());
            return 1;
        }
    }

    private void tokenSigning(Map<String, String> options) throws KeysException, JOSEException {
        Path file = path(options, "out");
        boolean rotate = options.containsKey("rotate");
        JWKSet keys = JsonWebKeys.tokenSigning(rotate ? jwks(file) : new JWKSet());
        write(file, keys.toString(false), rotate);
        JWK added = keys.getKeys().get(keys.getKeys().size() - 1);
        err.println("wrote " + file + " (owner only): token signing key " + added.getKeyID());
        if (rotate) {
            err.println("next: roll the set out to every replica, then set reportremove.tokens.active-kid="
                    + added.getKeyID() + "; remove the old key 15 minutes after that");
        }
        out.println(keys.toPublicJWKSet());
    }

    private void encryption(Map<String, String> options) throws KeysException, GeneralSecurityException {
        Path file = path(options, "out");
        KeysetHandle keyset;
        if (options.containsKey("promote")) {
            keyset = EncryptionKeysets.promote(keyset(file), keyId(options.get("promote")));
        } else if (options.containsKey("rotate")) {
            keyset = EncryptionKeysets.rotate(keyset(file));
            err.println("next: roll the keyset out to every replica, then make the new key primary with --promote");
        } else {
            keyset = EncryptionKeysets.create();
        }
        boolean replace = options.containsKey("rotate") || options.containsKey("promote");
        write(file, EncryptionKeysets.serialise(keyset), replace);
        err.println("wrote " + file + " (owner only): an AES-256-GCM keyset; its key ids:");
        out.print(EncryptionKeysets.describe(keyset));
    }

    private void bundleSigning(Map<String, String> options) throws KeysException, JOSEException {
        Path file = path(options, "out");
        boolean rotate = options.containsKey("rotate");
        JWKSet keys = JsonWebKeys.bundleSigning(rotate ? jwks(file) : new JWKSet());
        write(file, keys.toString(false), rotate);
        err.println("wrote " + file + " (owner only): bundle signing key " + keys.getKeys().get(0).getKeyID()
                + "; hand the public keys below to the analysts as service-bundle.jwks");
        out.println(keys.toPublicJWKSet());
    }

    private void analystSide(Map<String, String> options) throws KeysException, JOSEException {
        Path file = path(options, "out");
        Path publicFile = path(options, "public");
        boolean rotate = options.containsKey("rotate");
        JWKSet keys = JsonWebKeys.analystSide(rotate ? jwks(file) : new JWKSet());
        write(file, keys.toString(false), rotate);
        write(publicFile, keys.toPublicJWKSet().toString(), rotate);
        err.println("wrote " + file + " (owner only, for analyst-bridge --analyst-keys) and " + publicFile
                + " (for the service's reportremove.analysts.bundles.analyst-jwks-file)");
        out.println(keys.toPublicJWKSet());
    }

    private void client(Map<String, String> options) throws KeysException, JOSEException {
        String id = required(options, "id");
        Path file = path(options, "out");
        Path publicFile = path(options, "public");
        boolean rotate = options.containsKey("rotate");
        JWKSet keys = JsonWebKeys.client(id, rotate ? jwks(file) : new JWKSet());
        write(file, keys.toString(false), rotate);
        write(publicFile, keys.toPublicJWKSet().toString(), rotate);
        err.println("wrote " + file + " (owner only, the partner's private key) and " + publicFile
                + " (for the service's reportremove.client." + id + ".jwks-file)");
        if (rotate) {
            err.println("next: give the service the new public keys first, then let the partner sign with the new key");
        }
        out.println(keys.toPublicJWKSet());
    }

    private void webhookSecret(Map<String, String> options) throws KeysException {
        Path file = path(options, "out");
        KeyFiles.create(file, WebhookSecrets.create() + "\n");
        err.println("wrote " + file + " (owner only): hand it to the partner over a channel only the two of you read");
    }

    private void assertion(Map<String, String> options) throws KeysException, JOSEException {
        String id = required(options, "id");
        JWKSet keys = jwks(path(options, "key"));
        if (keys.getKeys().isEmpty()) {
            throw new KeysException("the client key file holds no key");
        }
        String audience = options.getOrDefault("audience", "urn:reportremove:service");
        out.println(ClientAssertionSigner.sign(id, keys.getKeys().get(0), audience, Instant.now()));
    }

    private static void write(Path file, String content, boolean replace) throws KeysException {
        if (replace) {
            KeyFiles.replace(file, content);
        } else {
            KeyFiles.create(file, content);
        }
    }

    private static JWKSet jwks(Path file) throws KeysException {
        try {
            return JWKSet.parse(KeyFiles.read(file));
        } catch (ParseException e) {
            throw new KeysException(file + " is not a JWKS");
        }
    }

    private static KeysetHandle keyset(Path file) throws KeysException {
        try {
            return EncryptionKeysets.parse(KeyFiles.read(file));
        } catch (GeneralSecurityException e) {
            throw new KeysException(file + " is not a Tink keyset in JSON form");
        }
    }

    private static int keyId(String value) {
        try {
            return Integer.parseUnsignedInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--promote takes a key id as the command printed it");
        }
    }

    private static Path path(Map<String, String> options, String name) {
        return Path.of(required(options, name));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** {@code --name value} pairs and {@code --rotate}, after the command. */
    private static Map<String, String> options(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        Map<String, String> options = new HashMap<>();
        List<String> rest = List.of(args).subList(1, args.length);
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(arg);
            }
            String name = arg.substring(2);
            if (FLAGS.contains(name)) {
                options.put(name, "");
            } else if (i + 1 < rest.size()) {
                options.put(name, rest.get(++i));
            } else {
                throw new IllegalArgumentException(arg);
            }
        }
        return options;
    }
}
