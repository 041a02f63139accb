package io.jackyunsync.bench;

import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads of a parallel write limit, kept alive between writes: the meter reads the bytes each live thread allocated.
 * Runs one writer per connection, each taking the next batch.
 */
final class WriterThreads {

    private final ExecutorService pool;

    /** Daemon threads named {@code name}. */
    WriterThreads(String name) {
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code writer} on {@code connections} threads at once and answers the sum of what they answered. */
    long onEach(int connections, Callable<Long> writer) throws Exception {
        long total = 0;
        for (var done : pool.invokeAll(Collections.nCopies(connections, writer))) {
            total += done.get();
        }
        return total;
    }
}
