/**
 * The analyst exchange's API: the analyst side's online pull and results (role {@code analyst-exchange}), and the
 * operators' export and import of air-gap bundles (role {@code operator}).
 */
package org.reportremove.analysts.boundary;
