package io.jackyunsync.simulator;

/** A request the gateway refuses: answered with an error envelope of this sub-code and message. */
final class Refusal extends RuntimeException {

    final String subCode;

    Refusal(String subCode, String message) {
        super(message);
        this.subCode = subCode;
    }
}
