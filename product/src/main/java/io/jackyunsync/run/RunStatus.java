package io.jackyunsync.run;

import java.util.concurrent.atomic.AtomicLong;

/** How a run stands and how it ended: its status, its first error and that error's kind, the seconds it took. */
final class RunStatus {

    private final long startedNanos = System.nanoTime();
    private final AtomicLong failedRows;
    private final AtomicLong deadLetters;
    private volatile RunState status = RunState.RUNNING;
    private volatile String error;
    private volatile String errorKind;
    private volatile double seconds;

    /** Over the run's failed-rows and dead-letters counters, which decide how a run without an error ends. */
    RunStatus(AtomicLong failedRows, AtomicLong deadLetters) {
        this.failedRows = failedRows;
        this.deadLetters = deadLetters;
    }

    RunState status() {
        return status;
    }

    /** Nothing failed so far: the checkpoint may move. */
    boolean isClean() { return error == null && failedRows.get() == 0; }

    String error() {
        return error;
    }

    String errorKind() {
        return errorKind;
    }

    /** Keeps the first error and its kind: the later ones are usually its consequences; a first one of the quota ends QUOTA. */
    synchronized void fail(String kind, String message) {
        if (error == null) {
            error = message;
            errorKind = kind;
        }
        status = Failures.QUOTA.equals(errorKind) ? RunState.QUOTA : RunState.FAILED;
    }

    void complete() {
        seconds = (System.nanoTime() - startedNanos) / 1e9;
        if (status == RunState.RUNNING) {
            status = error == null && failedRows.get() == 0 ? RunState.SUCCEEDED : RunState.FAILED;
        }
        if (status == RunState.FAILED && error == null && deadLetters.get() > 0) {
            status = RunState.PARTIAL;
        }
    }

    double seconds() {
        return seconds;
    }
}
