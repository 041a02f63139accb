package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks that the heap is fixed by the launcher, not by the app: with -Xms as large as -Xmx (as the image's entry point
 * gives) a full collection that frees almost all of the heap leaves it committed whole, while with -Xmx alone G1 gives
 * heap back (so that a run's peak heap and GC time would depend on its length); the app itself sets no heap flag. 256 MB,
 * not 64: the app's live heap after set-up is some 20 MB, and G1 keeps up to MaxHeapFreeRatio (70%) free, so a 64 MB
 * heap had nothing to give back (it failed so in CI).
 */
class HeapSizeIT {

    @Test
    void should_keep_the_whole_heap_committed_when_the_initial_heap_is_the_maximum() throws Exception {
        long[] heap = probe("-Xms256m", "-Xmx256m");

        assertThat(heap[2]).as("MaxHeapFreeRatio, the JVM's default: the app sets none").isEqualTo(70);
        assertThat(heap[0]).as("committed heap after a full collection, against -Xmx256m").isEqualTo(heap[1]);
    }

    @Test
    void should_give_heap_back_with_a_maximum_alone() throws Exception {
        long[] heap = probe("-Xmx256m");

        assertThat(heap[0]).as("committed heap after a full collection, against -Xmx256m").isLessThan(heap[1]);
    }

    @Test
    void should_start_the_image_with_the_initial_heap_as_large_as_the_maximum() throws Exception {
        // the last stage is the product image (what docker build and compose build by default; the simulator stage comes before)
        List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
        String entryPoint = dockerfile.stream().filter(l -> l.startsWith("ENTRYPOINT")).reduce((a, b) -> b).orElseThrow();
        assertThat(entryPoint).contains("exec java $JAVA_OPTS -jar target/jackyun-sync.jar");
        String javaOpts = dockerfile.stream().filter(l -> l.startsWith("ENV JAVA_OPTS=")).reduce((a, b) -> b).orElseThrow();
        Matcher xms = Pattern.compile("-Xms(\\w+)").matcher(javaOpts);
        Matcher xmx = Pattern.compile("-Xmx(\\w+)").matcher(javaOpts);

        assertThat(xms.find() && xmx.find()).as(javaOpts).isTrue();
        assertThat(xms.group(1)).as(javaOpts).isEqualTo(xmx.group(1));
    }

    /** committed bytes, max bytes, MaxHeapFreeRatio of a {@link HeapSizeProbe} run with these JVM options. */
    private static long[] probe(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-XX:+UseG1GC", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                HeapSizeProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        String line = out.lines().filter(l -> l.startsWith("HEAP ")).findFirst().orElseThrow(() -> new AssertionError(out));
        String[] f = line.split(" ");
        return new long[]{Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
    }
}
