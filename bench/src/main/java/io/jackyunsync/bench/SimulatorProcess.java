package io.jackyunsync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simulator in a JVM of its own ({@code --simulator}), so that its data set and CPU are not the benchmark's. */
final class SimulatorProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile(" at (http://\\S+)");

    private final Process process;
    private final URI url;

    private SimulatorProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static SimulatorProcess start(int records, String heap) throws Exception {
        return start(records, 0, heap);
    }

    /** The same with {@code trades} sales orders as well ({@code --trades}: over the 200 days before now, 1-5 lines each). */
    static SimulatorProcess start(int records, int trades, String heap) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(java(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                "io.jackyunsync.kit.KitApplication", "--simulator", "--port", "0", "--records", Integer.toString(records),
                "--trades", Integer.toString(trades)));
        pb.environment().put("JACKYUN_APPKEY", Benchmark.APPKEY);
        pb.environment().put("JACKYUN_SECRET", Benchmark.SECRET);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null;) {
            Matcher m = URL.matcher(line);
            if (line.startsWith("Jackyun simulator:") && m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(l -> {});
                    } catch (UncheckedIOException stopped) {
                        // close() destroyed the process, which closes its output under this reader
                    }
                }, "simulator-output");
                drain.setDaemon(true);
                drain.start();
                return new SimulatorProcess(process, URI.create(m.group(1)));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the simulator process ended before it served (exit " + process.waitFor() + ")");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** CPU seconds the simulator's process has used so far (user + system, from /proc), or 0 where unknown. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // clock ticks, USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    URI url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
