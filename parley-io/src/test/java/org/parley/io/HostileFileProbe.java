package org.parley.io;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.parley.io.interop.ScenarioImport;

/**
 * Reads each file named as the CLI does ({@link ScenarioImport}) and prints one line per file: its
 * name, "ok" or "refused" (a {@link FormatException}) or the class of anything else thrown, the
 * reading thread's CPU milliseconds (the fastest of up to three tries), and the message. Run by {@link HostileFilesTest} in a JVM with
 * a small heap, where an expanded alias bomb or a deep recursion would die.
 */
public final class HostileFileProbe {

    private HostileFileProbe() {}

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String arg : args) {
            Path file = Path.of(arg);
            String outcome = "";
            String message = "";
            long fastest = Long.MAX_VALUE;
            // The fastest of three tries: even CPU time varies severalfold on a loaded machine.
            for (int attempt = 0; attempt < 3 && fastest >= 1_000_000_000L; attempt++) {
                long start = threads.getCurrentThreadCpuTime();
                try {
                    ScenarioImport.load(List.of(file));
                    outcome = "ok";
                    message = "";
                } catch (FormatException e) {
                    outcome = "refused";
                    message = e.getMessage();
                } catch (Throwable e) {
                    outcome = e.getClass().getName();
                    message = String.valueOf(e.getMessage());
                }
                fastest = Math.min(fastest, threads.getCurrentThreadCpuTime() - start);
            }
            System.out.println(file.getFileName() + "\t" + outcome + "\t" + fastest / 1_000_000 + "\t"
                    + message.replace('\n', ' '));
        }
    }
}
