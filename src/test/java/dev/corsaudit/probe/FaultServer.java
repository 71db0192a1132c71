package dev.corsaudit.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A loopback server that misbehaves on purpose, one connection at a time. */
final class FaultServer implements AutoCloseable {

  interface Behaviour {
    void serve(Socket socket, InputStream in, OutputStream out)
        throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final Thread thread;

  FaultServer(Behaviour behaviour) throws IOException {
    this(behaviour, true);
  }

  /**
   * @param readRequest false for clients that do not speak plain HTTP (a TLS handshake)
   */
  FaultServer(Behaviour behaviour, boolean readRequest) throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                  InputStream in = client.getInputStream();
                  if (readRequest) {
                    readHead(in);
                  }
                  behaviour.serve(client, in, client.getOutputStream());
                } catch (IOException | InterruptedException e) {
                  // the probe gave up or the test ended
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1/chat/completions";
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void readHead(InputStream in) throws IOException {
    int state = 0;
    int c;
    while ((c = in.read()) != -1) {
      state = (c == '\r' || c == '\n') ? state + 1 : 0;
      if (state == 4) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
