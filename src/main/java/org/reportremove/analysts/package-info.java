/**
 * The analyst exchange: hash-only, pseudonymous packages out to the analysts' secure environment (pulled online or
 * carried in signed bundles across an air gap), and their assessments and removal actions back, applied once each.
 */
package org.reportremove.analysts;
