package org.reportremove.signals.control;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text, each held only up to a limit: a longer line is skipped to its end and answered as
 * {@link #TOO_LONG}, so a body of one enormous line (a JSON array where lines were expected, a file with no line
 * breaks) costs no more memory than a short one, where {@code BufferedReader.readLine} would hold it whole. A line
 * ends at {@code \n}, {@code \r\n} or {@code \r}, as there.
 */
final class BoundedLines {

    /** Stands for a line over the limit (compared by identity). */
    static final String TOO_LONG = new String("(a line over the limit)");

    private final Reader in;
    private final int limit;
    private final char[] buffer = new char[8192];
    private int position;
    private int end;
    private boolean afterCarriageReturn;

    BoundedLines(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line without its ending, {@link #TOO_LONG}, or null once the text is over. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean started = false;
        while (true) {
            if (position == end) {
                end = Math.max(0, in.read(buffer, 0, buffer.length));
                position = 0;
                if (end == 0) {
                    return started ? ended(line, tooLong) : null;
                }
            }
            char c = buffer[position++];
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                afterCarriageReturn = c == '\r';
                return ended(line, tooLong);
            }
            started = true;
            if (tooLong) {
                continue;
            }
            if (line.length() == limit) {
                tooLong = true;
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    private static String ended(StringBuilder line, boolean tooLong) {
        return tooLong ? TOO_LONG : line.toString();
    }
}
