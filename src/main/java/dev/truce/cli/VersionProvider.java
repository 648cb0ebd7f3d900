package dev.truce.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = TruceCommand.class.getPackage().getImplementationVersion();
        return new String[] {"truce " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version")};
    }
}
