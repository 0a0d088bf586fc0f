package org.reportremove.signals.hashing.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One line per file, for people and scripts that want to see which hash belongs to which file:
 * {@code file, contentType, sha256, md5, pdq, pdqQuality} (PDQ cells empty when there is none).
 * Tabs, newlines and backslashes in file names are escaped so every item stays on one line.
 */
final class TsvItemsWriter {

    static final String HEADER = "file\tcontentType\tsha256\tmd5\tpdq\tpdqQuality";

    private TsvItemsWriter() {
    }

    static void write(List<HashedItem> items, PrintStream out) {
        out.println(HEADER);
        for (HashedItem item : items) {
            out.println(String.join("\t",
                    escape(item.file().toString()),
                    item.contentType().name(),
                    item.digests().sha256(),
                    item.digests().md5(),
                    item.pdq() == null ? "" : item.pdq().hash().toHex(),
                    item.pdq() == null ? "" : Integer.toString(item.pdq().quality())));
        }
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
