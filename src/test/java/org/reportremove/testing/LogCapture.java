package org.reportremove.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a copy of everything written to standard output and error, where the Arquillian connector prints
 * the launched servers' logs, while still passing it through.
 */
public final class LogCapture {

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private boolean installed;

    synchronized void install() {
        if (installed) {
            return;
        }
        System.setOut(new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(System.err), true, StandardCharsets.UTF_8));
        installed = true;
    }

    /** All captured text so far. */
    public String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    private final class Tee extends OutputStream {

        private final OutputStream original;

        Tee(OutputStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException e) {
                // The pass-through is best effort; the copy is what the scan reads.
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException e) {
                // As above.
            }
        }

        @Override
        public void flush() {
            try {
                original.flush();
            } catch (java.io.IOException e) {
                // As above.
            }
        }
    }
}
