package org.wsched.sim.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.wsched.sim.util.KeyValues;

/**
 * Where a result came from, written into results.json and the report: the wsched version, the
 * git commit of the checkout the simulator's jar (or classes) lives in, with "-dirty" if it has
 * uncommitted changes, the JDK, the full command, the seeds, and the time of the run.
 *
 * @param version wsched version from the build ({@code project.version})
 * @param commit  git commit, "unknown" outside a checkout or without git
 * @param jdk     Java version and VM
 * @param command the command line as given
 * @param seeds   the seeds of the runs
 * @param date    when the sweep started (UTC, ISO 8601)
 */
public record Provenance(String version, String commit, String jdk, String command, List<Long> seeds, String date) {

    /** The provenance of a command run now. */
    public static Provenance of(String command, List<Long> seeds) {
        return new Provenance(buildVersion(), gitCommit(), System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")", command,
                List.copyOf(seeds), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The fields in order, for JSON. */
    public Map<String, Object> toMap() {
        return KeyValues.of("wschedVersion", version, "gitCommit", commit, "jdk", jdk, "command", command,
                "seeds", seeds, "date", date);
    }

    /** The wsched version the simulator was built as. */
    public static String buildVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/org/wsched/sim/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String gitCommit() {
        try {
            Path here = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(here) ? here : here.getParent();
            String head = git(dir, "rev-parse", "HEAD");
            if (head.isEmpty()) {
                return "unknown";
            }
            return git(dir, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroy();
            return "";
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }
}
