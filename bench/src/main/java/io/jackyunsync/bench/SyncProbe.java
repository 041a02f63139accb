package io.jackyunsync.bench;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.run.SyncRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One first-load sync in a JVM of its own with the service's default -Xmx256m: prints what it cost on a PROBE line,
 * which {@link #runChild} reads back. The heap it reports is this JVM's only (the simulator and MariaDB run apart).
 */
public final class SyncProbe {

    private SyncProbe() {
    }

    public static void main(String[] args) throws Exception {
        SyncRun run;
        Meter.Reading r;
        long retained;
        // args: jdbcUrl gateway schemesDir [scheme [setting=value ...]] (the scheme defaults to warehouse)
        String scheme = args.length > 3 ? args[3] : "warehouse";
        Map<String, String> settings = Benchmark.appSettings(args[0], URI.create(args[1]), Path.of(args[2]), 10_000);
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        try (SyncApp app = SyncApp.start(settings)) {
            System.gc();
            long before = usedHeap();
            try (Meter meter = new Meter()) {
                run = app.run(scheme);
                r = meter.stop();
            }
            System.gc(); // what the finished run still holds (it is referenced here): its id set, and anything it leaked
            retained = usedHeap() - before;
        }
        if (!run.isSucceeded()) {
            System.out.println("PROBE-FAILED " + run.summary());
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "PROBE %d %f %d %d %d %d %d %f %d%n", run.getCounts().getInserted() + run.getCounts().getUpdated(),
                r.seconds(),
                r.gcMillis(), r.allocatedBytes(), r.peakHeapBytes(), r.peakLiveBytes(), run.getCounts().getPages(), r.cpuPercent(),
                retained);
        System.exit(0);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A probe's figures, and the heap its finished run still held after a full collection. */
    record Probe(Sample sample, long retainedBytes) {
    }

    static Probe runChild(String jdbcUrl, URI gateway, Path schemes, List<String> heap) throws Exception {
        return runChild(jdbcUrl, gateway, schemes, heap, "warehouse", Map.of());
    }

    /** The same for {@code scheme}, with {@code settings} over the benchmark's app settings (count: the scheme's records, parents only). */
    static Probe runChild(String jdbcUrl, URI gateway, Path schemes, List<String> heap, String scheme,
            Map<String, String> settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(SimulatorProcess.java()));
        command.addAll(heap);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-DJACKYUN_SYNC_LOG_LEVEL=WARN", SyncProbe.class.getName(), jdbcUrl, gateway.toString(), schemes.toString(), scheme));
        settings.forEach((k, v) -> command.add(k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String result = null;
        StringBuilder tail = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                if (line.startsWith("PROBE")) {
                    result = line;
                }
                tail.append(line).append('\n');
                if (tail.length() > 4000) {
                    tail.delete(0, tail.length() - 4000);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null || !result.startsWith("PROBE ")) {
            throw new IllegalStateException("the " + heap + " sync failed (exit " + exit + "):\n" + tail);
        }
        String[] f = result.split(" ");
        Meter.Reading r = new Meter.Reading(Double.parseDouble(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5]), Long.parseLong(f[6]), Double.parseDouble(f[8]));
        return new Probe(new Sample(Long.parseLong(f[1]), r, Long.parseLong(f[7]), 0), Long.parseLong(f[9]));
    }
}
