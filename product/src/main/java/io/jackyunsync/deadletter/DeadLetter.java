package io.jackyunsync.deadletter;

/** One item kept in sync_dead_letter, of an account's scheme: what failed (a page request, a batch, a row), why, and how to do it again. */
public record DeadLetter(String account, String scheme, Long runId, String kind, String itemKey, String payload, String cause) {

}
