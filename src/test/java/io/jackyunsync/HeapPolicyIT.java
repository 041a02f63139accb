package io.jackyunsync;

import io.jackyunsync.app.HeapPolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The app keeps the heap it was given (see {@link HeapPolicy}): after a full collection that leaves almost all of a
 * {@code -Xmx64m} heap free, the heap is still committed whole; a {@code MaxHeapFreeRatio} on the command line wins,
 * and then the same collection gives heap back (which is what the policy prevents).
 */
class HeapPolicyIT {

    @Test
    void theCommittedHeapIsKeptAfterACollectionThatFreesAlmostAllOfIt() throws Exception {
        long[] heap = probe("-Xmx64m");
        assertEquals(100, heap[2], "MaxHeapFreeRatio in force");
        assertEquals(heap[1], heap[0], "committed heap after a full collection, against -Xmx64m");
    }

    @Test
    void aMaxHeapFreeRatioGivenOnTheCommandLineIsLeftAsItIs() throws Exception {
        long[] heap = probe("-Xmx64m", "-XX:MaxHeapFreeRatio=70");
        assertEquals(70, heap[2], "MaxHeapFreeRatio in force");
        assertTrue(heap[0] < heap[1], "G1 gave heap back: committed " + heap[0] + " of " + heap[1]);
    }

    /** committed bytes, max bytes, MaxHeapFreeRatio of a {@link HeapPolicyProbe} run with these JVM options. */
    private static long[] probe(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-XX:+UseG1GC", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                HeapPolicyProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        String line = out.lines().filter(l -> l.startsWith("HEAP ")).findFirst().orElseThrow(() -> new AssertionError(out));
        String[] f = line.split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
    }
}
