package io.jackyunsync.jackyun;

/**
 * Text from outside (the gateway's {@code msg}, a database's error) made fit for one log line, {@code sync_run.error}
 * and an alert: line breaks and other control characters written as visible escapes, and cut to a length.
 */
public final class OneLine {

    /** The most characters of the gateway's {@code msg} that a message carries; a longer one is cut and ends with "…". */
    public static final int GATEWAY_MSG_MAX = 300;

    /** The most characters of an error's text kept in {@code sync_run.error}, a dead letter or a log line. */
    public static final int ERROR_MAX = 2000;

    private OneLine() {
    }

    /** {@code text} on one line: CR, LF and tab as {@code \r \n \t}, any other control or line/paragraph separator as {@code \}{@code uXXXX}. */
    public static String of(String text) {
        return of(text, Integer.MAX_VALUE);
    }

    /** The same, at most {@code max} characters: a cut text ends with "…" and never splits an escape or a surrogate pair. */
    public static String of(String text, int max) {
        String t = text == null ? "" : text;
        StringBuilder out = new StringBuilder(Math.min(t.length(), max));
        for (int i = 0; i < t.length();) {
            int c = t.codePointAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> breaks(c) ? String.format("\\u%04x", c) : null;
            };
            i += Character.charCount(c);
            int length = escape == null ? Character.charCount(c) : escape.length();
            if (out.length() + length > (i >= t.length() ? max : max - 1)) {
                return out.append('…').toString();
            }
            if (escape == null) {
                out.appendCodePoint(c);
            } else {
                out.append(escape);
            }
        }
        return out.toString();
    }

    /** C0 and C1 controls (NEL U+0085 among them), DEL, U+2028 and U+2029: what a log viewer may take for a new line. */
    private static boolean breaks(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** {@code text} cut to {@code max} characters, the last one an ellipsis when cut. */
    public static String cut(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
