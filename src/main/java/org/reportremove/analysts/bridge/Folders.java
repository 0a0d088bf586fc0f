package org.reportremove.analysts.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file handling that lets the command stop at any point and start again without losing or repeating
 * anything: a file appears whole or not at all (written aside, synced, then moved into place), and file names are
 * ids, so writing the same thing twice leaves one file.
 */
final class Folders {

    private Folders() {
    }

    static void writeWhole(Path target, String content) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void moveInto(Path file, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The JSON files directly in {@code folder}, by name; hidden and partial files left out. */
    static List<Path> jsonFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }
}
