package org.reportremove.signals.hashing.browser;

import org.reportremove.signals.hashing.ContentSniffer;
import org.reportremove.signals.hashing.PdqHashAndQuality;
import org.reportremove.signals.hashing.PdqHasher;
import org.reportremove.signals.hashing.PixelFormat;
import org.reportremove.signals.hashing.SignalValues;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * What the browser module exports ({@code hashing.js}, an ES module built by TeaVM from these classes and the
 * hashing core): PDQ with its quality from decoded RGBA pixels, by the same {@link PdqHasher} the Android and
 * desktop apps use, and SHA-256 with MD5 of a file fed in slices, so that a large video is never whole in memory.
 *
 * <p>One module instance serves one Web Worker, which hashes one file at a time: the digests are static state.
 */
public final class BrowserHashing {

    private static final PdqHasher PDQ = new PdqHasher();
    private static final Sha256 SHA256 = new Sha256();
    private static final Md5 MD5 = new Md5();

    private BrowserHashing() {
    }

    /** TeaVM needs an entry point; the exports below are the module's use. */
    public static void main(String[] args) {
        // Nothing to start: the page calls the exported functions.
    }

    /**
     * PDQ of RGBA pixels as a canvas gives them ({@code ImageData.data} viewed as an {@code Int8Array}): the hex
     * hash, a space, and the quality (0 to 100).
     */
    @JSExport
    public static String pdqFromRgba(Int8Array rgba, int width, int height) {
        byte[] pixels = copy(rgba);
        PdqHashAndQuality result = PDQ.hash(pixels, width, height, PixelFormat.RGBA);
        return result.hash().toHex() + " " + result.quality();
    }

    /**
     * {@code PHOTO} or {@code VIDEO} from the file's first bytes ({@link ContentSniffer#HEAD_LENGTH} of them), never
     * its name; an empty string when neither.
     */
    @JSExport
    public static String contentTypeOf(Int8Array head) {
        byte[] bytes = copy(head);
        return ContentSniffer.detect(bytes, bytes.length).map(Enum::name).orElse("");
    }

    /** Starts the SHA-256 and MD5 of a new file. */
    @JSExport
    public static void digestStart() {
        SHA256.reset();
        MD5.reset();
    }

    /** Feeds the next slice of the file. */
    @JSExport
    public static void digestUpdate(Int8Array slice) {
        byte[] bytes = copy(slice);
        SHA256.update(bytes, 0, bytes.length);
        MD5.update(bytes, 0, bytes.length);
    }

    /** Ends the file: its SHA-256, a space, and its MD5, in lower-case hex. */
    @JSExport
    public static String digestFinish() {
        return SignalValues.toHex(SHA256.digest()) + " " + SignalValues.toHex(MD5.digest());
    }

    private static byte[] copy(Int8Array array) {
        int length = array.getLength();
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = array.get(i);
        }
        return bytes;
    }
}
