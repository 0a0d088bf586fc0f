package org.reportremove.platform.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Key files, written readable and writable by their owner only from the moment they exist: the file is created
 * with those permissions before anything is written into it, so there is no moment in which another user of the
 * machine could read a key. A new file never replaces an existing one (a second run must not lose a key that is
 * in use); a rotation writes a new copy beside the old and moves it over it in one step.
 */
final class KeyFiles {

    private KeyFiles() {
    }

    static String read(Path file) throws KeysException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeysException(file + " does not exist: make it first (without --rotate)");
        } catch (IOException e) {
            throw new KeysException(file + " could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** Writes a file that must not exist yet. */
    static void create(Path file, String content) throws KeysException {
        try {
            ownerOnly(file);
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            throw new KeysException(file + " exists already: pass --rotate to add a key to it");
        } catch (IOException e) {
            throw new KeysException(file + " could not be written: " + e.getClass().getSimpleName());
        }
    }

    /** Replaces a file with new content, or creates it, through an owner-only copy moved over it. */
    static void replace(Path file, String content) throws KeysException {
        Path absolute = file.toAbsolutePath();
        Path copy = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            ownerOnly(copy);
            Files.writeString(copy, content, StandardCharsets.UTF_8);
            Files.move(copy, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // The copy is owner-only; the failure below is what the operator needs to see.
            }
            throw new KeysException(file + " could not be written: " + e.getClass().getSimpleName());
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions have to do.
            Files.createFile(file);
        }
    }
}
