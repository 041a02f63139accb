package io.jackyunsync.sync;

/** One item kept in sync_dead_letter: what failed (a page request, a batch, a row), why, and how to do it again. */
public record DeadLetter(String scheme, Long runId, String kind, String itemKey, String payload, String cause) {

    static String cut(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
