/**
 * Reads a case's facts, derives its progress, tells when it moves on, and puts it into words.
 */
package org.reportremove.progress.control;
