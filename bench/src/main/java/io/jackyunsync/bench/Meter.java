package io.jackyunsync.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What one measured stretch of work cost this JVM: wall time, GC time, bytes allocated (by the threads alive at its
 * end), the peak heap in use (sampled) and the peak heap left after a collection (the live set, from GC notifications).
 */
final class Meter implements AutoCloseable {

    /** cpuPercent: the whole machine's busy CPU over the stretch, 100 per core (the simulator and MariaDB included). */
    record Reading(double seconds, long gcMillis, long allocatedBytes, long peakHeapBytes, long peakLiveBytes, double cpuPercent) {
    }

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long[] cpu0 = machineCpu();
    private final long t0 = System.nanoTime();
    private final long gc0 = gcMillis();
    private final Map<Long, Long> allocated0 = allocatedByThread();
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final Thread sampler;
    private final NotificationListener gcListener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = heapOnly(info.getGcInfo().getMemoryUsageAfterGc());
            long before = heapOnly(info.getGcInfo().getMemoryUsageBeforeGc());
            peakLive.accumulateAndGet(after, Math::max);
            peakHeap.accumulateAndGet(before, Math::max);
        }
    };

    Meter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(gcListener, null, null);
        }
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "benchmark-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    Reading stop() {
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        long allocated = 0;
        for (var e : allocatedByThread().entrySet()) {
            allocated += e.getValue() - allocated0.getOrDefault(e.getKey(), 0L);
        }
        long heapNow = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // a run too short to see a collection: its live set is at most what is in use now
        long live = peakLive.get() == 0 ? heapNow : peakLive.get();
        long[] cpu1 = machineCpu();
        double busy = cpu1[1] - cpu0[1] <= 0
                ? 0
                : 100.0 * Runtime.getRuntime().availableProcessors()
                        * (cpu1[0] - cpu0[0]) / (cpu1[1] - cpu0[1]);
        return new Reading(seconds, gcMillis() - gc0, allocated, Math.max(peakHeap.get(), heapNow), live, busy);
    }

    @Override
    public void close() {
        sampler.interrupt();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }

    /** Busy and total jiffies of all CPUs from /proc/stat; zeros where there is none. */
    private static long[] machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /** The heap's pools only: a GC notification reports every pool, Metaspace and the code cache included. */
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());

    private static long heapOnly(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> map = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                map.put(ids[i], bytes[i]);
            }
        }
        return map;
    }
}
