package io.jackyunsync;

/** What a replay of the dead letters did: how many are done now, and how many failed again. */
public final class ReplayResult {

    private int done;
    private int failedAgain;

    public synchronized void done(int n) {
        done += n;
    }

    public synchronized void failedAgain(int n) {
        failedAgain += n;
    }

    public synchronized int done() {
        return done;
    }

    public synchronized int failedAgain() {
        return failedAgain;
    }

    public synchronized String summary() {
        return "replay: " + done + " dead letters done, " + failedAgain + " failed again";
    }
}
