package io.jackyunsync.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the heap the JVM was given. By default G1 gives back committed heap whenever more than 70 % of it is free
 * after a concurrent cycle ({@code MaxHeapFreeRatio}); the first such cycle comes during start-up (Camel's classes
 * fill Metaspace), when almost all of it is free, so a sync then starts on a few megabytes and G1 grows the heap and
 * its young generation again the longer the run allocates: a sync's peak heap depended on its length (1,000,000
 * records peaked 1.5x as high as 100,000), and the regrowth more than doubled the GC time (about 730 against 300 ms
 * per million records; the benchmark measures both policies). {@code MaxHeapFreeRatio} is a manageable flag, so it is set here, before Camel starts, rather
 * than asking every operator for {@code -Xms}. A value given on the command line ({@code -XX:MaxHeapFreeRatio=})
 * is left as it is.
 */
public final class HeapPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(HeapPolicy.class);
    public static final String FLAG = "MaxHeapFreeRatio";

    private HeapPolicy() {
    }

    /** Sets {@code MaxHeapFreeRatio=100} unless the command line set it; returns the value in force. */
    static String keepCommittedHeap() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return "";   // not HotSpot: its own heap policy applies
        }
        try {
            if (hotSpot.getVMOption(FLAG).getOrigin() == VMOption.Origin.DEFAULT) {
                hotSpot.setVMOption(FLAG, "100");
                LOG.debug("{}=100: the committed heap is kept between runs", FLAG);
            }
            return hotSpot.getVMOption(FLAG).getValue();
        } catch (RuntimeException e) {   // a VM without the flag, or a security manager that refuses: the JVM's policy stays
            LOG.debug("{} left as it is: {}", FLAG, e.toString());
            return "";
        }
    }
}
