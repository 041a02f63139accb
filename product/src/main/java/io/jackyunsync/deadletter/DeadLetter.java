package io.jackyunsync.deadletter;

/** One item kept in sync_dead_letter: what failed (a page request, a batch, a row), why, and how to do it again. */
public record DeadLetter(String scheme, Long runId, String kind, String itemKey, String payload, String cause) {

}
