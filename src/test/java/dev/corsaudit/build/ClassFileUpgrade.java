package dev.corsaudit.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step (package phase, after the shade plugin): re-emits the jar's Java 5 class files as
 * Java 8 class files with stack-map frames, same code.
 *
 * <p>Why: picocli ships Java 5 class files (major version 49), and JDK 17's class-data sharing
 * refuses every class below version 50 ("Pre JDK 6 class not supported by CDS"), so the release
 * launcher's archive held none of picocli's 228 classes and each run loaded and verified about 180
 * of them again with the old type-inferring verifier (docs/performance.md). Frames are computed by
 * ASM; nothing else in a class changes. The jar is rewritten entry by entry in its own order with
 * each entry's time, so the build stays reproducible.
 *
 * <p>Arguments: the jar to rewrite in place.
 */
public final class ClassFileUpgrade {

  /** The oldest class-file version JDK 17's CDS archives (Java 6). */
  static final int CDS_MINIMUM = 50;

  private ClassFileUpgrade() {}

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    int upgraded = rewrite(jar);
    System.out.println("class files re-emitted as Java 8 for class-data sharing: " + upgraded);
  }

  /** Rewrites the jar in place; returns how many class files were upgraded. */
  static int rewrite(Path jar) throws IOException {
    Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
    int upgraded = 0;
    try (ZipFile in = new ZipFile(jar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        byte[] bytes;
        try (InputStream data = in.getInputStream(entry)) {
          bytes = data.readAllBytes();
        }
        if (entry.getName().endsWith(".class") && majorVersion(bytes) < CDS_MINIMUM) {
          bytes = upgrade(bytes);
          upgraded++;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        if (entry.getExtra() != null) {
          copy.setExtra(entry.getExtra());
        }
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    return upgraded;
  }

  static int majorVersion(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  /** The same class as a Java 8 class file, with frames computed. */
  static byte[] upgrade(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
