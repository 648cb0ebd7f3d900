package dev.truce.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What issue 15 asks of the documentation's shape, checked so it stays true: a README a newcomer reads
 * in one go, whose test command is the one CI runs, every page reachable from docs/README.md, and no
 * link to a file that is not there.
 */
class DocsStructureTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final int README_MAX_LINES = 250;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void theReadmeIsShort() throws IOException {
        long lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8).size();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines; the rest belongs in docs/");
    }

    @Test
    void theReadmeTestCommandIsTheOneCiRuns() throws IOException {
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> l.startsWith("mvn ")).toList();
        assertEquals(1, ci.size(), ".ci/run should run one mvn command: " + ci);
        String command = ci.get(0);
        boolean shown = MarkdownBlocks.blocks(ROOT.resolve("README.md")).stream()
                .flatMap(b -> b.text().lines())
                .anyMatch(l -> l.strip().equals(command) || l.strip().startsWith(command + " "));
        assertTrue(shown, "README.md should show the test command .ci/run runs: " + command);
    }

    /**
     * The README's table of commands gives one example each as inline code; each must be run, word for word,
     * by some runnable example, except the daemon's (it runs until stopped).
     */
    @Test
    void everyExampleInTheCommandTableIsRunSomewhere() throws IOException {
        List<String> notRun = List.of("truce daemon --run-now");
        List<String> runLines = MarkdownBlocks.documents(ROOT).stream()
                .flatMap(f -> MarkdownBlocks.blocks(f).stream()).filter(MarkdownBlocks.Block::runnable)
                .flatMap(b -> b.text().lines()).toList();
        List<String> examples = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| `") && cells.length == 4) {   // | command | what it does | example |
                Matcher code = Pattern.compile("`([^`]*truce [^`]+)`").matcher(cells[3]);
                while (code.find()) {
                    examples.add(code.group(1));
                }
            }
        }
        assertTrue(examples.size() >= 16, "the README's command table should give an example per command: " + examples);
        List<String> missing = examples.stream().filter(e -> !notRun.contains(e))
                .filter(e -> runLines.stream().noneMatch(l -> l.contains(e))).toList();
        assertTrue(missing.isEmpty(), "examples in the README's command table that no runnable example runs: " + missing);
    }

    @Test
    void everyPageIsInTheIndex() throws IOException {
        String index = Files.readString(ROOT.resolve("docs/README.md"), StandardCharsets.UTF_8);
        for (Path page : MarkdownBlocks.documents(ROOT)) {
            String name = page.getFileName().toString();
            if (page.getParent().endsWith("docs") && !name.equals("README.md")) {
                assertTrue(index.contains("](" + name + ")") || index.contains("](" + name + "#"),
                        "docs/README.md does not link " + name);
            }
        }
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("](docs/README.md)"), "README.md should point at the index, docs/README.md");
    }

    @Test
    void everyLinkToAFileFindsIt() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : MarkdownBlocks.documents(ROOT)) {
            String text = MarkdownBlocks.prose(page).replaceAll("`[^`\\n]*`", "");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;   // a web or mail address, or a place on the same page
                }
                String file = target.replaceFirst("#.*$", "");
                if (!Files.exists(page.getParent().resolve(file))) {
                    broken.add(ROOT.relativize(page) + ": " + target);
                }
            }
        }
        assertTrue(broken.isEmpty(), "links to files that do not exist: " + broken);
    }

    @Test
    void theBlockReaderFindsFencesAndTheirInfoStrings() throws IOException {
        Path file = Files.createTempFile("blocks", ".md");
        try {
            Files.writeString(file, String.join("\n",
                    "text",
                    "````sh example",
                    "truce status",
                    "```",
                    "a shorter fence does not end it",
                    "````",
                    "```text",
                    "output",
                    "```",
                    "~~~sh   example",
                    "truce validate",
                    "~~~",
                    "more text",
                    ""), StandardCharsets.UTF_8);
            List<MarkdownBlocks.Block> blocks = MarkdownBlocks.blocks(file);
            assertEquals(3, blocks.size(), blocks::toString);
            assertEquals(2, blocks.get(0).line());
            assertTrue(blocks.get(0).runnable());
            assertEquals("truce status\n```\na shorter fence does not end it\n", blocks.get(0).text());
            assertFalse(blocks.get(1).runnable());
            assertEquals("text", blocks.get(1).info());
            assertEquals(10, blocks.get(2).line());
            assertTrue(blocks.get(2).runnable(), "spaces in the info string count as one");
            assertEquals("truce validate\n", blocks.get(2).text());
            assertEquals("text\nmore text\n", MarkdownBlocks.prose(file));
        } finally {
            Files.delete(file);
        }
    }
}
