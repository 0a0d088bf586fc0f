package org.reportremove.platform.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportremove.testing.MapConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EncryptionKeysTest {

    @Test
    void aGeneratedDevelopmentKeysetIsReadableByItsOwnerOnlyAndKeptForTheNextStart(@TempDir Path dataDir)
            throws IOException {
        MapConfig development = new MapConfig(Map.of("reportremove.mode", "development",
                "reportremove.data.dir", dataDir.toString()));

        String first = new Sealer(EncryptionKeys.load(development)).seal("text", "owner").length > 0 ? "sealed" : "";
        Path file = dataDir.resolve("keys/encryption.keyset.json");

        assertEquals("sealed", first);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] sealed = new Sealer(EncryptionKeys.load(development)).seal("kept", "owner");
        assertEquals("kept", new Sealer(EncryptionKeys.load(development)).open(sealed, "owner"));
    }

    @Test
    void productionNeverGeneratesAKeyset(@TempDir Path dataDir) {
        MapConfig production = new MapConfig(Map.of("reportremove.mode", "production",
                "reportremove.data.dir", dataDir.toString()));

        assertThrows(IllegalStateException.class, () -> EncryptionKeys.load(production));
        assertEquals(false, Files.exists(dataDir.resolve("keys")));
    }
}
