package dev.truce.app;

import dev.truce.alert.Digest;
import dev.truce.state.StateFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Recipients the mail server refused for good (a 5xx reply to RCPT or after DATA, e.g. "550 mailbox unavailable"), kept in a
 * small file in the state folder so that `check` can say so without opening the ledger. A refused address is not
 * tried again for {@link #BACK_OFF}: by RFC 5321 the same request would be refused the same way, and every run
 * retrying it would turn one problem into a failed cron job and a retrying daemon for ever. The other recipients
 * get their mail meanwhile. A corrected address is another recipient, tried at once; after the back-off one more
 * try is made (the mailbox may exist by then); a delivery that goes through forgets the refusal, and so does
 * removing the address from the file. Deleting the file makes the next run try everyone.
 */
public final class RefusedRecipients {
    public static final String FILE_NAME = "refused-recipients.properties";
    /** Long enough that a weekly cron job or a daemon fires once or so before the next try. */
    public static final Duration BACK_OFF = Duration.ofDays(7);

    /** One refused address: first refused {@code since}, last tried {@code last}, with the server's reply. */
    public record Refusal(String truceId, String recipient, Instant since, Instant last, String reply) {
        public Instant retryAfter() {
            return last.plus(BACK_OFF);
        }
    }

    private final Path file;
    private final String truceId;
    private final Map<String, Refusal> refusals = new TreeMap<>();

    private RefusedRecipients(Path stateDirectory, String truceId) {
        this.file = stateDirectory.resolve(FILE_NAME);
        this.truceId = truceId;
    }

    /** The refusals kept for {@code truceId}; none when there is no readable file. */
    public static RefusedRecipients read(Path stateDirectory, String truceId) {
        RefusedRecipients known = new RefusedRecipients(stateDirectory, truceId);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(StateFiles.read(known.file).orElse("")));
            for (int i = 0; properties.containsKey("refused." + i + ".recipient"); i++) {
                String key = "refused." + i + ".";
                Refusal refusal = new Refusal(properties.getProperty(key + "truce"), properties.getProperty(key + "recipient"),
                        Instant.parse(properties.getProperty(key + "since")), Instant.parse(properties.getProperty(key + "last")),
                        properties.getProperty(key + "reply", ""));
                known.refusals.put(refusal.truceId() + " " + refusal.recipient(), refusal);
            }
        } catch (IOException | RuntimeException e) {
            // a damaged copy costs one more try of each address, nothing else
        }
        return known;
    }

    /** This truce's refusals, by address. */
    public List<Refusal> all() {
        return refusals.values().stream().filter(r -> r.truceId().equals(truceId)).toList();
    }

    /** The digests to send now: those of a refused address wait for the back-off. */
    List<Digest> due(List<Digest> digests, Instant now) {
        return digests.stream().filter(d -> {
            Refusal refusal = refusals.get(key(d.recipient()));
            return refusal == null || !now.isBefore(refusal.retryAfter());
        }).toList();
    }

    /** The server refused {@code recipient} for good; says when it is tried again. */
    Refusal refused(String recipient, String reply, Instant now) {
        Refusal before = refusals.get(key(recipient));
        Refusal refusal = new Refusal(truceId, recipient, before == null ? now : before.since(), now, reply);
        refusals.put(key(recipient), refusal);
        return refusal;
    }

    /** What a run says of a refusal it met: once, with the delivery that failed. */
    static String said(Refusal refusal) {
        return refusal.reply() + "; refused for good, so it is not tried again before "
                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                        .format(refusal.retryAfter().atOffset(java.time.ZoneOffset.UTC))
                + " unless the file names another address (truce check reports it meanwhile)";
    }

    void delivered(String recipient) {
        refusals.remove(key(recipient));
    }

    /** Forgets the addresses the file no longer sends to. */
    void keepOnly(Collection<String> recipients) {
        refusals.values().removeIf(r -> r.truceId().equals(truceId) && !recipients.contains(r.recipient()));
    }

    /** Writes the file (or removes what it held); a failure is told to {@code notices}, never fatal. */
    void save(Consumer<String> notices) {
        Properties properties = new Properties();
        List<Refusal> kept = new ArrayList<>(refusals.values());
        for (int i = 0; i < kept.size(); i++) {
            Refusal r = kept.get(i);
            String key = "refused." + i + ".";
            properties.setProperty(key + "truce", r.truceId());
            properties.setProperty(key + "recipient", r.recipient());
            properties.setProperty(key + "since", r.since().toString());
            properties.setProperty(key + "last", r.last().toString());
            properties.setProperty(key + "reply", r.reply());
        }
        try {
            if (kept.isEmpty() && StateFiles.read(file).isEmpty()) {
                return;
            }
            StringWriter text = new StringWriter();
            properties.store(text, "truce: addresses the mail server refused for good, for alert and check (do not edit; "
                    + "delete to try them all again)");
            StateFiles.write(file, text.toString());
        } catch (IOException | RuntimeException e) {
            notices.accept("warning: cannot keep the refused addresses in " + file + " (" + e.getMessage()
                    + "): the next run tries them again");
        }
    }

    private String key(String recipient) {
        return truceId + " " + recipient;
    }
}
