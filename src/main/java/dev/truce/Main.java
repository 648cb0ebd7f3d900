package dev.truce;

import dev.truce.cli.Cli;
import dev.truce.cli.Context;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Builds the command line, runs it, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = Cli.run(Context.system(), out, err, args);
        } catch (OutOfMemoryError e) {
            // Said in one line, never as a JVM trace; nothing was written (appends write whole or not at all).
            out.flush();
            err.println("truce: out of memory: the files are too large for the Java heap ("
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); give Java more, e.g. "
                    + "TRUCE_JAVA_OPTS='-Xmx4g -XX:+UseSerialGC'");
            code = 1;
        }
        System.exit(code);
    }
}
