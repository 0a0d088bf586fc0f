package org.reportremove.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart, linted and rendered by Helm itself (through helm-java, which carries it), with assertions on
 * the parsed manifests. No cluster is needed: what is checked is what the chart would send to one.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "report-remove").toAbsolutePath();

    /**
     * The values an operator must give, every Secret named with a sentinel, so that a test can find each place a
     * Secret's name ends up (and would find a secret value the same way, were one ever rendered).
     */
    private static final String REQUIRED = """
            database:
              external:
                host: db.internal
                existingSecret: sentinel-database
            tokens:
              signingKeys:
                existingSecret: sentinel-token-signing
            encryption:
              keyset:
                existingSecret: sentinel-encryption-keyset
            analysts:
              bundles:
                signingKey:
                  existingSecret: sentinel-bundle-signing
            ageCheck:
              provider:
                name: example-age-provider
                issuer: https://age.example.org
                startUrl: https://age.example.org/start
                jwksUrl: https://age.example.org/.well-known/jwks.json
            """;

    /** Every optional secret as well: the analyst side's keys, the provider's keys as a file, clients, webhooks. */
    private static final String EVERY_SECRET = """
            database:
              external:
                sslmode: verify-full
                caSecret:
                  existingSecret: sentinel-database-ca
            analysts:
              bundles:
                analystKeys:
                  existingSecret: sentinel-analyst-keys
            ageCheck:
              provider:
                jwksUrl: ""
                jwks:
                  existingSecret: sentinel-age-provider
            clients:
              - id: helpline-uk
                roles: [counsellor]
                existingSecret: sentinel-client-helpline
                key: jwks.json
              - id: analysts
                roles: [analyst-exchange, operator]
                existingSecret: sentinel-client-analysts
                key: jwks.json
            webhooks:
              - id: helpline
                url: https://helpline.example.org/report-remove/events
                events: [case.submitted, notification.due]
                existingSecret: sentinel-webhook-helpline
                key: secret
            """;

    private static final String CNPG = """
            database:
              cnpg:
                enabled: true
              external:
                host: ""
                existingSecret: ""
            """;

    @TempDir
    Path dir;

    @Test
    void lintsCleanOnceTheRequiredValuesAreSet() throws IOException {
        Path copy = copyOfChartWithValues(REQUIRED);

        LintResult lint = new Helm(copy).lint().strict().call();

        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
        assertTrue(lint.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                () -> String.join("\n", lint.getMessages()));
    }

    @Test
    void defaultValuesNameEveryValueAnOperatorMustSet() {
        LintResult lint = new Helm(CHART).lint().call();
        String messages = String.join("\n", lint.getMessages());

        assertTrue(lint.isFailed(), messages);
        for (String required : List.of("database.external.host", "database.external.existingSecret",
                "tokens.signingKeys.existingSecret", "encryption.keyset.existingSecret",
                "analysts.bundles.signingKey.existingSecret", "ageCheck.provider.name", "ageCheck.provider.issuer",
                "ageCheck.provider.startUrl", "ageCheck.provider.jwksUrl")) {
            assertTrue(messages.contains(required), () -> required + " is not named in:\n" + messages);
        }
    }

    @Test
    void everyValueIsDocumentedInTheChartReadme() throws IOException {
        Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
        String readme = Files.readString(CHART.resolve("README.md"));
        List<String> paths = new ArrayList<>();
        leaves(values, "", paths);

        assertTrue(paths.size() > 100, "values.yaml was not read");
        for (String path : paths) {
            // A row may document a whole object (resources, a selector) instead of each of its leaves.
            String[] parts = path.split("\\.");
            boolean documented = false;
            for (int n = parts.length; n > 0 && !documented; n--) {
                documented = readme.contains("| `" + String.join(".", Arrays.copyOf(parts, n)) + "` |");
            }
            assertTrue(documented, () -> path + " is not in the README's table of values");
        }
    }

    @Test
    void rendersNonRootReadOnlyPods() {
        Manifests manifests = render(REQUIRED);
        Map<String, Object> pod = manifests.podSpec();
        Map<String, Object> container = manifests.container();

        Map<String, Object> podSecurity = map(pod, "securityContext");
        Map<String, Object> containerSecurity = map(container, "securityContext");
        assertAll(
                () -> assertEquals(true, podSecurity.get("runAsNonRoot")),
                () -> assertEquals(10001, podSecurity.get("runAsUser")),
                () -> assertEquals(10001, podSecurity.get("runAsGroup")),
                () -> assertEquals("RuntimeDefault", map(podSecurity, "seccompProfile").get("type")),
                () -> assertEquals(true, containerSecurity.get("runAsNonRoot")),
                () -> assertEquals(true, containerSecurity.get("readOnlyRootFilesystem")),
                () -> assertEquals(false, containerSecurity.get("allowPrivilegeEscalation")),
                () -> assertEquals(List.of("ALL"), map(containerSecurity, "capabilities").get("drop")),
                () -> assertEquals("RuntimeDefault", map(containerSecurity, "seccompProfile").get("type")),
                () -> assertEquals(false, pod.get("automountServiceAccountToken")),
                () -> assertEquals(false, manifests.one("ServiceAccount").get("automountServiceAccountToken")));
    }

    @Test
    void givesPayaraMicroWritableScratchSpaceOnlyInEmptyDirVolumes() {
        Manifests manifests = render(REQUIRED);
        Map<String, String> volumeOfMount = manifests.mountedVolumes();
        Map<String, Map<String, Object>> volumes = manifests.volumes();

        for (String path : List.of("/tmp", "/var/lib/report-remove")) {
            String volume = volumeOfMount.get(path);
            assertNotNull(volume, path + " is not mounted");
            assertTrue(volumes.get(volume).containsKey("emptyDir"), path + " is not an emptyDir");
        }
        assertEquals("/var/lib/report-remove", manifests.env().get("REPORTREMOVE_DATA_DIR"));
        for (Map<String, Object> mount : manifests.mounts()) {
            boolean writable = !Boolean.TRUE.equals(mount.get("readOnly"));
            boolean scratch = volumes.get((String) mount.get("name")).containsKey("emptyDir");
            assertEquals(scratch, writable, () -> mount.get("mountPath") + " is writable but not scratch space");
        }
    }

    @Test
    void retentionAndTheCounsellorApiBecomeSettingsWithTheServiceDefaults() {
        Map<String, String> env = render(REQUIRED).env();

        Map<String, String> retention = new java.util.TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("REPORTREMOVE_RETENTION_")) {
                retention.put(name, value);
            }
        });
        assertEquals(Map.of("REPORTREMOVE_RETENTION_CASES_DAYS", "90",
                "REPORTREMOVE_RETENTION_AGE_CHECKS_HOURS", "24",
                "REPORTREMOVE_RETENTION_IDEMPOTENCY_KEYS_DAYS", "7",
                "REPORTREMOVE_RETENTION_NOTIFICATIONS_DAYS", "7",
                "REPORTREMOVE_RETENTION_WEBHOOK_DELIVERIES_DAYS", "30",
                "REPORTREMOVE_RETENTION_KNOWN_SIGNAL_CHANGES_HOURS", "24",
                "REPORTREMOVE_RETENTION_BATCH_SIZE", "500"), retention);
        assertEquals("true", env.get("REPORTREMOVE_API_COUNSELLOR_ENABLED"));
    }

    @Test
    void runsInProductionModeOnEveryAddressWithTheHeapSizedFromTheContainer() {
        Manifests manifests = render(REQUIRED);
        Map<String, String> env = manifests.env();
        Map<String, Object> container = manifests.container();

        String javaOptions = env.get("JAVA_TOOL_OPTIONS");
        assertAll(
                () -> assertEquals("production", env.get("REPORTREMOVE_MODE")),
                () -> assertEquals("false", env.get("REPORTREMOVE_AGECHECK_PROVIDER_DEVELOPMENT")),
                () -> assertTrue(javaOptions.contains("-XX:MaxRAMPercentage=75"), javaOptions),
                () -> assertTrue(javaOptions.contains("-Dreportremove.bind.address=0.0.0.0"), javaOptions),
                () -> assertEquals(8080, list(container, "ports").get(0).get("containerPort")),
                () -> assertNotNull(map(map(container, "resources"), "limits").get("memory")),
                () -> assertNotNull(map(map(container, "resources"), "requests").get("cpu")),
                () -> assertEquals(2, map(manifests.one("Deployment"), "spec").get("replicas")));
    }

    @Test
    void probesStartupGenerouslyThenReadinessAndLiveness() {
        Map<String, Object> container = render(REQUIRED).container();

        Map<String, Object> startup = map(container, "startupProbe");
        assertAll(
                () -> assertEquals("/health/ready", map(map(container, "readinessProbe"), "httpGet").get("path")),
                () -> assertEquals("/health/live", map(map(container, "livenessProbe"), "httpGet").get("path")),
                () -> assertEquals("/health/live", map(startup, "httpGet").get("path")),
                () -> assertTrue((int) startup.get("failureThreshold") * (int) startup.get("periodSeconds") >= 180,
                        "the startup probe gives the service less than three minutes"));
    }

    @Test
    void networkPolicyIsOnByDefaultLettingInOnlyTheIngressController() {
        Map<String, Object> spec = map(render(REQUIRED).one("NetworkPolicy"), "spec");

        assertEquals(List.of("Ingress", "Egress"), spec.get("policyTypes"));
        List<Map<String, Object>> ingress = list(spec, "ingress");
        assertEquals(1, ingress.size());
        Map<String, Object> from = list(ingress.get(0), "from").get(0);
        assertEquals(Map.of("kubernetes.io/metadata.name", "ingress-nginx"),
                map(map(from, "namespaceSelector"), "matchLabels"));
        assertEquals(List.of(Map.of("port", "http", "protocol", "TCP")), ingress.get(0).get("ports"));
    }

    @Test
    void networkPolicyLetsOutOnlyDnsAndTheDatabase() {
        List<Map<String, Object>> egress = list(map(render(REQUIRED).one("NetworkPolicy"), "spec"), "egress");

        assertEquals(2, egress.size());
        Map<String, Object> dns = egress.get(0);
        assertEquals(Map.of("kubernetes.io/metadata.name", "kube-system"),
                map(map(list(dns, "to").get(0), "namespaceSelector"), "matchLabels"));
        assertEquals(List.of(Map.of("port", 53, "protocol", "UDP"), Map.of("port", 53, "protocol", "TCP")),
                dns.get("ports"));
        assertEquals(List.of(Map.of("port", 5432, "protocol", "TCP")), egress.get(1).get("ports"));
    }

    @Test
    void networkPolicyOpensTheListedAddressesAndNarrowsTheDatabaseToItsCidrs() {
        List<Map<String, Object>> egress = list(map(render(REQUIRED, """
                networkPolicy:
                  egress:
                    databaseCidrs: [10.20.0.0/24]
                    extra:
                      - description: the age provider's JWKS address
                        cidr: 203.0.113.0/24
                        ports:
                          - port: 443
                """).one("NetworkPolicy"), "spec"), "egress");

        assertEquals(3, egress.size());
        assertEquals(List.of(Map.of("ipBlock", Map.of("cidr", "10.20.0.0/24"))), egress.get(1).get("to"));
        assertEquals(List.of(Map.of("ipBlock", Map.of("cidr", "203.0.113.0/24"))), egress.get(2).get("to"));
        assertEquals(List.of(Map.of("port", 443, "protocol", "TCP")), egress.get(2).get("ports"));
    }

    @Test
    void noSecretValueIsEverRendered() {
        Manifests manifests = render(REQUIRED, EVERY_SECRET);

        assertTrue(manifests.all().stream().noneMatch(o -> "Secret".equals(o.get("kind"))), "a Secret is rendered");
        // A Secret's name may appear only where Kubernetes reads the Secret: nowhere else (a ConfigMap, an env
        // value, an annotation) can it carry what the Secret holds.
        Set<String> referenced = new TreeSet<>();
        for (Map<String, Object> object : manifests.all()) {
            walk(object, "", (path, value) -> {
                if (value.contains("sentinel-")) {
                    assertTrue(path.endsWith(".secretKeyRef.name") || path.endsWith(".secret.secretName"),
                            () -> "a Secret's name is rendered at " + path);
                    referenced.add(value);
                }
            });
        }
        assertEquals(new TreeSet<>(List.of("sentinel-analyst-keys", "sentinel-age-provider",
                "sentinel-bundle-signing", "sentinel-client-analysts", "sentinel-client-helpline",
                "sentinel-database", "sentinel-database-ca", "sentinel-encryption-keyset", "sentinel-token-signing",
                "sentinel-webhook-helpline")), referenced, "every Secret is used, and used only by reference");
        for (Map<String, Object> variable : list(manifests.container(), "env")) {
            String name = (String) variable.get("name");
            if (name.matches(".*(PASSWORD|SECRET|KEYSET|JWKS)")) {
                assertFalse(variable.containsKey("value"), () -> name + " holds a literal value");
            }
        }
    }

    @Test
    void secretsAreMountedReadOnlyAndTheServiceReadsThemAsFiles() {
        Manifests manifests = render(REQUIRED, EVERY_SECRET);
        Map<String, String> env = manifests.env();
        List<String> secretMounts = manifests.mounts().stream()
                .filter(m -> manifests.volumes().get((String) m.get("name")).containsKey("secret"))
                .peek(m -> assertEquals(true, m.get("readOnly"), () -> m.get("mountPath") + " is writable"))
                .map(m -> (String) m.get("mountPath"))
                .toList();

        Map<String, String> files = env.entrySet().stream().filter(e -> e.getKey().endsWith("_FILE"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Set.of("REPORTREMOVE_TOKENS_SIGNING_JWKS_FILE", "REPORTREMOVE_ENCRYPTION_KEYSET_FILE",
                "REPORTREMOVE_ANALYSTS_BUNDLES_SIGNING_JWKS_FILE", "REPORTREMOVE_ANALYSTS_BUNDLES_ANALYST_JWKS_FILE",
                "REPORTREMOVE_AGECHECK_PROVIDER_JWKS_FILE", "REPORTREMOVE_CLIENT_HELPLINE_UK_JWKS_FILE",
                "REPORTREMOVE_CLIENT_ANALYSTS_JWKS_FILE", "REPORTREMOVE_WEBHOOK_HELPLINE_SECRETS_FILE"),
                files.keySet());
        files.forEach((name, file) -> {
            assertTrue(file.startsWith("/run/secrets/report-remove/"), name + " points at " + file);
            assertTrue(secretMounts.stream().anyMatch(mount -> file.startsWith(mount + "/")),
                    name + " points outside every mounted Secret: " + file);
        });
        assertTrue(env.get("REPORTREMOVE_DATASOURCE_URL").endsWith(
                "sslmode=verify-full&sslrootcert=/run/secrets/report-remove/database-ca/ca.crt"));
    }

    @Test
    void partnerClientsAndWebhookSubscriptionsBecomeSettings() {
        Map<String, String> env = render(REQUIRED, EVERY_SECRET).env();

        assertAll(
                () -> assertEquals("helpline-uk,analysts", env.get("REPORTREMOVE_CLIENTS")),
                () -> assertEquals("counsellor", env.get("REPORTREMOVE_CLIENT_HELPLINE_UK_ROLES")),
                () -> assertEquals("analyst-exchange,operator", env.get("REPORTREMOVE_CLIENT_ANALYSTS_ROLES")),
                () -> assertEquals("helpline", env.get("REPORTREMOVE_WEBHOOKS_PARTNERS")),
                () -> assertEquals("https://helpline.example.org/report-remove/events",
                        env.get("REPORTREMOVE_WEBHOOK_HELPLINE_URL")),
                () -> assertEquals("case.submitted,notification.due", env.get("REPORTREMOVE_WEBHOOK_HELPLINE_EVENTS")));
    }

    @Test
    void refusesTheSameClientIdTwice() {
        String error = renderFailure(REQUIRED, """
                clients:
                  - {id: helpline, roles: [counsellor], existingSecret: one, key: jwks.json}
                  - {id: helpline, roles: [operator], existingSecret: two, key: jwks.json}
                """);

        assertTrue(error.contains("clients: the id helpline is used twice"), error);
    }

    @Test
    void schemaRefusesAnUnknownKeyAtAnyLevel() {
        String topLevel = renderFailure(REQUIRED, "replicas: 3\n");
        String nested = renderFailure(REQUIRED, """
                database:
                  external:
                    password: written-in-values
                """);

        assertTrue(topLevel.contains("Additional property replicas is not allowed"), topLevel);
        assertTrue(nested.contains("database.external: Additional property password is not allowed"), nested);
    }

    @Test
    void schemaIsStrictAtEveryLevel() throws IOException {
        Map<String, Object> schema = new Yaml().load(Files.readString(CHART.resolve("values.schema.json")));
        List<String> objects = new ArrayList<>();

        strictObjects(schema, "", objects);

        assertTrue(objects.size() > 40, "the schema was not read");
    }

    /** Every object in the schema refuses unknown keys, or (labels, annotations) takes only string values. */
    @SuppressWarnings("unchecked")
    private static void strictObjects(Object node, String path, List<String> objects) {
        if (node instanceof Map<?, ?> schema) {
            if ("object".equals(schema.get("type"))) {
                objects.add(path);
                Object additional = schema.get("additionalProperties");
                assertTrue(Boolean.FALSE.equals(additional) || Map.of("type", "string").equals(additional),
                        () -> "the object at " + path + " takes unknown keys");
            }
            ((Map<String, Object>) schema).forEach((key, value) -> strictObjects(value, path + "/" + key, objects));
        } else if (node instanceof List<?> items) {
            items.forEach(item -> strictObjects(item, path, objects));
        }
    }

    @Test
    void schemaRefusesDevelopmentMode() {
        String error = renderFailure(REQUIRED, "mode: development\n");

        assertTrue(error.contains("mode: mode must be one of the following: \"production\""), error);
    }

    @Test
    void schemaRefusesTheDevelopmentAgeProvider() {
        String error = renderFailure(REQUIRED, """
                ageCheck:
                  provider:
                    development: true
                """);

        assertTrue(error.contains("ageCheck.provider.development: ageCheck.provider.development does not match: false"),
                error);
    }

    @Test
    void schemaRefusesServiceSettingsPassedAsJvmOptions() {
        String error = renderFailure(REQUIRED, """
                jvm:
                  extraOptions: -Dreportremove.datasource.url=jdbc:h2:mem:reportremove
                """);

        assertTrue(error.contains("jvm.extraOptions: Must not validate the schema (not)"), error);
    }

    @Test
    void templatesRefuseDevelopmentOnlySettingsEvenWithoutTheSchema() throws IOException {
        Path chart = copyOfChartWithValues("{}");
        Files.delete(chart.resolve("values.schema.json"));

        assertAll(
                () -> assertTrue(renderFailure(chart, REQUIRED, "mode: development\n")
                        .contains("mode must be production")),
                () -> assertTrue(renderFailure(chart, REQUIRED, "ageCheck: {provider: {development: true}}\n")
                        .contains("ageCheck.provider.development must be false")),
                () -> assertTrue(renderFailure(chart, REQUIRED, "jvm: {extraOptions: '-Dreportremove.mode=development'}\n")
                        .contains("jvm.extraOptions must not set service settings")),
                () -> assertTrue(renderFailure(chart, REQUIRED, "database: {external: {host: ''}}\n")
                        .contains("database.external.host is required")),
                () -> assertTrue(renderFailure(chart, REQUIRED, "tokens: {signingKeys: {existingSecret: ''}}\n")
                        .contains("tokens.signingKeys.existingSecret is required")));
    }

    @Test
    void refusesAnUnencryptedDatabaseConnection() {
        String error = renderFailure(REQUIRED, """
                database:
                  external:
                    sslmode: disable
                """);

        assertTrue(error.contains("database.external.sslmode: database.external.sslmode must be one of the following:"
                + " \"require\", \"verify-ca\", \"verify-full\""), error);
    }

    @Test
    void refusesCertificateChecksWithoutTheDatabaseServersCa() {
        String error = renderFailure(REQUIRED, """
                database:
                  external:
                    sslmode: verify-full
                """);

        assertTrue(error.contains("database.external.caSecret.existingSecret: String length must be greater than or equal"
                + " to 1"), error);
    }

    @Test
    void takesTheAgeProvidersKeysFromExactlyOnePlace() {
        String both = renderFailure(REQUIRED, """
                ageCheck:
                  provider:
                    jwks:
                      existingSecret: age-provider-keys
                """);
        String neither = renderFailure(REQUIRED, """
                ageCheck:
                  provider:
                    jwksUrl: ""
                """);

        assertTrue(both.contains("ageCheck.provider: Must validate one and only one schema (oneOf)"), both);
        assertTrue(neither.contains("ageCheck.provider: Must validate one and only one schema (oneOf)"), neither);
    }

    @Test
    void usesTheExternalDatabaseByDefault() {
        Manifests manifests = render(REQUIRED);
        Map<String, Map<String, Object>> env = manifests.envVariables();

        assertTrue(manifests.all().stream().noneMatch(o -> "Cluster".equals(o.get("kind"))));
        assertEquals("jdbc:postgresql://db.internal:5432/reportremove?sslmode=require",
                env.get("REPORTREMOVE_DATASOURCE_URL").get("value"));
        assertEquals(Map.of("name", "sentinel-database", "key", "user"), secretKeyRef(env, "REPORTREMOVE_DATASOURCE_USER"));
        assertEquals(Map.of("name", "sentinel-database", "key", "password"),
                secretKeyRef(env, "REPORTREMOVE_DATASOURCE_PASSWORD"));
    }

    @Test
    void bundledCloudNativePgClusterHasThreeInstancesAndTheServiceUsesIt() {
        Manifests manifests = render(REQUIRED, CNPG);
        Map<String, Object> cluster = manifests.one("Cluster");
        Map<String, Map<String, Object>> env = manifests.envVariables();
        List<Map<String, Object>> egress = list(map(manifests.one("NetworkPolicy"), "spec"), "egress");

        String name = (String) map(cluster, "metadata").get("name");
        assertAll(
                () -> assertEquals("postgresql.cnpg.io/v1", cluster.get("apiVersion")),
                () -> assertEquals(3, map(cluster, "spec").get("instances")),
                () -> assertEquals("reportremove", map(map(map(cluster, "spec"), "bootstrap"), "initdb").get("database")),
                () -> assertEquals("jdbc:postgresql://" + name + "-rw.reportremove.svc:5432/reportremove"
                                + "?sslmode=verify-full&sslrootcert=/run/secrets/report-remove/database-ca/ca.crt",
                        env.get("REPORTREMOVE_DATASOURCE_URL").get("value")),
                () -> assertEquals(Map.of("name", name + "-app", "key", "username"),
                        secretKeyRef(env, "REPORTREMOVE_DATASOURCE_USER")),
                () -> assertEquals(Map.of("name", name + "-app", "key", "password"),
                        secretKeyRef(env, "REPORTREMOVE_DATASOURCE_PASSWORD")),
                () -> assertEquals(name + "-ca", map(manifests.volumes().get("database-ca"), "secret").get("secretName")),
                () -> assertEquals(List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("cnpg.io/cluster", name)))),
                        egress.get(1).get("to")));
    }

    @Test
    void rendersAPodDisruptionBudgetForTheServicePods() {
        Manifests manifests = render(REQUIRED);
        Map<String, Object> spec = map(manifests.one("PodDisruptionBudget"), "spec");

        assertEquals(1, spec.get("maxUnavailable"));
        assertEquals(map(map(manifests.one("Deployment"), "spec"), "selector"), spec.get("selector"));
    }

    @Test
    void autoscalerIsOffByDefaultAndTakesOverTheReplicaCountWhenOn() {
        Manifests off = render(REQUIRED);
        Manifests on = render(REQUIRED, """
                autoscaling:
                  enabled: true
                  minReplicas: 3
                  maxReplicas: 9
                """);

        assertTrue(off.all().stream().noneMatch(o -> "HorizontalPodAutoscaler".equals(o.get("kind"))));
        Map<String, Object> hpa = map(on.one("HorizontalPodAutoscaler"), "spec");
        assertAll(
                () -> assertEquals(3, hpa.get("minReplicas")),
                () -> assertEquals(9, hpa.get("maxReplicas")),
                () -> assertEquals(map(on.one("Deployment"), "metadata").get("name"),
                        map(hpa, "scaleTargetRef").get("name")),
                () -> assertFalse(map(on.one("Deployment"), "spec").containsKey("replicas")));
    }

    @Test
    void ingressIsOffByDefaultAndAlwaysHasTlsWhenOn() {
        Manifests off = render(REQUIRED);
        String withoutTls = renderFailure(REQUIRED, """
                ingress:
                  enabled: true
                  host: reportremove.example.org
                """);
        Manifests on = render(REQUIRED, """
                ingress:
                  enabled: true
                  host: reportremove.example.org
                  tls:
                    secretName: reportremove-tls
                """);

        assertTrue(off.all().stream().noneMatch(o -> "Ingress".equals(o.get("kind"))));
        assertTrue(withoutTls.contains("ingress.tls.secretName: String length must be greater than or equal to 1"),
                withoutTls);
        assertEquals(List.of(Map.of("hosts", List.of("reportremove.example.org"), "secretName", "reportremove-tls")),
                map(on.one("Ingress"), "spec").get("tls"));
    }

    @Test
    void spreadsPodsAcrossNodesAndSoftlyAcrossZones() {
        List<Map<String, Object>> spread = list(render(REQUIRED).podSpec(), "topologySpreadConstraints");

        assertEquals(Map.of("kubernetes.io/hostname", "DoNotSchedule", "topology.kubernetes.io/zone", "ScheduleAnyway"),
                spread.stream().collect(Collectors.toMap(c -> (String) c.get("topologyKey"),
                        c -> (String) c.get("whenUnsatisfiable"))));
    }

    @Test
    void labelsEveryObjectTheKubernetesWay() {
        for (Map<String, Object> object : render(REQUIRED, CNPG).all()) {
            Map<String, Object> labels = map(map(object, "metadata"), "labels");
            for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
                    "app.kubernetes.io/version", "app.kubernetes.io/managed-by", "helm.sh/chart")) {
                assertTrue(labels.containsKey(label), () -> object.get("kind") + " has no " + label);
            }
        }
    }

    // --- rendering

    private Manifests render(String... values) {
        try {
            return new Manifests(template(values).call());
        } catch (RuntimeException e) {
            throw new AssertionError("the chart did not render: " + e.getMessage(), e);
        }
    }

    /** Renders values that must be refused, and returns what Helm said. */
    private String renderFailure(String... values) {
        return renderFailure(CHART, values);
    }

    private String renderFailure(Path chart, String... values) {
        TemplateCommand template = template(chart, values);
        return assertThrows(RuntimeException.class, template::call, "the chart rendered").getMessage();
    }

    private TemplateCommand template(String... values) {
        return template(CHART, values);
    }

    private TemplateCommand template(Path chart, String... values) {
        TemplateCommand template = new Helm(chart).template().withName("rr").withNamespace("reportremove");
        for (String yaml : values) {
            template = template.withValuesFile(write(yaml));
        }
        return template;
    }

    private Path write(String yaml) {
        try {
            return Files.writeString(Files.createTempFile(dir, "values", ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** helm lint takes no values file: lint a copy of the chart whose values.yaml has the required ones added. */
    private Path copyOfChartWithValues(String values) throws IOException {
        Path copy = dir.resolve("report-remove");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Yaml yaml = new Yaml();
        Map<String, Object> merged = yaml.load(Files.readString(CHART.resolve("values.yaml")));
        merge(merged, yaml.load(values));
        Files.writeString(copy.resolve("values.yaml"), yaml.dump(merged));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map && into.get(key) instanceof Map) {
                merge((Map<String, Object>) into.get(key), (Map<String, Object>) value);
            } else {
                into.put(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void leaves(Map<String, Object> values, String prefix, List<String> paths) {
        values.forEach((key, value) -> {
            if (value instanceof Map<?, ?> object && !object.isEmpty()) {
                leaves((Map<String, Object>) object, prefix + key + ".", paths);
            } else {
                paths.add(prefix + key);
            }
        });
    }

    // --- reading the manifests

    /** The objects of one rendering. */
    private static final class Manifests {

        private final List<Map<String, Object>> objects = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Manifests(String rendered) {
            for (Object document : new Yaml().loadAll(rendered)) {
                if (document != null) {
                    objects.add((Map<String, Object>) document);
                }
            }
        }

        List<Map<String, Object>> all() {
            return objects;
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
            assertEquals(1, found.size(), () -> "expected one " + kind + ", found " + found.size());
            return found.get(0);
        }

        Map<String, Object> podSpec() {
            return map(map(map(one("Deployment"), "spec"), "template"), "spec");
        }

        Map<String, Object> container() {
            List<Map<String, Object>> containers = list(podSpec(), "containers");
            assertEquals(1, containers.size());
            return containers.get(0);
        }

        /** Environment variables by name, as rendered. */
        Map<String, Map<String, Object>> envVariables() {
            Map<String, Map<String, Object>> env = new LinkedHashMap<>();
            for (Map<String, Object> variable : list(container(), "env")) {
                assertNull(env.put((String) variable.get("name"), variable), "set twice: " + variable.get("name"));
            }
            return env;
        }

        /** Literal environment values by name (those from Secrets are left out). */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            envVariables().forEach((name, variable) -> {
                if (variable.containsKey("value")) {
                    env.put(name, Objects.toString(variable.get("value")));
                }
            });
            return env;
        }

        List<Map<String, Object>> mounts() {
            return list(container(), "volumeMounts");
        }

        /** Volume name by mount path. */
        Map<String, String> mountedVolumes() {
            return mounts().stream().collect(Collectors.toMap(m -> (String) m.get("mountPath"), m -> (String) m.get("name")));
        }

        Map<String, Map<String, Object>> volumes() {
            return list(podSpec(), "volumes").stream().collect(Collectors.toMap(v -> (String) v.get("name"), v -> v));
        }

        private static void assertNull(Object previous, String message) {
            assertEquals(null, previous, message);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, () -> key + " is not an object in " + parent.keySet());
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, () -> key + " is not a list in " + parent.keySet());
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> secretKeyRef(Map<String, Map<String, Object>> env, String name) {
        return map(map(env.get(name), "valueFrom"), "secretKeyRef");
    }

    /** Calls visit with the path and value of every string in a parsed object. */
    private static void walk(Object node, String path, BiConsumer<String, String> visit) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> walk(value, path + "." + key, visit));
        } else if (node instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), path + "[" + i + "]", visit);
            }
        } else if (node instanceof String text) {
            visit.accept(path, text);
        }
    }
}
