package org.reportremove.signals.hashing.cli;

import java.nio.file.Path;
import org.reportremove.signals.hashing.ContentDigests;
import org.reportremove.signals.hashing.ContentType;
import org.reportremove.signals.hashing.PdqHashAndQuality;

/** The hashes of one file; {@code pdq} is null for videos and for photos we cannot decode. */
record HashedItem(Path file, ContentType contentType, ContentDigests digests, PdqHashAndQuality pdq) {
}
