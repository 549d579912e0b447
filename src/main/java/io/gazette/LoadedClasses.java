package io.gazette;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Links the classes Quarkus' class loader has loaded but not yet linked, for the class-data archive
 * the build records at the end of a start (see {@link GazetteMain#EXIT_WHEN_STARTED}).
 *
 * <p>JDK 17 writes only linked classes of a custom class loader, such as Quarkus', to a dynamic
 * archive, and links at exit only those of its own loaders. A start loads about 2,700 classes it
 * never links (types named in signatures that verification or Hibernate only looked at), and each
 * later start then read them from their jars instead of the archive. Reflection links a class
 * without running its static initialiser; linking may load further classes, so this repeats until
 * none are new.
 */
final class LoadedClasses {

  private LoadedClasses() {}

  /** Links what it can; returns how many classes it linked. */
  static int link(ClassLoader loader) throws JMException {
    Set<String> seen = new HashSet<>();
    int linked = 0;
    List<String> fresh;
    do {
      fresh = new ArrayList<>();
      for (String name : loadedNames()) {
        if (seen.add(name)) {
          fresh.add(name);
        }
      }
      for (String name : fresh) {
        try {
          Class.forName(name, false, loader).getDeclaredFields();
          linked++;
        } catch (ClassNotFoundException | LinkageError e) {
          // An optional dependency that is absent: such a class is never used, and is not archived.
        }
      }
    } while (!fresh.isEmpty());
    return linked;
  }

  /** The names of all loaded classes, from the JVM's class hierarchy diagnostic command. */
  private static Set<String> loadedNames() throws JMException {
    String hierarchy =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmClassHierarchy",
                    new Object[] {null},
                    new String[] {String[].class.getName()});
    Set<String> names = new LinkedHashSet<>();
    // Lines read "|  |--org.example.Name/0x00007f0000000000 (intf)"; hidden classes carry a second
    // slash and cannot be named.
    for (String line : hierarchy.split("\n")) {
      int start = line.lastIndexOf("--") + 2;
      int end = line.indexOf('/', start);
      if (start >= 2 && end > start && line.indexOf('/', end + 1) < 0) {
        names.add(line.substring(start, end));
      }
    }
    return names;
  }
}
