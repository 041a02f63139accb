package io.jackyunsync.jackyun;

/**
 * One call to make: the API method, the exact bizcontent JSON that is signed and sent, which records to read (null:
 * whole) and the account whose app key signs it.
 */
public record JackyunRequest(String method, String bizcontent, JackyunEnvelope.Projection projection, String account) {

    /** A call of the deployment's only account ({@code default}). */
    public JackyunRequest(String method, String bizcontent, JackyunEnvelope.Projection projection) {
        this(method, bizcontent, projection, "default");
    }
}
