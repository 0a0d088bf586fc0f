package org.reportremove.agecheck.boundary;

/**
 * What the app needs to send the young person to the age check provider.
 *
 * @param name     the provider's name
 * @param startUrl where the age check with the provider starts; the app passes the nonce along
 * @param audience the audience the provider's attestation must be issued for
 */
public record ProviderAccess(String name, String startUrl, String audience) {
}
