package org.reportremove.signals.hashing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportremove.signals.hashing.ContentDigests;
import org.reportremove.signals.hashing.PdqHashAndQuality;
import org.reportremove.signals.hashing.PdqHasher;
import org.reportremove.signals.hashing.StreamDigester;
import org.reportremove.signals.hashing.imageio.ImageDecoder;

class HashCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path photo;
    private Path video;

    @BeforeEach
    void createFiles() throws IOException {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 120; x++) {
                image.setRGB(x, y, ((x * 2) << 16) | (((x ^ y) * 3 & 0xff) << 8) | (y * 3));
            }
        }
        Files.createDirectories(dir.resolve("nested/deeper"));
        photo = dir.resolve("nested/deeper/picture.png");
        ImageIO.write(image, "png", photo.toFile());
        // A file named like a photo but holding the start of an MP4: content decides.
        video = dir.resolve("nested/clip.jpg");
        Files.write(video, "\0\0\0\u0018ftypisom\0\0\0\0isommp41moov".getBytes(StandardCharsets.ISO_8859_1));
    }

    private int run(String... args) {
        return new HashCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static ContentDigests digests(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new StreamDigester().digest(in);
        }
    }

    private static PdqHashAndQuality pdq(Path file) throws IOException {
        return new ImageDecoder().decode(file).pdq(new PdqHasher());
    }

    @Test
    void printsTheItemsJsonOfTheCaseApiForAFolder() throws IOException {
        int status = run(dir.toString());

        ContentDigests videoDigests = digests(video);
        ContentDigests photoDigests = digests(photo);
        PdqHashAndQuality photoPdq = pdq(photo);
        String expected = "[\n"
                + "  {\"contentType\":\"VIDEO\",\"signals\":[{\"type\":\"SHA256\",\"value\":\"" + videoDigests.sha256()
                + "\"},{\"type\":\"MD5\",\"value\":\"" + videoDigests.md5() + "\"}]},\n"
                + "  {\"contentType\":\"PHOTO\",\"signals\":[{\"type\":\"SHA256\",\"value\":\"" + photoDigests.sha256()
                + "\"},{\"type\":\"MD5\",\"value\":\"" + photoDigests.md5()
                + "\"},{\"type\":\"PDQ\",\"value\":\"" + photoPdq.hash().toHex()
                + "\",\"quality\":" + photoPdq.quality() + "}]}\n"
                + "]";
        assertEquals(0, status, stderr());
        assertEquals(expected, stdout().strip());
        assertEquals("", stderr());
        assertFalse(stdout().contains("picture"), "file names stay out of the JSON");
    }

    @Test
    void printsTsvWithFileNamesWhenAsked() throws IOException {
        int status = run("--format", "tsv", photo.toString(), video.toString());

        List<String> lines = stdout().lines().toList();
        ContentDigests photoDigests = digests(photo);
        PdqHashAndQuality photoPdq = pdq(photo);
        assertEquals(0, status);
        assertEquals(3, lines.size());
        assertEquals("file\tcontentType\tsha256\tmd5\tpdq\tpdqQuality", lines.get(0));
        assertEquals(String.join("\t", photo.toString(), "PHOTO", photoDigests.sha256(), photoDigests.md5(),
                photoPdq.hash().toHex(), Integer.toString(photoPdq.quality())), lines.get(1));
        assertEquals(String.join("\t", video.toString(), "VIDEO", digests(video).sha256(), digests(video).md5(), "", ""),
                lines.get(2));
    }

    @Test
    void warnsOnStderrWhenPdqQualityIsUnder50() throws IOException {
        Path flat = dir.resolve("flat.png");
        BufferedImage grey = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(grey, "png", flat.toFile());

        int status = run(flat.toString());

        assertEquals(0, status);
        assertTrue(stderr().startsWith("warning: " + flat + ": PDQ quality 0 is under 50"), stderr());
        assertTrue(stdout().contains("\"quality\":0}"));
    }

    @Test
    void skipsUnrecognisedFilesWithAWarningAndExitStatus1() throws IOException {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image at all");

        int status = run("--format=json", text.toString(), photo.toString());

        assertEquals(1, status);
        assertEquals("warning: " + text + ": skipped: not a photo or video this command recognises",
                stderr().strip());
        assertTrue(stdout().contains("\"contentType\":\"PHOTO\""));
    }

    @Test
    void aPhotoItCannotDecodeKeepsItsSha256AndMd5() throws IOException {
        Path heic = dir.resolve("phone.heic");
        Files.write(heic, "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1));

        int status = run(heic.toString());

        assertEquals(0, status);
        assertTrue(stderr().contains("no PDQ hash"), stderr());
        assertTrue(stdout().contains("\"contentType\":\"PHOTO\""));
        assertFalse(stdout().contains("PDQ"));
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run());
        assertEquals(2, run("--format", "xml", photo.toString()));
        assertEquals(2, run("--upload", photo.toString()));
        assertEquals(2, run(dir.resolve("missing").toString()));
        assertEquals("", stdout());
    }

    @Test
    void anEmptyFolderGivesAnEmptyArray() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertEquals(0, run(empty.toString()));
        assertEquals("[]", stdout().strip());
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\\u2028\"", JsonItemsWriter.quote("a\"b\\c\n\t\u0001\u2028"));
    }

    @Test
    void tsvFileNamesAreEscaped() {
        assertEquals("a\\tb\\nc\\\\d", TsvItemsWriter.escape("a\tb\nc\\d"));
    }

    /**
     * The command and the libraries it is built from must not be able to talk to a network: none
     * of their classes refers to java.net sockets, URLs or HTTP clients.
     */
    @Test
    void noHashingClassReferencesTheNetwork() throws IOException {
        Path classes = Path.of("target", "classes", "org", "reportremove", "signals", "hashing");
        assertTrue(Files.isDirectory(classes), "compiled classes at " + classes.toAbsolutePath());
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
            assertFalse(classFiles.isEmpty());
            for (Path classFile : classFiles) {
                String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
                for (String forbidden : List.of("java/net/", "javax/net/", "java/nio/channels/SocketChannel")) {
                    assertFalse(constants.contains(forbidden), classFile + " refers to " + forbidden);
                }
            }
        }
    }
}
