package dev.truce.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The documentation as the tests see it: README.md and docs/*.md, and their fenced code blocks (CommonMark:
 * three or more backticks or tildes, indented at most three spaces; the block ends at a fence of the same
 * character at least as long). A block whose info string is {@value #RUNNABLE} is an example that must run.
 */
final class MarkdownBlocks {
    /** The info string of a runnable shell example; docs/README.md tells contributors. */
    static final String RUNNABLE = "sh example";

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(.*?)\\s*$");

    /** One fenced block: the file, the line of its opening fence (from 1), its info string and its text. */
    record Block(Path file, int line, String info, String text) {
        boolean runnable() {
            return info.equals(RUNNABLE);
        }

        String name(Path root) {
            return root.relativize(file.toAbsolutePath()) + ":" + line;
        }
    }

    private MarkdownBlocks() {
    }

    /** README.md, then docs/*.md in name order. */
    static List<Path> documents(Path root) {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static List<Block> blocks(Path file) {
        return parse(file, null);
    }

    /** The text outside fenced blocks, line by line (a block's lines are left out, fences too). */
    static String prose(Path file) {
        StringBuilder prose = new StringBuilder();
        parse(file, prose);
        return prose.toString();
    }

    private static List<Block> parse(Path file, StringBuilder prose) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                if (prose != null) {
                    prose.append(lines.get(i)).append('\n');
                }
                continue;
            }
            String fence = open.group(1);
            String info = open.group(2).replaceAll("\\s+", " ");
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                Matcher close = FENCE.matcher(lines.get(j));
                if (close.matches() && close.group(2).isEmpty() && close.group(1).charAt(0) == fence.charAt(0)
                        && close.group(1).length() >= fence.length()) {
                    break;
                }
                text.append(lines.get(j)).append('\n');
            }
            blocks.add(new Block(file, i + 1, info, text.toString()));
            i = j; // an unclosed block runs to the end of the file, as CommonMark says
        }
        return blocks;
    }
}
