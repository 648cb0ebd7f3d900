package dev.truce.app;

import dev.truce.alert.NoticeMemory;
import dev.truce.alert.Recipients;
import dev.truce.alert.mail.DigestMessage;
import dev.truce.alert.mail.InvalidFileComposer;
import dev.truce.alert.mail.SmtpMailer;
import dev.truce.alert.mail.SmtpSettings;
import dev.truce.alert.mail.SmtpSettingsResolver;
import dev.truce.domain.TruceException;
import dev.truce.config.TruceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * The daemon's use case for a file that went bad between fires: tell alerts.recipients once per
 * distinct set of problems that alerts are paused, and forget it once the file is valid again.
 * Recipients and the mail server come from the last good read (with the environment's overrides), never
 * from the broken file. The problems are told by place and kind only ({@code problems} are redacted
 * lines): nothing typed in the file goes into a mail.
 */
public final class InvalidFileAlerts {
    private final FileRef file;
    private final TruceFiles files;
    private final Map<String, String> environment;
    private final Clock clock;
    private final NoticeMemory memory;
    private final SSLSocketFactory tls;
    private final InvalidFileComposer composer = new InvalidFileComposer();
    private volatile TruceFile lastGood;

    /** {@code lastGood}: the file as read when the daemon started. */
    public InvalidFileAlerts(FileRef file, TruceFile lastGood, TruceFiles files, Map<String, String> environment,
                             Clock clock, NoticeMemory memory, SSLSocketFactory tls) {
        this.file = file;
        this.lastGood = lastGood;
        this.files = files;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.memory = memory;
        this.tls = tls;
    }

    /** Tells whoever should know, unless they were told about these problems already; says what it did. */
    public String invalid(List<String> problems) {
        String head = file.label() + " is invalid (" + problems.size() + (problems.size() == 1 ? " problem)" : " problems)")
                + ", no alerts checked";
        List<String> recipients = recipients();
        if (recipients.isEmpty()) {
            return head + "; nobody to tell (no alerts.recipients in the last valid file)";
        }
        String fingerprint = fingerprint(problems);
        if (!memory.claim(fingerprint)) {
            return head + "; " + String.join(", ", recipients) + " already told about these problems";
        }
        try {
            return head + "; " + send(recipients, problems);
        } catch (TruceException | SmtpMailer.MailFailure e) {
            memory.release(fingerprint);
            return head + "; could not tell " + String.join(", ", recipients) + ": " + e.getMessage()
                    + " (the next run tries again)";
        }
    }

    /** The file read fine: remember it as the last good one, and let a future breakage be news again. */
    public void valid() {
        try {
            lastGood = files.obligations(file);
        } catch (TruceException e) {
            // edited again since the run read it; the previous good read stands
        }
        memory.clear();
    }

    /**
     * alerts.recipients of the last valid version, never addresses taken from the broken one: whoever broke
     * the file could otherwise have the notice (and what it says) sent anywhere.
     */
    private List<String> recipients() {
        return lastGood.register().alerts().recipients().stream().map(Recipients::normal).distinct().toList();
    }

    private String send(List<String> recipients, List<String> problems) throws SmtpMailer.MailFailure {
        TruceFile known = lastGood;
        SmtpSettings settings = new SmtpSettingsResolver(environment, known).resolve(known.smtp(), null);
        Instant now = clock.instant();
        List<String> told = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (SmtpMailer mailer = new SmtpMailer(settings, tls)) {
            for (String recipient : recipients) {
                DigestMessage message = DigestMessage.create(mailer.session(), composer.compose(recipient,
                        known.register().truce().id(), file.label(), problems, now, known.register().truce().zone()),
                        settings.from(), now);
                try {
                    mailer.send(message);
                    told.add(recipient);
                } catch (SmtpMailer.MailFailure failure) {
                    if (failure.affectsEveryone()) {
                        throw failure;
                    }
                    refused.add(recipient + " (" + failure.getMessage() + ")");
                }
            }
        }
        return (told.isEmpty() ? "told nobody" : "told " + String.join(", ", told))
                + (refused.isEmpty() ? "" : "; not sent to " + String.join(", ", refused));
    }

    static String fingerprint(List<String> problems) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", problems).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
