/**
 * The case aggregate ({@link org.reportremove.cases.entity.Case} with its items and signals) and its value types:
 * references, concerns, locations, consent.
 */
package org.reportremove.cases.entity;
