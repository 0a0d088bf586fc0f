package org.reportremove.auth.control;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.platform.web.Roles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The partner systems allowed to get tokens with a signed client assertion: the helpline partner's system,
 * the analyst exchange client, operators' tools. Each is configured with its public keys and its roles:
 * {@code reportremove.clients=helpline,analyst-exchange}, then {@code reportremove.client.<id>.roles} and
 * {@code reportremove.client.<id>.jwks} (the JSON) or {@code .jwks-file}.
 */
@ApplicationScoped
public class PartnerClients {

    private static final Set<String> PARTNER_ROLES = Set.of(Roles.COUNSELLOR, Roles.ANALYST_EXCHANGE, Roles.OPERATOR,
            Roles.PLATFORM);

    /** One configured partner client. */
    public record Client(String id, JWKSet keys, List<String> roles) {

        public boolean mayNameCounsellor() {
            return roles.contains(Roles.COUNSELLOR);
        }
    }

    private Map<String, Client> clients;

    @PostConstruct
    void load() {
        clients = read(ConfigProvider.getConfig());
    }

    /** The ids of the helpline partners: the clients with the counsellor role, sorted. */
    public List<String> helplinePartners() {
        return clients.values().stream().filter(Client::mayNameCounsellor).map(Client::id).sorted().toList();
    }

    public Optional<Client> find(String clientId) {
        return Optional.ofNullable(clientId).map(clients::get);
    }

    /** The clients {@code config} registers; public so that key files can be checked the way the service reads them. */
    public static Map<String, Client> read(Config config) {
        Map<String, Client> found = new HashMap<>();
        for (String id : config.getOptionalValues("reportremove.clients", String.class).orElse(List.of())) {
            String prefix = "reportremove.client." + id + ".";
            List<String> roles = config.getOptionalValues(prefix + "roles", String.class).orElse(List.of());
            if (roles.isEmpty() || !PARTNER_ROLES.containsAll(roles)) {
                throw new IllegalStateException(prefix + "roles must list one or more of " + PARTNER_ROLES);
            }
            found.put(id, new Client(id, keys(config, prefix), List.copyOf(roles)));
        }
        return Map.copyOf(found);
    }

    private static JWKSet keys(Config config, String prefix) {
        try {
            Optional<String> inline = config.getOptionalValue(prefix + "jwks", String.class);
            if (inline.isPresent()) {
                return JWKSet.parse(inline.get()).toPublicJWKSet();
            }
            String file = config.getOptionalValue(prefix + "jwks-file", String.class)
                    .orElseThrow(() -> new IllegalStateException(prefix + "jwks or " + prefix + "jwks-file is required"));
            return JWKSet.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8)).toPublicJWKSet();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(prefix + "jwks could not be read: " + e.getClass().getSimpleName());
        }
    }
}
