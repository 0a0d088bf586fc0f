/**
 * The young people's age check API (start a check, send the provider's attestation) and the development
 * provider that stands in for a real one when trying the service out.
 */
package org.reportremove.agecheck.boundary;
