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
        System.exit(Cli.run(Context.system(), out, err, args));
    }
}
