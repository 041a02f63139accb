package io.jackyunsync.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The app as a second process, with only the environment a test gives it: its exit status and what it printed. */
public final class AppProcess {

    /** What one run of the app left. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private AppProcess() {
    }

    /** Runs the app in the project directory, without the JACKYUN_, MYSQL_ and SYNC_ variables of this JVM. */
    public static Result run(Path tmp, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Simulators.appCommand(args)).directory(new File(".").getAbsoluteFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JACKYUN_") || k.startsWith("MYSQL_") || k.startsWith("SYNC_")
                || k.startsWith("ALERT_"));
        pb.environment().putAll(Simulators.childEnvironment());
        pb.environment().putAll(env);
        String name = "app-" + System.nanoTime();
        File out = tmp.resolve(name + ".out").toFile();
        File err = tmp.resolve(name + ".err").toFile();
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the process did not end within 180 s");
        }
        Result result = new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
        // kept for a person to read
        Path log = Path.of("target", "app-process", String.join("_", args).replace("-", "") + "-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "exit " + result.exit() + "\n--- stdout\n" + result.out() + "--- stderr\n" + result.err());
        return result;
    }
}
