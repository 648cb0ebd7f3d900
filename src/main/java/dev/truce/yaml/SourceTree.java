package dev.truce.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML document as places in its text, for inserting lines into it: where each value starts, the last
 * character of its content (new lines go after that, not after the blank lines and comments that follow
 * it), whether it is written in flow style, whether anchors or aliases are involved. {@link YamlNode} keeps
 * only where a value starts, so this reads SnakeYAML Engine's events itself. Offsets are char indexes into
 * the text (SnakeYAML counts code points). Only for text {@link YamlTreeReader} has read without problems. An
 * anchor on a value above the one edited is not noted: {@link EditCheck} catches an edit that shows through an
 * alias elsewhere.
 */
final class SourceTree {
    sealed interface Node {
        int start();

        /** The offset of the last character of the value's content: a closing quote or bracket, the last word. */
        int last();

        /** Whether the value has an anchor or is an alias, or holds one. */
        boolean refs();
    }

    record Mapping(int start, int last, boolean flow, boolean refs, List<Entry> entries)
            implements Node {
        Entry entry(String key) {
            return entries.stream().filter(e -> e.key() instanceof Scalar s && s.value().equals(key)).findFirst()
                    .orElse(null);
        }
    }

    record Entry(Node key, Node value) {
        int last() {
            return Math.max(key.last(), value.last());
        }
    }

    /** For a flow list, {@code last} is its closing {@code ]}. */
    record Sequence(int start, int last, boolean flow, boolean refs, List<Node> items)
            implements Node {
    }

    /**
     * {@code risk}: why lines inserted right after this block scalar would change its text (it keeps its
     * trailing lines, or its end cannot be told for sure), else null.
     */
    record Scalar(int start, int last, String value, boolean refs, String risk) implements Node {
    }

    record Alias(int start, int last) implements Node {
        @Override
        public boolean refs() {
            return true;
        }
    }

    private final String text;
    private final TextLines lines;
    private final Parser parser;
    private int lastCodePoint;
    private int lastOffset;

    private SourceTree(String text, TextLines lines) {
        this.text = text;
        this.lines = lines;
        LoadSettings settings = LoadSettings.builder().setUseMarks(true)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, text.length() + 1024L))
                .setBufferSize(YamlTreeReader.bufferFor(text.length())).build();
        this.parser = new ParserImpl(settings, new StreamReader(settings, new StringReader(text)));
    }

    /** The document's root value; the text must hold exactly one document. */
    static Node read(String text, TextLines lines) {
        SourceTree tree = new SourceTree(text, lines);
        tree.parser.next(); // stream start
        tree.parser.next(); // document start
        return tree.node();
    }

    private Node node() {
        Event event = parser.next();
        int start = offset(event.getStartMark());
        boolean anchored = event instanceof NodeEvent n && n.getAnchor().isPresent();
        return switch (event.getEventId()) {
            case Scalar -> scalar((ScalarEvent) event, start, anchored);
            case Alias -> new Alias(start, offset(((AliasEvent) event).getEndMark()) - 1);
            case SequenceStart -> sequence(start, flow(event), anchored);
            case MappingStart -> mapping(start, flow(event), anchored);
            default -> throw new IllegalStateException("unexpected YAML event " + event);
        };
    }

    private static boolean flow(Event event) {
        return ((CollectionStartEvent) event).getFlowStyle() == FlowStyle.FLOW;
    }

    private Mapping mapping(int start, boolean flow, boolean anchored) {
        List<Entry> entries = new ArrayList<>();
        boolean refs = anchored;
        int last = start;
        while (parser.peekEvent().getEventId() != Event.ID.MappingEnd) {
            Entry entry = new Entry(node(), node());
            entries.add(entry);
            refs |= entry.key().refs() || entry.value().refs();
            last = Math.max(last, entry.last());
        }
        int end = offset(parser.next().getEndMark());
        return new Mapping(start, flow ? end - 1 : last, flow, refs, List.copyOf(entries));
    }

    private Sequence sequence(int start, boolean flow, boolean anchored) {
        List<Node> items = new ArrayList<>();
        boolean refs = anchored;
        int last = start;
        while (parser.peekEvent().getEventId() != Event.ID.SequenceEnd) {
            Node item = node();
            items.add(item);
            refs |= item.refs();
            last = Math.max(last, item.last());
        }
        Event end = parser.next();
        return new Sequence(start, flow ? offset(end.getStartMark()) : last, flow, refs, List.copyOf(items));
    }

    private Scalar scalar(ScalarEvent event, int start, boolean anchored) {
        int end = offset(event.getEndMark());
        if (event.getScalarStyle() == ScalarStyle.LITERAL || event.getScalarStyle() == ScalarStyle.FOLDED) {
            BlockScalarEnd block = BlockScalarEnd.of(text, lines, start, end);
            return new Scalar(start, block.last(), event.getValue(), anchored, block.risk());
        }
        // an empty value ("key:" with nothing after it) ends where it starts: its last character is the colon
        return new Scalar(start, end > start ? end - 1 : start - 1, event.getValue(), anchored, null);
    }

    /** SnakeYAML counts code points; a text with characters outside the BMP needs them turned into char offsets. */
    private int offset(Optional<Mark> mark) {
        int codePoint = mark.orElseThrow().getIndex();
        if (codePoint < lastCodePoint) {
            lastCodePoint = 0;
            lastOffset = 0;
        }
        lastOffset = text.offsetByCodePoints(lastOffset, codePoint - lastCodePoint);
        lastCodePoint = codePoint;
        return lastOffset;
    }
}
