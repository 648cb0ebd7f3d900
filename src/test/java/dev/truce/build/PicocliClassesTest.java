package dev.truce.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * picocli is compiled from its sources jar for Java 17 (pom.xml): Java 5 class files (version 49), as picocli ships
 * them, cannot be archived by class-data sharing and are checked by the old verifier on every start. These are the
 * classes that go into target/truce.jar (.ci/run checks the jar itself), with picocli's licence and NOTICE.
 */
class PicocliClassesTest {
    private static int majorVersion(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getPackageName().length() + 1) + ".class")) {
            assertNotNull(in, type.getName());
            DataInputStream data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt(), "a class file");
            data.readUnsignedShort();   // minor
            return data.readUnsignedShort();
        }
    }

    @Test
    void picocliIsJava17ClassFilesOfOurBuild() throws Exception {
        for (Class<?> type : List.of(CommandLine.class, CommandLine.Model.CommandSpec.class, AutoComplete.class)) {
            assertTrue(majorVersion(type) >= 61, type.getName() + " is class file version " + majorVersion(type));
            Path from = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(from.endsWith(Path.of("target", "classes")), type.getName() + " comes from " + from);
        }
        assertFalse(Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .anyMatch(entry -> Path.of(entry).getFileName().toString().startsWith("picocli-")), "no picocli jar");
    }

    @Test
    void picocliLicenceAndNoticeGoIntoTheJar() throws IOException {
        String licence = resource("META-INF/licenses/info.picocli/picocli/LICENSE");
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"), licence);
        String notice = resource("META-INF/licenses/info.picocli/picocli/NOTICE");
        assertTrue(notice.startsWith("picocli " + CommandLine.VERSION + "\nCopyright 2017 Remko Popma\n"), notice);
        assertFalse(notice.contains("${"), "the version is filled in: " + notice);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PicocliClassesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
