package io.jackyunsync.jackyun;

/** One call to make: the API method, the exact bizcontent JSON that is signed and sent, and which records to read (null: whole). */
public record JackyunRequest(String method, String bizcontent, JackyunEnvelope.Projection projection) {
}
