package dev.corsaudit.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private nginx on 127.0.0.1 for the 0 ms rows (a server in its own process, written in C, so the
 * server's cost is small and not inside the client's JVM). The benchmark's own setup: if nginx is
 * missing and we are root, {@code apt-get install -y nginx}; the configuration, logs and pid file
 * live in a temporary directory and the process is stopped when the benchmark ends. CI never runs
 * this.
 */
final class Nginx implements AutoCloseable {

  private final Process process;
  private final int port;

  private Nginx(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts nginx, installing it first when allowed; null (with the reason printed) otherwise. */
  static Nginx start(Path work, boolean install) throws IOException, InterruptedException {
    String binary = find();
    if (binary == null && install) {
      if (!"root".equals(System.getProperty("user.name"))) {
        System.out.println("nginx: not installed and not root; 0 ms rows skipped");
        return null;
      }
      System.out.println("nginx: not installed; apt-get install -y nginx");
      boolean daemonBefore = Files.exists(Path.of("/run/nginx.pid"));
      ProcessBuilder apt =
          new ProcessBuilder("apt-get", "install", "-y", "-q", "nginx")
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("apt-get.log").toFile());
      apt.environment().put("DEBIAN_FRONTEND", "noninteractive");
      if (apt.start().waitFor() != 0) {
        System.out.println("nginx: apt-get failed (see " + work.resolve("apt-get.log") + ")");
        return null;
      }
      binary = find();
      if (!daemonBefore && binary != null && Files.exists(Path.of("/run/nginx.pid"))) {
        // The package started the distribution's daemon; we only wanted the binary.
        new ProcessBuilder(binary, "-s", "quit").inheritIO().start().waitFor();
      }
    }
    if (binary == null) {
      System.out.println("nginx: not installed; 0 ms rows skipped");
      return null;
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path prefix = Files.createDirectories(work.resolve("nginx"));
    Files.createDirectories(prefix.resolve("logs"));
    Path conf = prefix.resolve("nginx.conf");
    Files.writeString(conf, config(prefix, port));
    Process process =
        new ProcessBuilder(binary, "-p", prefix.toString(), "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
            .start();
    for (int i = 0; i < 100; i++) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return new Nginx(process, port);
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
    }
    process.destroy();
    System.out.println("nginx: did not start (see " + prefix.resolve("logs") + ")");
    return null;
  }

  private static String find() {
    for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return null;
  }

  /** One worker (the client needs the other core); every request gets a passing CORS answer. */
  private static String config(Path prefix, int port) {
    return String.join(
        "\n",
        "daemon off;",
        "worker_processes 1;",
        "pid " + prefix.resolve("nginx.pid") + ";",
        "error_log " + prefix.resolve("logs/error.log") + " warn;",
        "events { worker_connections 1024; }",
        "http {",
        "  access_log off;",
        "  keepalive_requests 1000000;",
        "  client_body_temp_path " + prefix.resolve("body") + ";",
        "  proxy_temp_path " + prefix.resolve("proxy") + ";",
        "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
        "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
        "  scgi_temp_path " + prefix.resolve("scgi") + ";",
        "  server {",
        "    listen 127.0.0.1:" + port + ";",
        "    location / {",
        "      add_header Access-Control-Allow-Origin * always;",
        "      add_header Access-Control-Allow-Methods \"GET, POST, OPTIONS\" always;",
        "      add_header Access-Control-Allow-Headers \"Authorization, Content-Type\" always;",
        "      add_header Access-Control-Max-Age 86400 always;",
        "      return 204;",
        "    }",
        "  }",
        "}",
        "");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: nginx's fast shutdown, master and worker
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
