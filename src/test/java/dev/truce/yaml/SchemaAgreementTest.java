package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas in schema/ are what editors check as people type; the loaders are what truce
 * enforces. They must agree: on the shipped files, and on good and bad files alike. Where JSON
 * Schema cannot say a rule (cross-references, dates that do not exist), the loader alone rejects,
 * and the last test pins that boundary so it moves only on purpose.
 */
class SchemaAgreementTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema OBLIGATIONS = schema("schema/obligations.schema.json");
    private static final Schema EVIDENCE = schema("schema/evidence.schema.json");
    private static final Schema ACKS = schema("schema/acks.schema.json");

    private static final String BASE = """
            version: 1
            truce:
              id: t
              title: A truce
              parties: [US, CN]
              effective: 2025-05-14T00:01-04:00
              timezone: America/New_York
              days: 90
            obligations:
              - id: a
                title: Do a thing
                party: US
                kind: paused-tariff
            """;

    @TempDir
    Path dir;

    @Test
    void theSchemasInTheRepositoryAreTheOnesTruceWrites() throws IOException {
        for (String which : List.of("obligations", "evidence", "acks")) {
            dev.truce.cli.CliRunner.Result printed = new dev.truce.cli.CliRunner(dir).run("schema", which);
            assertEquals(Files.readString(Path.of("schema/" + which + ".schema.json")), printed.out(),
                    "schema/" + which + ".schema.json is out of date: scripts/truce schema " + which
                    + " > schema/" + which + ".schema.json");
        }
    }

    @Test
    void theSchemasAreValidDraft202012() throws IOException {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String file : List.of("schema/obligations.schema.json", "schema/evidence.schema.json",
                "schema/acks.schema.json")) {
            List<Error> errors = meta.validate(Files.readString(Path.of(file)), InputFormat.JSON);
            assertEquals(List.of(), errors, file);
        }
    }

    @Test
    void theShippedFilesValidateAndNameTheirSchemaOnTheFirstLine() throws IOException {
        String obligations = Files.readString(Path.of("obligations.yaml"));
        String evidence = Files.readString(Path.of("evidence.yaml"));
        assertEquals(List.of(), OBLIGATIONS.validate(obligations, InputFormat.YAML));
        assertEquals(List.of(), EVIDENCE.validate(evidence, InputFormat.YAML));
        assertEquals("# yaml-language-server: $schema=schema/obligations.schema.json", obligations.lines().findFirst().orElseThrow());
        assertEquals("# yaml-language-server: $schema=schema/evidence.schema.json", evidence.lines().findFirst().orElseThrow());
        String acks = Files.readString(Path.of("acks.yaml"));
        assertEquals("# yaml-language-server: $schema=schema/acks.schema.json", acks.lines().findFirst().orElseThrow());
        dev.truce.domain.Register register = new ObligationsFileReader().read(Path.of("obligations.yaml"),
                "obligations.yaml").register();
        assertEquals(List.of(), new EntryFileReader().readAll(Path.of("acks.yaml"),
                new AckBinding("acks.yaml", register, "obligations.yaml")), "shipped with no ack, ready to append to");
    }

    static Stream<Arguments> goodFiles() {
        return Stream.of(
                Arguments.of("the minimal file", BASE),
                Arguments.of("every key", """
                        version: 1
                        truce:
                          id: us-cn
                          title: "US–China"
                          parties: [US, CN]
                          announced: 2025-05-12
                          effective: 2025-05-14T00:01-04:00
                          timezone: America/New_York
                          days: 90
                          extensions:
                            - decided: 2025-08-11
                              until: 2025-11-10T00:01-05:00
                              source: EO 14334
                              note: signed the day before
                            - until: 2026-11-10T00:01-05:00
                              source: EO 14358
                          sources: [Geneva joint statement]
                          note: both sides
                        alerts:
                          thresholds: [30, 7, 0]
                          recipients: [desk@example.com]
                          smtp: {host: smtp.example.com, port: 587, security: starttls, username: desk, from: truce@example.com, password_file: secret.txt}
                          schedule: "0 0 7 ? * MON-FRI"
                          zone: Europe/Brussels
                        evidence_file: evidence.yaml
                        stale_after_days: 45
                        state: .truce
                        daemon: {cluster: "jdbc:postgresql://db/truce"}
                        hts_file: hts_2026_rev_10.json.gz
                        hts_effective: 2026-06-08
                        obligations:
                          - id: a
                            title: Suspend the duty
                            party: joint
                            kind: purchase
                            effective: 2025-05-14T12:01+08:00
                            due: 2025-08-12
                            extensions:
                              - until: "2025-11-10 13:01+08:00"
                                source: notice
                            owner: owner@example.com
                            recipients: [a@example.com]
                            hts: ["9903.01.63", 8505]
                            covers: [all, "8505.11"]
                            duty: {market: US, kept: 10, lapsed: 34, origins: [CN, HK]}
                            sources: [EO 14298]
                            depends_on: [b]
                            note: unconfirmed
                          - id: b
                            title: 2025
                            party: CN
                            kind: other
                            due: none
                        """),
                Arguments.of("optional keys left empty", BASE.replace("kind: paused-tariff", """
                        kind: paused-tariff
                            note:
                            hts:
                            due:
                            effective:
                        """.stripTrailing()) + "alerts:\nstale_after_days:\n"),
                Arguments.of("no obligations yet", BASE.substring(0, BASE.indexOf("obligations:")) + "obligations: []\n"),
                Arguments.of("a date-time in UTC with a space", BASE.replace("2025-05-14T00:01-04:00", "\"2025-05-14 04:01Z\"")));
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("an unknown top-level key", "version: 1", "version: 1\ncolour: red"),
                bad("a misspelt obligation key", "title: Do a thing", "titel: Do a thing"),
                bad("an obligation without id", "  - id: a\n    title", "  - title"),
                bad("an unknown kind", "kind: paused-tariff", "kind: paused-tarif"),
                bad("an id with capitals", "  - id: a", "  - id: Bad_Id"),
                bad("a due that is no date", "kind: paused-tariff", "kind: paused-tariff\n    due: tomorrow"),
                bad("a date-time without offset", "kind: paused-tariff", "kind: paused-tariff\n    due: 2026-11-10T00:01"),
                bad("version 2", "version: 1", "version: 2"),
                bad("version in quotes", "version: 1", "version: \"1\""),
                bad("zero days", "days: 90", "days: 0"),
                bad("one party", "parties: [US, CN]", "parties: [US]"),
                bad("a party twice", "parties: [US, CN]", "parties: [US, US]"),
                bad("joint as a party", "parties: [US, CN]", "parties: [US, joint]"),
                bad("an extension without source", "kind: paused-tariff",
                        "kind: paused-tariff\n    due: 2025-08-12\n    extensions:\n      - until: 2025-11-10"),
                bad("extensions on a truce-end obligation", "kind: paused-tariff",
                        "kind: paused-tariff\n    extensions:\n      - until: 2025-11-10\n        source: x"),
                bad("an HTS code YAML reads as a decimal", "kind: paused-tariff", "kind: paused-tariff\n    hts: [8505.10]"),
                bad("a password in the file", "version: 1", "version: 1\nalerts:\n  smtp:\n    password: hunter2"),
                bad("a port out of range", "version: 1", "version: 1\nalerts:\n  smtp:\n    port: 70000"),
                bad("an unknown security mode", "version: 1", "version: 1\nalerts:\n  smtp:\n    security: tls"),
                bad("a recipient that is no address", "version: 1", "version: 1\nalerts:\n  recipients: [trade desk]"),
                bad("a negative threshold", "version: 1", "version: 1\nalerts:\n  thresholds: [7, -1]"),
                bad("stale after zero days", "version: 1", "version: 1\nstale_after_days: 0"),
                bad("obligations as a mapping", "obligations:\n  - id: a", "obligations:\n  x:\n    id: a"),
                bad("no timezone", "  timezone: America/New_York\n", ""),
                bad("a zone abbreviation", "America/New_York", "EST"),
                bad("a blank title", "title: Do a thing", "title: \"   \""),
                bad("a list as party", "party: US", "party: [US]"),
                bad("an origin in lower case", "kind: paused-tariff",
                        "kind: paused-tariff\n    covers: [all]\n    duty: {market: US, kept: 1, lapsed: 2, origins: [hk]}"),
                bad("an origin that is a name", "kind: paused-tariff",
                        "kind: paused-tariff\n    covers: [all]\n    duty: {market: US, kept: 1, lapsed: 2, origins: [China]}"),
                bad("hts_effective that is no date", "version: 1", "version: 1\nhts_file: a.json\nhts_effective: soon"),
                bad("an empty obligations key", "obligations:\n  - id: a\n    title: Do a thing\n    party: US\n    kind: paused-tariff\n",
                        "obligations:\n"));
    }

    @ParameterizedTest(name = "good: {0}")
    @MethodSource("goodFiles")
    void bothAcceptAGoodFile(String name, String yaml) throws IOException {
        assertEquals("", loaderProblems(yaml), name);
        assertEquals(List.of(), OBLIGATIONS.validate(yaml, InputFormat.YAML), name);
    }

    @ParameterizedTest(name = "bad: {0}")
    @MethodSource("badFiles")
    void bothRejectABadFile(String name, String yaml) throws IOException {
        String problems = loaderProblems(yaml);
        List<Error> errors = OBLIGATIONS.validate(yaml, InputFormat.YAML);
        assertTrue(!problems.isEmpty(), name + ": the loader accepted\n" + yaml);
        assertTrue(!errors.isEmpty(), name + ": the schema accepted what the loader rejects with\n" + problems);
    }

    /** Rules JSON Schema cannot state: an editor lets them pass, `truce validate` catches them. */
    static Stream<Arguments> loaderOnly() {
        return Stream.of(
                bad("a party the truce does not have", "party: US", "party: FR"),
                bad("two obligations with one id", "kind: paused-tariff",
                        "kind: paused-tariff\n  - id: a\n    title: again\n    party: CN\n    kind: other"),
                bad("a dependency that does not exist", "kind: paused-tariff", "kind: paused-tariff\n    depends_on: [b]"),
                bad("an extension that moves the end earlier", "days: 90",
                        "days: 90\n  extensions:\n    - until: 2025-06-01\n      source: x"),
                bad("a date that does not exist", "2025-05-14T00:01-04:00", "2025-02-30"),
                bad("an hour that does not exist", "2025-05-14T00:01-04:00", "2025-05-14T25:01-04:00"),
                bad("a zone that does not exist", "America/New_York", "Mars/Olympus_Mons"),
                bad("a deadline before the obligation starts", "kind: paused-tariff",
                        "kind: paused-tariff\n    due: 2025-01-01"),
                bad("an hts_file that is not a JSON export", "version: 1", "version: 1\nhts_file: schedule.yaml"),
                bad("hts_effective without hts_file", "version: 1", "version: 1\nhts_effective: 2026-06-08"));
    }

    @ParameterizedTest(name = "loader only: {0}")
    @MethodSource("loaderOnly")
    void theLoaderAloneRejectsWhatJsonSchemaCannotSay(String name, String yaml) throws IOException {
        assertTrue(!loaderProblems(yaml).isEmpty(), name + ": the loader accepted\n" + yaml);
        assertEquals(List.of(), OBLIGATIONS.validate(yaml, InputFormat.YAML), name);
    }

    private static final String EVIDENCE_BASE = """
            - obligation: a
              date: 2025-07-02
              stance: complies
              claimant: US
              basis: act
              source: BIS
            """;

    static Stream<Arguments> goodEvidence() {
        return Stream.of(
                Arguments.of("the minimal entry", EVIDENCE_BASE),
                Arguments.of("every key", EVIDENCE_BASE + """
                          url: https://www.bis.gov/press?id=1&x=2
                          note: "line one\nline two"
                          recorded: 2026-11-26T09:15:00Z
                          recorded_by: desk
                        """),
                Arguments.of("no entries yet", "[]\n"),
                Arguments.of("a date-time with offset", EVIDENCE_BASE.replace("2025-07-02", "2025-07-02T09:00+08:00")),
                Arguments.of("optional keys left empty", EVIDENCE_BASE + "  url:\n  note:\n"));
    }

    static Stream<Arguments> badEvidence() {
        return Stream.of(
                badEvidence("an unknown stance", "stance: complies", "stance: complied"),
                badEvidence("an unknown basis", "basis: act", "basis: rumour"),
                badEvidence("no claimant", "  claimant: US\n", ""),
                badEvidence("a date in words", "date: 2025-07-02", "date: July 2"),
                badEvidence("an id that cannot exist", "obligation: a", "obligation: US Reciprocal"),
                badEvidence("an unknown key", "source: BIS", "source: BIS\n  verdict: true"),
                badEvidence("a javascript: address", "source: BIS", "source: BIS\n  url: \"javascript:alert(1)\""),
                badEvidence("an address without scheme", "source: BIS", "source: BIS\n  url: www.bis.gov"),
                badEvidence("a claimant on two lines", "claimant: US", "claimant: \"US\\nCN\""),
                badEvidence("recorded as a date", "source: BIS", "source: BIS\n  recorded: 2026-11-26\n  recorded_by: desk"),
                badEvidence("recorded without recorded_by", "source: BIS", "source: BIS\n  recorded: 2026-11-26T09:15:00Z"),
                badEvidence("a blank source", "source: BIS", "source: \"  \""),
                badEvidence("an entry that is text", EVIDENCE_BASE, EVIDENCE_BASE + "- just a sentence\n"),
                badEvidence("a mapping instead of a list", EVIDENCE_BASE, "entries:\n" + EVIDENCE_BASE.indent(2)));
    }

    @ParameterizedTest(name = "good evidence: {0}")
    @MethodSource("goodEvidence")
    void bothAcceptGoodEvidence(String name, String yaml) throws IOException {
        assertEquals("", evidenceProblems(yaml), name);
        assertEquals(List.of(), EVIDENCE.validate(yaml, InputFormat.YAML), name);
    }

    @ParameterizedTest(name = "bad evidence: {0}")
    @MethodSource("badEvidence")
    void bothRejectBadEvidence(String name, String yaml) throws IOException {
        String problems = evidenceProblems(yaml);
        assertTrue(!problems.isEmpty(), name + ": the loader accepted\n" + yaml);
        assertTrue(!EVIDENCE.validate(yaml, InputFormat.YAML).isEmpty(),
                name + ": the schema accepted what the loader rejects with\n" + problems);
    }

    @Test
    void theEvidenceLoaderAloneKnowsWhichObligationsExistAndWhichDatesAreReal() throws IOException {
        for (String yaml : List.of(EVIDENCE_BASE.replace("obligation: a", "obligation: b"),
                EVIDENCE_BASE.replace("2025-07-02", "2025-02-30"))) {
            assertTrue(!evidenceProblems(yaml).isEmpty(), yaml);
            assertEquals(List.of(), EVIDENCE.validate(yaml, InputFormat.YAML), yaml);
        }
    }

    private static final String ACK_BASE = """
            - obligation: a
              acked: 2026-06-23T11:00:00Z
              compliance: no-evidence
              due: 2026-06-30
              reason: known
              by: "ana"
            """;

    private static final String LIFT = """
            - obligation: a
              lifted: 2026-06-24T11:00:00Z
              by: "bo"
            """;

    static Stream<Arguments> goodAcks() {
        return Stream.of(
                Arguments.of("an ack", ACK_BASE),
                Arguments.of("an ack until a day, for a deadline with a time", ACK_BASE.replace("due: 2026-06-30",
                        "due: 2026-11-10T00:01-05:00\n  until: 2026-06-26")),
                Arguments.of("an ack of an obligation without a deadline", ACK_BASE.replace("2026-06-30", "none")),
                Arguments.of("an ack, then a lift with its reason", ACK_BASE + LIFT + "  reason: answered\n"),
                Arguments.of("no entries yet", "[]\n"));
    }

    static Stream<Arguments> badAcks() {
        return Stream.of(
                Arguments.of("neither acked nor lifted", ACK_BASE.replace("  acked: 2026-06-23T11:00:00Z\n", "")),
                Arguments.of("both acked and lifted", ACK_BASE + "  lifted: 2026-06-24T11:00:00Z\n"),
                Arguments.of("an ack without compliance", ACK_BASE.replace("  compliance: no-evidence\n", "")),
                Arguments.of("an ack without its deadline", ACK_BASE.replace("  due: 2026-06-30\n", "")),
                Arguments.of("an ack without a reason", ACK_BASE.replace("  reason: known\n", "")),
                Arguments.of("an ack for truce-end", ACK_BASE.replace("2026-06-30", "truce-end")),
                Arguments.of("an unknown compliance state", ACK_BASE.replace("no-evidence", "fine")),
                Arguments.of("no by", ACK_BASE.replace("  by: \"ana\"\n", "")),
                Arguments.of("by on two lines", ACK_BASE.replace("\"ana\"", "\"ana\\nbo\"")),
                Arguments.of("by too long", ACK_BASE.replace("ana", "a".repeat(201))),
                Arguments.of("a reason too long", ACK_BASE.replace("known", "k".repeat(2001))),
                Arguments.of("a lift with a deadline", LIFT + "  due: 2026-06-30\n"),
                Arguments.of("a lift with until", LIFT + "  until: 2026-06-30\n"),
                Arguments.of("acked as a date", ACK_BASE.replace("2026-06-23T11:00:00Z", "2026-06-23")),
                Arguments.of("an unknown key", ACK_BASE + "  silenced: true\n"));
    }

    @ParameterizedTest(name = "good acks: {0}")
    @MethodSource("goodAcks")
    void bothAcceptGoodAcks(String name, String yaml) throws IOException {
        assertEquals("", ackProblems(yaml), name);
        assertEquals(List.of(), ACKS.validate(yaml, InputFormat.YAML), name);
    }

    @ParameterizedTest(name = "bad acks: {0}")
    @MethodSource("badAcks")
    void bothRejectBadAcks(String name, String yaml) throws IOException {
        String problems = ackProblems(yaml);
        assertTrue(!problems.isEmpty(), name + ": the loader accepted\n" + yaml);
        assertTrue(!ACKS.validate(yaml, InputFormat.YAML).isEmpty(),
                name + ": the schema accepted what the loader rejects with\n" + problems);
    }

    @Test
    void theAcksLoaderAloneKnowsWhichObligationsExist() throws IOException {
        String yaml = ACK_BASE.replace("obligation: a", "obligation: b");
        assertTrue(!ackProblems(yaml).isEmpty(), yaml);
        assertEquals(List.of(), ACKS.validate(yaml, InputFormat.YAML), yaml);
    }

    private String ackProblems(String yaml) throws IOException {
        Files.writeString(dir.resolve("obligations.yaml"), BASE);
        dev.truce.domain.Register register = new ObligationsFileReader().read(dir.resolve("obligations.yaml"),
                "obligations.yaml").register();
        Path file = dir.resolve("acks.yaml");
        Files.writeString(file, yaml);
        try {
            new EntryFileReader().readAll(file, new AckBinding("acks.yaml", register, "obligations.yaml"));
            return "";
        } catch (TruceException e) {
            return e.getMessage();
        }
    }

    private static Arguments badEvidence(String name, String find, String replace) {
        if (!EVIDENCE_BASE.contains(find)) {
            throw new IllegalArgumentException(name + ": '" + find + "' is not in the base entry");
        }
        return Arguments.of(name, EVIDENCE_BASE.replace(find, replace));
    }

    private String evidenceProblems(String yaml) throws IOException {
        Path file = dir.resolve("evidence.yaml");
        Files.writeString(file, yaml);
        try {
            new EntryFileReader().readAll(file, new EvidenceBinding("evidence.yaml", List.of("a"), "obligations.yaml"));
            return "";
        } catch (TruceException e) {
            return e.getMessage();
        }
    }

    private static Arguments bad(String name, String find, String replace) {
        if (!BASE.contains(find)) {
            throw new IllegalArgumentException(name + ": '" + find + "' is not in the base file");
        }
        return Arguments.of(name, BASE.replace(find, replace));
    }

    private String loaderProblems(String yaml) throws IOException {
        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, yaml);
        try {
            new ObligationsFileReader().read(file, "obligations.yaml");
            return "";
        } catch (TruceException e) {
            return e.getMessage();
        }
    }

    private static Schema schema(String file) {
        try {
            return REGISTRY.getSchema(Files.readString(Path.of(file)), InputFormat.JSON);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
