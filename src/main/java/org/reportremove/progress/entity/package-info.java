/**
 * The facts progress is derived from, the derivation itself (plain Java, independent of arrival order) and the
 * events progress tells when a case moves on.
 */
package org.reportremove.progress.entity;
