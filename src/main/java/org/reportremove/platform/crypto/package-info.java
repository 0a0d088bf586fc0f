/**
 * Small cryptographic helpers shared by capabilities: digests and random secrets.
 */
package org.reportremove.platform.crypto;
