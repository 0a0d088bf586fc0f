package org.reportremove.progress.control;

import org.junit.jupiter.api.Test;
import org.reportremove.analysts.entity.AssessmentOutcome;
import org.reportremove.cases.entity.Language;
import org.reportremove.cases.entity.ProgressStage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text a young person reads about their case: easy to read in English (scored), present in Welsh, simpler for
 * under-13s, and listed in docs/messages.md.
 */
class WordingTest {

    /** Easy to read for 11 to 12 year olds ("fairly easy" starts at 70). */
    private static final double LEAST_READING_EASE = 70;
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:'[A-Za-z]+)?|[0-9]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+}");

    @Test
    void everyEnglishTextReadsEasilyByTheFleschFormula() throws IOException {
        List<String> hard = new ArrayList<>();
        Properties english = bundle("");
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String text = PLACEHOLDER.matcher(english.getProperty(key)).replaceAll("3");
            double ease = fleschReadingEase(text);
            if (ease < LEAST_READING_EASE) {
                hard.add(key + " scores " + Math.round(ease));
            }
        }
        assertEquals(List.of(), hard);
    }

    @Test
    void theFormulaScoresPlainAndHardTextsApart() {
        assertTrue(fleschReadingEase("We have your report. We will tell you when we know more.") > 90);
        assertTrue(fleschReadingEase("Notwithstanding jurisdictional considerations, remediation necessitates"
                + " comprehensive organisational collaboration.") < 0);
    }

    @Test
    void everyKeyIsInWelshAndWelshHasNoOthers() throws IOException {
        assertEquals(new TreeSet<>(bundle("").stringPropertyNames()), new TreeSet<>(bundle("_cy").stringPropertyNames()));
    }

    @Test
    void everyMilestoneItemOutcomeAndReminderHasItsWordsAndSimplerWordsForUnder13s() throws IOException {
        Set<String> keys = bundle("").stringPropertyNames();
        List<String> needed = new ArrayList<>();
        for (ProgressStage milestone : ProgressStage.values()) {
            String key = "milestone." + milestone.name();
            needed.addAll(List.of(key + ".title", key + ".explanation", key + ".explanation.under13", key + ".next",
                    key + ".next.under13"));
        }
        for (AssessmentOutcome outcome : AssessmentOutcome.values()) {
            needed.addAll(List.of("item." + outcome.name(), "item." + outcome.name() + ".under13"));
        }
        needed.addAll(List.of("item.WAITING", "item.WAITING.under13", "item.FOUND", "item.FOUND.under13", "told.places",
                "told.places.under13", "told.threat", "told.threat.under13", "stillWorking.title", "stillWorking.text",
                "stillWorking.text.under13", "stillPossible.text", "stillPossible.text.under13", "counts.removed",
                "counts.removedAgain", "counts.blocking", "counts.takenDown"));
        assertEquals(List.of(), needed.stream().filter(key -> !keys.contains(key)).toList());
    }

    @Test
    void under13sGetTheSimplerWordsAndOthersTheFullOnes() {
        Wording simple = Wording.of(Language.EN, true);
        Wording full = Wording.of(Language.EN, false);

        assertTrue(simple.text("milestone.RECEIVED.explanation").startsWith("We got your report."));
        assertTrue(full.text("milestone.RECEIVED.explanation").startsWith("Your report reached us safely."));
        assertEquals(full.text("milestone.RECEIVED.title"), simple.text("milestone.RECEIVED.title"),
                "without simpler words the usual ones are used");
    }

    @Test
    void welshCasesReadWelshAndNumbersAreFilledIn() {
        Wording welsh = Wording.of(Language.CY, false);

        assertEquals("Mae dy adroddiad gyda ni", welsh.text("milestone.RECEIVED.title"));
        assertEquals("It is gone from 1 of the 4 places we know about.", Wording.of(Language.EN, false)
                .text("counts.removed", Map.of("removed", 1, "places", 4)));
    }

    @Test
    void aKeyMissingInWelshFallsBackToEnglishNeverToTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("cy"));
            Wording welsh = Wording.of("org.reportremove.progress.TestWording", Language.CY, false);
            Wording english = Wording.of("org.reportremove.progress.TestWording", Language.EN, true);

            assertEquals("Helo", welsh.text("greeting"));
            assertEquals("Goodbye", welsh.text("farewell"), "missing in Welsh: English");
            assertEquals("Hello", english.text("greeting"), "English, though the server speaks Welsh");
            assertEquals("Bye", english.text("farewell"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void docsListEveryTextInBothLanguages() throws IOException {
        String docs = Files.readString(Path.of("docs/messages.md"));
        List<String> missing = new ArrayList<>();
        for (String suffix : List.of("", "_cy")) {
            Properties texts = bundle(suffix);
            for (String key : texts.stringPropertyNames()) {
                if (!docs.contains("`" + key + "`") || !docs.contains(texts.getProperty(key))) {
                    missing.add(key + suffix);
                }
            }
        }
        assertEquals(List.of(), missing, "docs/messages.md must list every text as the bundles hold it");
        assertTrue(docs.contains("review by a Welsh speaker"));
    }

    /**
     * Flesch reading ease: 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words). Syllables are
     * counted as groups of vowels, less a silent final "e" and an "-ed" that adds no sound.
     */
    static double fleschReadingEase(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        long sentences = Math.max(1, Pattern.compile("[.!?]+").matcher(text).results().count());
        int syllables = words.stream().mapToInt(WordingTest::syllables).sum();
        return 206.835 - 1.015 * words.size() / sentences - 84.6 * syllables / words.size();
    }

    static int syllables(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        String w = word.replace("'", "");
        int count = (int) Pattern.compile("[aeiouy]+").matcher(w).results().count();
        if (count > 1 && w.endsWith("e") && !w.endsWith("le")) {
            count--;
        }
        if (count > 1 && w.matches(".*[^aeioutd]ed")) {
            count--;
        }
        return Math.max(1, count);
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WordingTest.class.getResourceAsStream("/org/reportremove/progress/Wording" + suffix
                + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
