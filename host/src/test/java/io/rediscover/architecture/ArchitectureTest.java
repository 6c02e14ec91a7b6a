package io.rediscover.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the host's package order: data flows one way (plugin → sink → mirror → outbox → pipeline stages → search),
 * and a package only uses packages below it. A new package must be placed in {@link #LAYERS} before it compiles into a
 * green build, so nobody adds one without deciding where it sits.
 */
class ArchitectureTest {

    /** The layer of REST resources (classes implementing {@code web.ApiResource}, and the types nested in them). */
    static final String RESOURCES = "(resources)";

    /**
     * Top to bottom. A package may use packages of its own layer or of a layer below it, never above; cycles are
     * forbidden even within a layer. The root package ({@code Host}, {@code Main}) composes everything and sits with
     * the command line at the top. REST resources are thin adapters that live in their capability's package but sit in
     * a layer of their own under the command line ({@link #RESOURCES}): they take the caller from tenancy and call the
     * capability.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("", "cli"),
            List.of(RESOURCES),
            List.of("integrations", "auth", "metrics", "backup"),
            List.of("tenancy"),
            List.of("audit"),
            List.of("candidates", "search", "insights"),
            List.of("sync", "pipeline"),
            List.of("documents", "matching", "index"),
            List.of("stage"),
            List.of("budget"),
            List.of("mirror", "profiles"),
            List.of("plugins"),
            List.of("store", "security"),
            List.of("health"),
            List.of("web"),
            List.of("logging"),
            List.of("config"),
            List.of("lifecycle"));

    private static final JavaClasses HOST = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void everyPackageHasItsPlaceInTheOrder() {
        TreeSet<String> unplaced = new TreeSet<>();
        for (JavaClass c : HOST) {
            if (rank(capability(c.getPackageName())) < 0) {
                unplaced.add(c.getPackageName());
            }
        }
        assertThat(unplaced).as("packages missing from ArchitectureTest.LAYERS: place them in the order").isEmpty();
        assertThat(HOST.size()).as("host classes imported from target/classes").isGreaterThan(50);
    }

    @Test
    void packagesUseOnlyPackagesBelowThem() {
        List<String> violations = new ArrayList<>();
        for (JavaClass c : HOST) {
            String from = isResource(c) ? RESOURCES : capability(c.getPackageName());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (!HOST.contain(d.getTargetClass().getName())) {
                    continue;
                }
                String to = capability(target);
                if (rank(to) < rank(from)) {
                    violations.add(from + " → " + to + ": " + d.getDescription());
                }
            }
        }
        assertThat(violations).as("dependencies that go up the package order " + LAYERS).isEmpty();
    }

    @Test
    void noCyclesBetweenPackages() {
        SlicesRuleDefinition.slices().matching("io.rediscover.(*)..").should().beFreeOfCycles().check(HOST);
    }

    @Test
    void theServerDoesNotDependOnTheDemoSimulator() {
        List<String> uses = new ArrayList<>();
        for (JavaClass c : HOST) {
            c.getDirectDependenciesFromSelf().stream()
                    .filter(d -> d.getTargetClass().getPackageName().startsWith("io.rediscover.icims"))
                    .forEach(d -> uses.add(d.getDescription()));
        }
        assertThat(uses).as("host classes using the iCIMS simulator (it belongs in lib/demo, loaded by the demo)").isEmpty();
    }

    /** Fully qualified names inline in code hide dependencies from a reader of the imports: use imports. */
    @Test
    void noInlineFullyQualifiedNamesOfOurOwnClasses() throws IOException {
        Pattern inline = Pattern.compile("io\\.rediscover\\.[a-z][a-z0-9.]*\\.?[A-Z]\\w*");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("import ") || line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = inline.matcher(line);
                    if (m.find()) {
                        found.add(f + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("inline fully qualified io.rediscover names in main code").isEmpty();
    }

    static boolean isResource(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (k.isAssignableTo("io.rediscover.web.ApiResource")) {
                return true;
            }
        }
        return false;
    }

    /** @return the capability a package belongs to: the first segment after io.rediscover, or "" for the root */
    static String capability(String pkg) {
        if (pkg.equals("io.rediscover")) {
            return "";
        }
        String rest = pkg.substring("io.rediscover.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static int rank(String capability) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(capability)) {
                return i;
            }
        }
        return -1;
    }
}
