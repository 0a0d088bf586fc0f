/**
 * The base of every capability's domain failures. Capabilities throw these; boundaries map them to problems.
 */
package org.reportremove.platform.domain;
