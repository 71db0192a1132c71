package dev.corsaudit.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One {@code report} run at a time per reports directory: an exclusive lock on {@code
 * .cors-audit.lock} in it, taken without waiting. The file is removed when the run ends, so the
 * directory the nightly job commits holds no stray lock.
 */
public final class ReportsLock implements AutoCloseable {

  public static final String FILE_NAME = ".cors-audit.lock";

  /** Another run holds the lock. */
  public static final class HeldException extends IOException {
    HeldException(Path lock) {
      super(lock.toString());
    }
  }

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;

  private ReportsLock(Path path, FileChannel channel, FileLock lock) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or throws {@link HeldException} at once. */
  public static ReportsLock acquire(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path path = dir.resolve(FILE_NAME);
    for (int attempt = 0; attempt < 10; attempt++) {
      // The holder removes the file before it releases the lock; so a lock is ours only if the
      // file we locked is still the one at the path (same file key before opening and after
      // locking), else we locked a removed file and try again.
      Object before = fileKey(path);
      FileChannel channel;
      try {
        if (before == null) {
          channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          before = fileKey(path);
        } else {
          channel = FileChannel.open(path, StandardOpenOption.WRITE);
        }
      } catch (FileAlreadyExistsException | NoSuchFileException raced) {
        continue;
      }
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this JVM (another run in-process)
      }
      if (lock == null) {
        channel.close();
        throw new HeldException(path);
      }
      if (before != null && before.equals(fileKey(path))) {
        return new ReportsLock(path, channel, lock);
      }
      lock.release();
      channel.close();
    }
    throw new HeldException(path);
  }

  private static Object fileKey(Path path) throws IOException {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      // Without file keys (not on Linux), the creation instant is the best identity there is.
      return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private boolean closed;

  /** Removes the file and releases the lock; a second call does nothing. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Files.deleteIfExists(path);
    } finally {
      lock.release();
      channel.close();
    }
  }
}
