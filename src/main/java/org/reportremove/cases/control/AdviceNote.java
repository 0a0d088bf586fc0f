package org.reportremove.cases.control;

/**
 * One piece of advice for the young person, in the case's language.
 *
 * @param code stable, for apps that show their own words or an icon
 * @param item the item number it is about, or null for the whole case
 */
public record AdviceNote(String code, Integer item, String text) {
}
