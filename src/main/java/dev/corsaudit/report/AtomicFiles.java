package dev.corsaudit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file without destroying what the path was:
 *
 * <ul>
 *   <li>a new path or a regular file: written to a temporary file in the same directory, then
 *       renamed over it, so a crash never leaves half a report (an existing file keeps its mode; a
 *       new one gets the usual 0666 under the umask, 0644 with umask 022);
 *   <li>a symbolic link: followed, and its target written as above (the link stays a link);
 *   <li>a regular file with more than one hard link: written in place, so the links stay one file;
 *   <li>a FIFO, a character device or another special file: written directly, never replaced.
 * </ul>
 */
public final class AtomicFiles {

  /** Names of the temporary files, so a later run can clean up after a killed one. */
  public static final String TEMP_PREFIX = ".";

  public static final String TEMP_SUFFIX = ".cors-audit.tmp";

  private static final int MAX_LINKS = 40;

  private AtomicFiles() {}

  public static void write(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] content) throws IOException {
    try (Output output = open(target)) {
      output.stream().write(content);
      output.commit();
    }
  }

  /**
   * Opens {@code target} for a write that may be long (a streamed report): the same rules as {@link
   * #write(Path, byte[])}. Nothing replaces the target until {@link Output#commit()}; closing
   * without committing leaves the target as it was (and removes the temporary file).
   */
  public static Output open(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    // Through every link: what the path finally is (null when it, or a link's target, is missing).
    BasicFileAttributes followed = attributes(absolute, true);
    if (followed != null && followed.isDirectory()) {
      throw new FileSystemException(target.toString(), null, "is a directory");
    }
    if ((followed != null && !followed.isRegularFile()) || isSystemPath(absolute)) {
      // FIFO, character or block device, socket, /dev/stdout, /proc/self/fd/N: the node is not
      // ours to replace; the kernel follows the links when it is opened.
      return Output.direct(Files.newOutputStream(absolute, StandardOpenOption.WRITE));
    }
    Path path = followed != null ? absolute.toRealPath() : resolveLinks(absolute);
    if (followed == null) {
      Files.createDirectories(path.getParent());
      return replacing(path, null);
    } else if (linkCount(path) > 1) {
      return Output.direct(
          Files.newOutputStream(
              path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    } else {
      return replacing(path, posix(path));
    }
  }

  /** An open output file: write to {@link #stream()}, then {@link #commit()}. */
  public static final class Output implements AutoCloseable {
    private final OutputStream stream;
    private final Path temp;
    private final Path target;
    private final PosixFileAttributes existing;
    private final FileChannel channel;
    private boolean done;

    private Output(
        OutputStream stream,
        FileChannel channel,
        Path temp,
        Path target,
        PosixFileAttributes existing) {
      this.stream = stream;
      this.channel = channel;
      this.temp = temp;
      this.target = target;
      this.existing = existing;
    }

    static Output direct(OutputStream stream) {
      return new Output(stream, null, null, null, null);
    }

    public OutputStream stream() {
      return stream;
    }

    /** Makes the written bytes the target's content (a rename for a replaced file). */
    public void commit() throws IOException {
      stream.flush();
      if (temp == null) {
        stream.close();
        done = true;
        return;
      }
      channel.force(true);
      stream.close();
      if (existing != null) {
        try {
          Files.setPosixFilePermissions(temp, existing.permissions());
        } catch (IOException | UnsupportedOperationException e) {
          // keep the default mode
        }
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    }

    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      done = true;
      try {
        stream.close();
      } finally {
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  private static Output replacing(Path path, PosixFileAttributes existing) throws IOException {
    Path dir = path.getParent();
    for (int attempt = 0; ; attempt++) {
      Path candidate =
          dir.resolve(
              TEMP_PREFIX
                  + path.getFileName()
                  + "."
                  + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1)
                  + TEMP_SUFFIX);
      try {
        // Default permissions (0666 under the umask), unlike createTempFile's 0600.
        FileChannel channel =
            FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Output(
            new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel)),
            channel,
            candidate,
            path,
            existing);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw e;
        }
      }
    }
  }

  /** /dev and /proc hold nodes (and magic links) that a rename must never replace. */
  private static boolean isSystemPath(Path absolute) {
    return absolute.startsWith("/dev") || absolute.startsWith("/proc");
  }

  /**
   * Removes the temporary files a killed run left in {@code dir} (call it only while holding the
   * directory's {@link ReportsLock}); returns how many.
   */
  public static int cleanTemporaryFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    // Also the ".NAME.RANDOM.tmp" files of cors-audit 0.1.0's Files.createTempFile.
    try (var entries = Files.newDirectoryStream(dir, TEMP_PREFIX + "*.tmp")) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(entry)) {
          removed++;
        }
      }
    }
    return removed;
  }

  /** Follows a chain of symbolic links (dangling ones too) to the path a write should change. */
  static Path resolveLinks(Path path) throws IOException {
    Path current = path;
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!Files.isSymbolicLink(current)) {
        return current;
      }
      Path link = Files.readSymbolicLink(current);
      current = current.getParent().resolve(link).normalize();
    }
    throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
  }

  private static BasicFileAttributes attributes(Path path, boolean follow) throws IOException {
    try {
      return follow
          ? Files.readAttributes(path, BasicFileAttributes.class)
          : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static int linkCount(Path path) {
    try {
      Object n = Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      return n instanceof Integer count ? count : 1;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 1;
    }
  }

  private static PosixFileAttributes posix(Path path) {
    try {
      PosixFileAttributeView view =
          Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      return view == null ? null : view.readAttributes();
    } catch (IOException e) {
      return null;
    }
  }
}
