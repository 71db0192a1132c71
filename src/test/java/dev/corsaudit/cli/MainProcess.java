package dev.corsaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * cors-audit in a child JVM on this test run's class path, for what only a real process shows: a
 * signal, a file descriptor given as standard output, the environment, the exit code as a shell
 * sees it. Everything else runs in the test's JVM ({@link CliRun}).
 */
final class MainProcess {

  private MainProcess() {}

  /** {@code java JVM_OPTIONS -cp CLASS_PATH dev.corsaudit.Main ARGS}, not started. */
  static ProcessBuilder of(List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.corsaudit.Main");
    command.addAll(args);
    return new ProcessBuilder(command);
  }

  /** {@code java -cp CLASS_PATH dev.corsaudit.Main ARGS}, not started. */
  static ProcessBuilder of(String... args) {
    return of(List.of(), List.of(args));
  }
}
