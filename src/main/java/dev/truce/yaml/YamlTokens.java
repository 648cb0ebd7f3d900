package dev.truce.yaml;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.JacksonYAMLParseException;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Jackson's YAML token stream as {@link YamlTreeReader} reads it. Jackson's parser is kept whole (its tokens,
 * its token locations, its exceptions); three things are what truce means rather than what Jackson does:
 * <ul>
 *   <li>scalars are typed by the YAML 1.2 core schema of {@link CoreSchema} (a plain, untagged scalar by its text;
 *       anything quoted or tagged is text), never decoded: Jackson would read {@code !!binary} as base64, {@code
 *       !!int} as a number and {@code 0x...} into a {@code BigInteger}, so a tag or a long value could fail or cost;</li>
 *   <li>a key that is not a scalar (a list, a mapping, an alias) is handed over as a value, and the value after it
 *       too, where Jackson would stop the file: the tree reader says what is wrong and goes on;</li>
 *   <li>what the end of the first document is followed by, read without parsing a second one.</li>
 * </ul>
 * Jackson's own limits on names and strings are lifted: the tree reader caps every scalar itself, with its
 * message, and the depth of nesting far below Jackson's.
 */
final class YamlTokens {
    private static final StreamReadConstraints UNCAPPED = StreamReadConstraints.builder()
            .maxNameLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build();

    private YamlTokens() {
    }

    /** A parser of {@code reader}, with SnakeYAML Engine's {@code settings} under it (the buffer, the code point limit). */
    static Parser open(Reader reader, LoadSettings settings) {
        YAMLFactoryBuilder builder = YAMLFactory.builder().loadSettings(settings).streamReadConstraints(UNCAPPED)
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION); // the tree reader says where both keys are
        return (Parser) new Factory(builder).createParser(ObjectReadContext.empty(), reader);
    }

    /** Makes {@link Parser}s. */
    private static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(ObjectReadContext readContext, IOContext io, Reader reader) {
            return new Parser(readContext, io, _getBufferRecycler(), readContext.getStreamReadFeatures(_streamReadFeatures),
                    readContext.getFormatReadFeatures(_formatReadFeatures), _loadSettings, reader);
        }
    }

    static final class Parser extends YAMLParser {
        /** Mappings whose key, not a scalar, is being read as a value: the node after it is its value. */
        private final Deque<TokenStreamContext> keysAsValues = new ArrayDeque<>();

        Parser(ObjectReadContext readContext, IOContext io, BufferRecycler buffers, int features, int yamlFeatures,
               LoadSettings settings, Reader reader) {
            super(readContext, io, buffers, features, yamlFeatures, settings, reader, false); // the caller closes it
        }

        @Override
        public JsonToken nextToken() throws JacksonException {
            if (_streamReadContext.inObject() && _currToken != JsonToken.PROPERTY_NAME && !_closed) {
                if (keysAsValues.peek() == _streamReadContext) {
                    keysAsValues.pop();
                    _currToken = JsonToken.PROPERTY_NAME; // the key is read: what follows is its value
                } else if (keyIsNoScalar()) {
                    keysAsValues.push(_streamReadContext);
                    _currToken = JsonToken.PROPERTY_NAME; // Jackson reads the key as a value
                }
            }
            return super.nextToken();
        }

        private boolean keyIsNoScalar() {
            Event next = peek();
            return !next.getEventId().equals(Event.ID.Scalar) && !next.getEventId().equals(Event.ID.MappingEnd);
        }

        private Event peek() {
            try {
                return _yamlParser.peekEvent();
            } catch (YamlEngineException | NumberFormatException e) { // as Jackson's nextToken() does
                throw new JacksonYAMLParseException(this, e.getMessage(), e);
            }
        }

        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) {
            _textValue = scalar.getValue();
            _cleanedTextValue = null;
            return switch (type(scalar)) {
                case NULL -> JsonToken.VALUE_NULL;
                case BOOLEAN -> _textValue.charAt(0) == 't' || _textValue.charAt(0) == 'T'
                        ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
                case INTEGER -> JsonToken.VALUE_NUMBER_INT;
                case DECIMAL -> JsonToken.VALUE_NUMBER_FLOAT;
                case STRING -> JsonToken.VALUE_STRING;
            };
        }

        /** The core-schema type of the key the parser is at ({@link #_decodeScalar} types values). */
        YamlNode.ScalarType keyType() {
            return _lastEvent instanceof ScalarEvent scalar ? type(scalar) : YamlNode.ScalarType.STRING;
        }

        private static YamlNode.ScalarType type(ScalarEvent scalar) {
            if (!scalar.isPlain() || scalar.getTag().isPresent()) {
                return YamlNode.ScalarType.STRING;
            }
            return CoreSchema.typeOf(scalar.getValue());
        }

        /** The anchor ({@code &name}) of the node the parser is at, or the name an alias refers to; else null. */
        String anchor() {
            if (_lastEvent instanceof NodeEvent node) {
                Optional<Anchor> anchor = node.getAnchor();
                return anchor.isPresent() ? anchor.get().getValue() : null;
            }
            return null;
        }

        /**
         * Where the token the parser is at starts, {@code lines} further down: the line and column of {@link
         * #currentTokenLocation()}, read from the same mark without making a location object for every token.
         */
        Position start(int lines) {
            return _lastEvent == null ? Position.START : position(_lastEvent, lines);
        }

        private static Position position(Event event, int lines) {
            Optional<Mark> mark = event.getStartMark();
            return mark.isEmpty() ? Position.START : new Position(mark.get().getLine() + 1 + lines, mark.get().getColumn() + 1);
        }

        /**
         * After the first document's last token: where a second document starts (its {@code ---}), if one does. Read
         * past Jackson, which would parse the second document's content to find its first token.
         */
        Optional<Position> secondDocument(int lines) {
            try {
                _yamlParser.next(); // the first document's end
                Event next = _yamlParser.peekEvent();
                return next.getEventId() == Event.ID.StreamEnd ? Optional.empty()
                        : Optional.of(position(next, lines));
            } catch (YamlEngineException | NumberFormatException e) { // as Jackson's nextToken() does
                throw new JacksonYAMLParseException(this, e.getMessage(), e);
            }
        }
    }
}
