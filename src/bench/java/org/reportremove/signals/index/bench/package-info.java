/**
 * JMH benchmark of the in-memory known-signal index: PDQ lookups and dihedral queries against a brute-force
 * scan, build time and memory per hash. Compiled and run only with the Maven profile "benchmark".
 */
package org.reportremove.signals.index.bench;
