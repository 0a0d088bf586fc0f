package org.reportremove.analysts.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where packages arrive, one file per package, named by its id ({@code <packageId>.json}). A marker in
 * {@code .received/} remembers each package taken in, so a package delivered again (because the acknowledgement
 * was lost in a crash) is not put in the inbox a second time, even after the analysts' system has taken the
 * first file away.
 */
final class Inbox {

    private static final Pattern PACKAGE_ID = Pattern.compile("[0-9a-f-]{36}");
    private final Path folder;

    Inbox(Path folder) {
        this.folder = folder;
    }

    /** @return true when the package is new here */
    boolean accept(String packageId, String packageJson) throws IOException, BridgeException {
        if (packageId == null || !PACKAGE_ID.matcher(packageId).matches()) {
            throw new BridgeException("a package without a valid packageId was received");
        }
        Path marker = folder.resolve(".received").resolve(packageId);
        if (Files.exists(marker)) {
            return false;
        }
        Folders.writeWhole(folder.resolve(packageId + ".json"), packageJson + "\n");
        // The marker follows the file: a crash between the two only means the same file is written again.
        Folders.writeWhole(marker, "");
        return true;
    }
}
