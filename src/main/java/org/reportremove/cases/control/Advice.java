package org.reportremove.cases.control;

import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Concern;
import org.reportremove.cases.entity.ContentType;
import org.reportremove.cases.entity.Item;
import org.reportremove.cases.entity.Language;
import org.reportremove.signals.entity.Signal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * What we tell the young person with a case: safety first when someone threatens them or they are not safe, then
 * anything about their items that would make finding copies harder. Texts live in one bundle per language
 * ({@code cases/advice_en.properties}, {@code cases/advice_cy.properties}).
 */
public final class Advice {

    private static final String BUNDLE = "cases.advice";

    private Advice() {
    }

    /** Advice for a case and the items just submitted or added. */
    public static List<AdviceNote> about(Case reportCase, Collection<Item> items) {
        Language language = reportCase.language();
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, language.locale(), Advice.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<AdviceNote> advice = new ArrayList<>();
        Set<Concern> concerns = reportCase.concerns();
        boolean threatened = concerns.contains(Concern.THREATENED);
        boolean atRisk = concerns.contains(Concern.AT_RISK);
        if (atRisk) {
            advice.add(note(texts, "SAFETY_IN_DANGER", null));
        }
        if (threatened) {
            advice.add(note(texts, "SAFETY_THREATENED", null));
        }
        if (concerns.contains(Concern.AI_OR_ALTERED)) {
            advice.add(note(texts, "AI_OR_ALTERED", null));
        }
        if (threatened || atRisk) {
            advice.add(note(texts, "NOT_YOUR_FAULT", null));
            advice.add(note(texts, reportCase.followUpConsented() ? "COUNSELLOR_WILL_CONTACT" : "TALK_TO_A_COUNSELLOR",
                    null));
        }
        for (Item item : items) {
            // A perceptual signal finds copies that were resized or re-encoded; without a reliable one, only exact
            // copies of the file can be found.
            List<Signal> perceptual = item.signals().stream().filter(signal -> !signal.type().exact()).toList();
            if (item.contentType() == ContentType.PHOTO && perceptual.isEmpty()) {
                advice.add(note(texts, "PHOTO_WITHOUT_PDQ", item.number()));
            } else if (!perceptual.isEmpty() && perceptual.stream().allMatch(Signal::weak)) {
                advice.add(note(texts, "LOW_QUALITY_PDQ", item.number()));
            }
        }
        return advice;
    }

    private static AdviceNote note(ResourceBundle texts, String code, Integer item) {
        String text = texts.getString(code);
        return new AdviceNote(code, item, item == null ? text : text.replace("{item}", Integer.toString(item)));
    }
}
