package org.reportremove.deployment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Production from nothing" in {@code docs/operations.md} and {@code scripts/production-walkthrough.sh}, which CI
 * runs, say the same: every key the docs make, every setting they export, every SQL statement they give and the
 * way they run the verifier are in the script. A step changed in one and not the other fails here, before CI
 * would run a walk-through the docs no longer describe.
 */
class ProductionWalkthroughTest {

    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern KEYS_COMMAND = Pattern.compile("report-remove-keys\\.jar (.+)");
    private static final Pattern EXPORT = Pattern.compile("^export (REPORTREMOVE_\\w+)=", Pattern.MULTILINE);
    /** Passwords differ on purpose: the docs leave them to the reader, the script passes psql variables. */
    private static final Pattern PASSWORD = Pattern.compile("PASSWORD (?:'…'|:'\\w+')");

    @Test
    void theScriptMakesEveryKeyTheDocsMakeWithTheSameCommand() throws IOException {
        List<String> commands = new ArrayList<>();
        for (String block : blocks("sh")) {
            Matcher keys = KEYS_COMMAND.matcher(block);
            while (keys.find()) {
                // Step 1 only: the keys made in the keys folder (the assertion of step 5 reads one of them).
                if (!keys.group(1).startsWith("assertion ")) {
                    commands.add(keys.group(1));
                }
            }
        }
        assertEquals(4, commands.size(), commands::toString);
        String script = script();
        assertEquals(List.of(), commands.stream().filter(command -> !script.contains("$KEYS " + command)).toList(),
                "key commands of the docs missing from the script");
    }

    @Test
    void theScriptExportsEverySettingTheDocsStartTheServiceWith() throws IOException {
        List<String> settings = new ArrayList<>();
        for (String block : blocks("sh")) {
            Matcher export = EXPORT.matcher(block);
            while (export.find()) {
                settings.add(export.group(1));
            }
        }
        assertFalse(settings.isEmpty());
        List<String> scripted = new ArrayList<>();
        Matcher export = EXPORT.matcher(script().replaceAll("(?m)^ +", ""));
        while (export.find()) {
            scripted.add(export.group(1));
        }
        assertEquals(settings, scripted, "the settings the service starts with, in order");
    }

    @Test
    void theScriptRunsEverySqlStatementOfTheDocs() throws IOException {
        List<String> statements = new ArrayList<>();
        for (String block : blocks("sql")) {
            block.lines().filter(line -> !line.isBlank()).map(line -> PASSWORD.matcher(line).replaceAll("PASSWORD ?"))
                    .forEach(statements::add);
        }
        assertEquals(6, statements.size(), statements::toString);
        String script = PASSWORD.matcher(script()).replaceAll("PASSWORD ?");
        assertEquals(List.of(), statements.stream().filter(statement -> !script.contains("\n" + statement + "\n"))
                .toList(), "SQL of the docs missing from the script");
    }

    @Test
    void theScriptVerifiesTheChainAsTheAuditorWithAPasswordFile() throws IOException {
        String docs = String.join("\n", blocks("sh"));
        String script = script();
        for (String part : List.of("REPORTREMOVE_DATASOURCE_USER=auditor",
                "java -jar target/report-remove-audit-verify.jar --password-file ")) {
            assertTrue(docs.contains(part), "docs: " + part);
            assertTrue(script.contains(part), "script: " + part);
        }
    }

    /** The fenced blocks of one language in the walk-through's section, continuation lines joined. */
    private static List<String> blocks(String language) throws IOException {
        String docs = Files.readString(Path.of("docs/operations.md"), StandardCharsets.UTF_8);
        int start = docs.indexOf("## Production from nothing");
        int end = docs.indexOf("\n## ", start + 1);
        Matcher fence = FENCE.matcher(docs.substring(start, end));
        List<String> found = new ArrayList<>();
        while (fence.find()) {
            if (fence.group(1).equals(language)) {
                found.add(fence.group(2).replace("\\\n    ", ""));
            }
        }
        return found;
    }

    private static String script() throws IOException {
        return Files.readString(Path.of("scripts/production-walkthrough.sh"), StandardCharsets.UTF_8);
    }
}
