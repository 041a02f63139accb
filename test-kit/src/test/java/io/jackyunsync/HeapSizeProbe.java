package io.jackyunsync;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.jackyunsync.app.SyncApp;
import java.lang.management.ManagementFactory;
import java.util.Map;

/** Run by {@link HeapSizeIT} in a JVM of its own: the app's set-up, garbage, a full collection, then the heap. */
public final class HeapSizeProbe {

    private HeapSizeProbe() {
    }

    public static void main(String[] args) {
        SyncApp.newMain(Map.of());
        byte[][] garbage = new byte[32][];
        for (int i = 0; i < 4096; i++) {
            garbage[i % garbage.length] = new byte[64 * 1024];
        }
        garbage = null;
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.println("HEAP " + runtime.totalMemory() + " " + runtime.maxMemory() + " "
                + ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .getVMOption("MaxHeapFreeRatio").getValue());
    }
}
