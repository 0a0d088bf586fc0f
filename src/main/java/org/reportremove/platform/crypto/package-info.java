/**
 * Small cryptographic helpers shared by capabilities: digests and random secrets, and encryption at rest
 * (Tink AEAD bound to the owning row's id) with a rotatable keyset.
 */
package org.reportremove.platform.crypto;
