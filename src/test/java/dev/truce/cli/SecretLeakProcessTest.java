package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.SmtpPeer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's repro of issue 16 item 1: the SMTP password sits in password_file, an env file sits beside
 * obligations.yaml, and a running daemon logs in with that password. Then obligations.yaml is edited to send
 * alerts to an outsider and to point evidence_file at the secrets: the password file, the env file, a link
 * to the password file, a hard link to it, a .yaml file outside the folder, and (last) a .yaml copy of the env
 * file inside the folder. The marker secret must never appear in what validate, check, status or alert print,
 * in the daemon's log, or in any mail (decoded); the outsider gets no mail while evidence_file is refused.
 */
@Tag("slow")
class SecretLeakProcessTest {
    private static final String MARKER = "MARKER-5ecr3t-7d1f";
    private static final String OUTSIDER = "someone@elsewhere.example";
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path root;

    private Path dir;
    private SmtpPeer smtp;
    private final List<String> outputs = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(root.resolve("desk"));
        smtp = new SmtpPeer(null, "desk", MARKER, Set.of());
        Files.writeString(dir.resolve("secret.txt"), MARKER + "\n");
        Files.writeString(dir.resolve("truce.env"), "TRUCE_SMTP_PASSWORD=" + MARKER + "\nTRUCE_DB_PASSWORD=" + MARKER
                + "-db\n");
        Files.writeString(dir.resolve("evidence.yaml"), "[]\n");
        Files.createDirectories(root.resolve("outside"));
        Files.writeString(root.resolve("outside/secret.yaml"), "password: " + MARKER + "\n");
        writeObligations("desk@example.com", null);
    }

    @AfterEach
    void tearDown() throws Exception {
        smtp.close();
    }

    private void writeObligations(String recipient, String evidenceFile) throws Exception {
        AlertingFile.smtpOn(smtp.port()).recipient(recipient).evidenceFile(evidenceFile).schedule("* * * ? * *")
                .login("desk", "secret.txt").writeTo(dir);
    }

    @Test
    void noSecretLeavesThroughAnErrorMessageALogOrAMail() throws Exception {
        try (TruceProcess daemon = TruceProcess.start(dir, "daemon", "--run-now")) {
            daemon.awaitErr(line -> line.contains("sent to desk@example.com"), WAIT);

            Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("secret.txt"));
            Files.createLink(dir.resolve("hard.yaml"), dir.resolve("secret.txt"));
            for (String evidenceFile : List.of("secret.txt", "truce.env", "link.yaml", "hard.yaml",
                    "../outside/secret.yaml")) {
                daemon.skipErrSoFar();
                writeObligations(OUTSIDER, evidenceFile);
                // the second fire after the edit has certainly read the edited file
                daemon.awaitErr(line -> line.contains("obligations.yaml is invalid"), WAIT);
                daemon.awaitErr(line -> line.contains("obligations.yaml is invalid"), WAIT);
                commands(false);
            }
            assertTrue(smtp.received().stream().noneMatch(m -> m.recipients().contains(OUTSIDER)),
                    "mail went to an address taken from the edited file");

            // a .yaml copy inside the folder is a place evidence may be: read, found broken, and never quoted
            Files.copy(dir.resolve("truce.env"), dir.resolve("creds.yaml"));
            daemon.skipErrSoFar();
            writeObligations(OUTSIDER, "creds.yaml");
            daemon.awaitErr(line -> line.contains("sent to " + OUTSIDER), WAIT);
            commands(true);

            daemon.terminate();
            assertEquals(0, daemon.awaitExit(WAIT));
            outputs.addAll(daemon.err());
            outputs.addAll(daemon.out());
        }
        List<String> mails = new ArrayList<>();
        for (SmtpPeer.Received received : smtp.received()) {
            mails.add(received.data());
            mails.add(decoded(received.data()));
        }
        assertTrue(mails.stream().anyMatch(m -> m.contains("obligations.yaml")), "no invalid-file notice was mailed");
        for (String text : outputs) {
            assertFalse(text.contains(MARKER), () -> "the secret leaked into output:\n" + text);
        }
        for (String mail : mails) {
            assertFalse(mail.contains(MARKER), () -> "the secret leaked into a mail:\n" + mail);
        }
    }

    /** validate, check, status and alert on the edited file: each says what is wrong, never what the file holds. */
    private void commands(boolean readable) {
        CliRunner truce = new CliRunner(dir).clock(Clock.systemUTC());
        CliRunner.Result validate = truce.run("validate");
        assertEquals(2, validate.exitCode(), validate::toString);
        assertTrue(validate.err().contains(readable ? "creds.yaml:1:1: " : "evidence_file: "), validate::toString);
        CliRunner.Result check = truce.run("check");
        assertEquals(readable ? 1 : 3, check.exitCode(), check::toString);
        CliRunner.Result status = truce.run("status", "--no-color");
        CliRunner.Result alert = truce.run("alert");
        assertEquals(readable ? 0 : 2, alert.exitCode(), alert::toString);
        for (CliRunner.Result result : List.of(validate, check, status, alert)) {
            outputs.add(result.out());
            outputs.add(result.err());
        }
    }

    /** Every part of a raw message, transfer encodings undone: a secret in base64 is still a leak. */
    private static String decoded(String raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        StringBuilder text = new StringBuilder(String.valueOf(message.getSubject()));
        collect(message, text);
        return text.toString();
    }

    private static void collect(Part part, StringBuilder text) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text);
            }
        } else {
            text.append('\n').append(content);
        }
    }
}
