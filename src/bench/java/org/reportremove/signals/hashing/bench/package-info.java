/**
 * JMH benchmarks of the hashing library: PDQ per image (from pixels, and from a JPEG file's
 * bytes) and SHA-256/MD5 throughput. Compiled and run only with the Maven profile "benchmark".
 */
package org.reportremove.signals.hashing.bench;
