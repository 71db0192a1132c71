package dev.corsaudit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The pipeline's arrows: config → fetch → probe → grade → report, composed by audit, with the
 * result model beside them. A package may use only the packages listed for it (plus the JDK and the
 * libraries), grade and fetch do no I/O, only cli knows picocli, and no package cycles.
 */
class ArchitectureTest {

  private static final String ROOT = "dev.corsaudit";

  private static final List<String> BELOW_RESULT =
      List.of("model", "config", "fetch", "grade", "security", "browser", "policy", "result");

  /** Each package and the packages of ours it may use; the table in issue 10 and the README. */
  static final Map<String, List<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("model", List.of()),
          // config also parses a provider's policy: block with policy's own parser, so a bad policy
          // is a located error when providers.yaml loads (the one arrow beyond the table).
          Map.entry("config", List.of("model", "fetch", "policy")),
          Map.entry("fetch", List.of("model")),
          Map.entry("probe", List.of("model")),
          Map.entry("replica", List.of("model")),
          Map.entry("policy", List.of("model")),
          Map.entry("grade", List.of("model", "fetch")),
          Map.entry("security", List.of("model", "fetch", "grade", "policy")),
          Map.entry("browser", List.of("model", "fetch", "grade", "policy")),
          Map.entry(
              "result",
              List.of("model", "config", "fetch", "grade", "security", "browser", "policy")),
          Map.entry(
              "audit",
              List.of(
                  "model",
                  "config",
                  "fetch",
                  "probe",
                  "replica",
                  "policy",
                  "grade",
                  "security",
                  "browser",
                  "result")),
          Map.entry("report", BELOW_RESULT),
          Map.entry("diff", BELOW_RESULT),
          Map.entry("evidence", BELOW_RESULT));

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @TestFactory
  Stream<DynamicTest> eachPackageUsesOnlyWhatItMay() {
    return MAY_USE.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey() + " may use " + entry.getValue(),
                    () -> mayUseOnly(entry.getKey(), entry.getValue()).check(MAIN)));
  }

  static ArchRule mayUseOnly(String pkg, List<String> allowed) {
    List<String> ours = new ArrayList<>();
    ours.add(ROOT + "." + pkg + "..");
    allowed.forEach(a -> ours.add(ROOT + "." + a + ".."));
    // Anything outside dev.corsaudit (the JDK and the libraries) is fine; ours must be listed.
    return noClasses()
        .that()
        .resideInAPackage(ROOT + "." + pkg + "..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are classes of ours outside " + ours,
                c ->
                    c.getPackageName().startsWith(ROOT)
                        && ours.stream()
                            .noneMatch(
                                p ->
                                    c.getPackageName()
                                        .startsWith(p.substring(0, p.length() - 2)))));
  }

  @Test
  void everyPackageIsInTheTable() {
    List<String> packages = new ArrayList<>();
    MAIN.forEach(
        c -> {
          String name = c.getPackageName();
          if (name.startsWith(ROOT + ".")) {
            String top = name.substring(ROOT.length() + 1).split("\\.")[0];
            if (!top.equals("cli") && !packages.contains(top)) {
              packages.add(top);
            }
          }
        });
    List<String> missing = packages.stream().filter(p -> !MAY_USE.containsKey(p)).toList();
    if (!missing.isEmpty()) {
      throw new AssertionError("packages with no row in the arrow table: " + missing);
    }
  }

  @Test
  void gradeAndFetchDoNoIo() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".grade..", ROOT + ".fetch..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "java.nio.file..", "java.nio.channels..")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching(
            "java\\.net\\.(Socket|ServerSocket|InetAddress|Inet4Address|Inet6Address|DatagramSocket|URL|HttpURLConnection).*|java\\.io\\.File.*")
        .because("the grader is pure: recorded exchanges in, verdicts out")
        .check(MAIN);
  }

  @Test
  void onlyCliKnowsPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".cli..")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".Main")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(MAIN);
  }

  @Test
  void noPackageCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  /** Small files, one idea each: a main source file over 400 lines is doing too much. */
  @Test
  void noMainSourceFileIsOver400Lines() throws java.io.IOException {
    List<String> tooLong = new ArrayList<>();
    try (Stream<java.nio.file.Path> files =
        java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        long lines = java.nio.file.Files.readAllLines(file).size();
        if (lines > 400) {
          tooLong.add(file + " (" + lines + " lines)");
        }
      }
    }
    if (!tooLong.isEmpty()) {
      throw new AssertionError("split these files: " + tooLong);
    }
  }

  @Test
  void theRootHoldsOnlyTheEntryPoint() {
    classes().that().resideInAPackage(ROOT).should().haveSimpleNameStartingWith("Main").check(MAIN);
  }
}
