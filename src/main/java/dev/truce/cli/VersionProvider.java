package dev.truce.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar's manifest, then which Java runs it: scripts/truce chooses among the JDKs installed
 * and starts it with an archive of its own, and a slow start is easier to explain when the line says which.
 * The first line stays "truce VERSION" (the manual page and scripts read it).
 */
public final class VersionProvider implements IVersionProvider {
    /** Set by scripts/truce to what it started the JVM with: "AOT cache" or "CDS archive". */
    static final String STARTUP_PROPERTY = "truce.startup";

    @Override
    public String[] getVersion() {
        String version = TruceCommand.class.getPackage().getImplementationVersion();
        return new String[] {"truce " + (version == null ? "(development build)" : version), java()};
    }

    /** "Java 25.0.3 (Temurin-25.0.3+9) at /usr/lib/jvm/temurin-25-jdk-amd64; AOT cache". */
    static String java() {
        String vendor = System.getProperty("java.vendor.version", System.getProperty("java.vendor", "unknown vendor"));
        String startup = System.getProperty(STARTUP_PROPERTY, "");
        return "Java " + System.getProperty("java.version") + " (" + vendor + ") at " + System.getProperty("java.home")
                + (startup.isBlank() ? "" : "; " + startup);
    }
}
