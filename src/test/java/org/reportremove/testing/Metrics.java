package org.reportremove.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus text format that {@code /metrics} answers: one sample per line, a name, optional labels
 * in braces, a value.
 */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Metrics() {
    }

    /** One sample: its name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static List<Sample> parse(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return samples;
    }

    /** The sum of every sample whose name starts with {@code name} (a counter's {@code _total}, all labels). */
    public static double total(String body, String name) {
        return parse(body).stream().filter(sample -> sample.name().equals(name) || sample.name().equals(name + "_total"))
                .mapToDouble(Sample::value).sum();
    }

    /** The value of the sample of {@code name} with the label {@code label="value"}. */
    public static Optional<Double> value(String body, String name, String label, String value) {
        return parse(body).stream()
                .filter(sample -> sample.name().startsWith(name) && value.equals(sample.labels().get(label)))
                .map(Sample::value).findFirst();
    }
}
