package io.jackyunsync.run;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread that writes completed batches while the run fetches the next pages (the aggregator hands its batches
 * here). One writer keeps the upserts of a run in order and free of lock waits between batches; the queue is
 * bounded, and a full queue makes the fetching thread wait (backpressure) instead of growing the heap.
 */
public final class BatchWriter {

    private BatchWriter() {
    }

    public static ExecutorService create(int threads, int queuedBatches) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queuedBatches),
                task -> {
                    Thread t = new Thread(task, "jackyun-sync-writer-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("the batch writer is stopped");
                    }
                    try {
                        pool.getQueue().put(task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RejectedExecutionException("interrupted while waiting for the batch writer", e);
                    }
                });
    }
}
