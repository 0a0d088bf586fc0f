/**
 * The hashing core compiled for the browser (TeaVM): the reference web client hashes photos and videos in a Web
 * Worker with this module, so the picture never leaves the device. Not part of the service's war.
 */
package org.reportremove.signals.hashing.browser;
