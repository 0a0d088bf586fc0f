package org.reportremove.signals.hashing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reportremove.signals.hashing.ContentDigests;
import org.reportremove.signals.hashing.ContentSniffer;
import org.reportremove.signals.hashing.ContentType;
import org.reportremove.signals.hashing.PdqHashAndQuality;
import org.reportremove.signals.hashing.PdqHasher;
import org.reportremove.signals.hashing.StreamDigester;
import org.reportremove.signals.hashing.imageio.ImageDecoder;

/**
 * {@code report-remove-hash [--format json|tsv] FILE_OR_FOLDER...}
 *
 * <p>Hashes each photo (SHA-256, MD5, PDQ with quality) and video (SHA-256, MD5) and prints the
 * result on standard output; warnings and errors go to standard error. Nothing is sent anywhere.
 * Exit status: 0 when every file was hashed, 1 when some file was skipped or failed, 2 for a
 * usage error.
 */
public final class HashCommand {

    static final int OK = 0;
    static final int SOME_FILES_FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: report-remove-hash [--format json|tsv] FILE_OR_FOLDER...",
            "Hashes photos (SHA-256, MD5, PDQ) and videos (SHA-256, MD5) on this computer and prints",
            "the items JSON that the case API accepts (or TSV with --format tsv).",
            "Folders are walked. Files are recognised by their content, not their name.",
            "Nothing is uploaded or sent anywhere: only the hashes are printed.");

    private final PrintStream out;
    private final PrintStream err;
    private final PdqHasher pdqHasher = new PdqHasher();
    private final StreamDigester digester = new StreamDigester();
    private final ImageDecoder decoder = new ImageDecoder();
    private boolean someFailed;

    HashCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new HashCommand(System.out, System.err).run(args));
    }

    int run(String[] args) {
        String format = "json";
        List<String> paths = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                paths.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE_TEXT);
                return OK;
            } else if (arg.equals("--format") && i + 1 < args.length) {
                format = args[++i];
            } else if (arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
            } else {
                return usage("unknown option " + arg);
            }
        }
        if (!format.equals("json") && !format.equals("tsv")) {
            return usage("--format must be json or tsv");
        }
        if (paths.isEmpty()) {
            return usage("give at least one file or folder");
        }
        List<Path> files;
        try {
            files = FileWalker.expand(paths);
        } catch (IOException e) {
            return usage(e.getMessage());
        }
        List<HashedItem> items = new ArrayList<>();
        for (Path file : files) {
            hash(file).ifPresent(items::add);
        }
        if (format.equals("tsv")) {
            TsvItemsWriter.write(items, out);
        } else {
            JsonItemsWriter.write(items, out);
        }
        out.flush();
        return someFailed ? SOME_FILES_FAILED : OK;
    }

    private int usage(String problem) {
        err.println("report-remove-hash: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private Optional<HashedItem> hash(Path file) {
        try {
            Optional<ContentType> type = detect(file);
            if (type.isEmpty()) {
                warn(file, "skipped: not a photo or video this command recognises");
                someFailed = true;
                return Optional.empty();
            }
            ContentDigests digests;
            try (InputStream in = Files.newInputStream(file)) {
                digests = digester.digest(in);
            }
            PdqHashAndQuality pdq = type.get() == ContentType.PHOTO ? pdq(file) : null;
            return Optional.of(new HashedItem(file, type.get(), digests, pdq));
        } catch (IOException e) {
            err.println("error: " + file + ": could not be read (" + e.getClass().getSimpleName() + ")");
            someFailed = true;
            return Optional.empty();
        }
    }

    private Optional<ContentType> detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ContentSniffer.HEAD_LENGTH);
            return ContentSniffer.detect(head, head.length);
        }
    }

    /** PDQ of a photo, or null (with a warning) when it cannot be decoded, e.g. HEIC. */
    private PdqHashAndQuality pdq(Path file) {
        PdqHashAndQuality pdq;
        try {
            pdq = decoder.decode(file).pdq(pdqHasher);
        } catch (IOException e) {
            warn(file, "no PDQ hash: this image format cannot be decoded here; SHA-256 and MD5 only");
            return null;
        }
        if (pdq.isLowQuality()) {
            warn(file, "PDQ quality " + pdq.quality() + " is under " + PdqHashAndQuality.LOW_QUALITY_THRESHOLD
                    + ": the image is very plain or tiny, so this hash may not match reliably");
        }
        return pdq;
    }

    private void warn(Path file, String message) {
        err.println("warning: " + file + ": " + message);
    }
}
