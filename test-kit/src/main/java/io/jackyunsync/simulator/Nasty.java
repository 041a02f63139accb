package io.jackyunsync.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * Awkward values for the generated records, each from (seed, index) alone so that a record can be made again on
 * demand: text with emoji (4-byte UTF-8), quotes, backslashes, CJK, tabs and newlines, and amounts in four places.
 */
final class Nasty {

    private static final String[] PIECES = {"🚚📦", "O'Brien \"引号\"", "C:\\temp\\货\\", "\t制表", "换\n行", "华东仓库",
            "x'); DROP TABLE t; --", "😀👍🏽", "\u2028分隔\u2029", "  前后空格  ", "ÄÖÜ ß", "𠀋𠀍 ext-B", "{\"json\":[1]}", "&<>"};

    private Nasty() {
    }

    /** A random source for record {@code index} of the data set of {@code seed}, {@code salt} telling the uses apart. */
    static SplittableRandom random(long seed, long index, long salt) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ index * 0xC2B2AE3D27D4EB4FL ^ salt * 0x165667B19E3779F9L);
    }

    /** A name: plain 7 times in 10, else with an awkward piece or at the full {@code max} characters. */
    static String name(SplittableRandom r, String plain, int max) {
        String s = switch (r.nextInt(10)) {
            case 0 -> plain + " " + PIECES[r.nextInt(PIECES.length)];
            case 1 -> PIECES[r.nextInt(PIECES.length)] + plain;
            case 2 -> (plain + "长名" + "北".repeat(max)).substring(0, max);
            default -> plain;
        };
        return cut(s, max);
    }

    /** Free text of any length: empty (30 %), a few words, or (2 %) several KB of awkward pieces; never NUL. */
    static String memo(SplittableRandom r) {
        int kind = r.nextInt(50);
        if (kind < 15) {
            return "";
        }
        // one memo in fifty runs to several KB: enough to break a short column, not so many that they swamp a benchmark
        int pieces = kind == 49 ? 200 + r.nextInt(400) : 1 + r.nextInt(6);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < pieces; k++) {
            b.append(PIECES[r.nextInt(PIECES.length)]).append(k % 7 == 3 ? "\r\n" : " ");
        }
        return b.toString();
    }

    /** Cuts to at most {@code max} characters without splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** A decimal of {@code scale} places between {@code min} and {@code max} (whole units). */
    static BigDecimal amount(SplittableRandom r, long min, long max, int scale) {
        long units = min + (long) (r.nextDouble() * (max - min));
        long fraction = r.nextInt((int) Math.pow(10, scale));
        return BigDecimal.valueOf(units).add(BigDecimal.valueOf(fraction, scale)).setScale(scale, RoundingMode.UNNECESSARY);
    }
}
