package dev.truce.alert.mail;

import dev.truce.alert.Digest;
import dev.truce.domain.TruceException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A composed digest as a MIME message: multipart/alternative with the plain text first and the HTML
 * second, addressed to its one recipient. The Message-ID is fixed when the message is made, so the one
 * recorded in the ledger is the one the server got, and it is derived from the ledger's keys ({@link #messageId}).
 */
public final class DigestMessage {
    private final ComposedDigest digest;
    private final String messageId;
    private final MimeMessage mime;

    private DigestMessage(ComposedDigest digest, String messageId, MimeMessage mime) {
        this.digest = digest;
        this.messageId = messageId;
        this.mime = mime;
    }

    /** A message that is only printed or written to a file: the mail library's defaults, no server. */
    public static DigestMessage create(ComposedDigest digest, String from, Instant now) {
        return create(Session.getInstance(new java.util.Properties()), digest, from, now);
    }

    public static DigestMessage create(Session session, ComposedDigest digest, String from, Instant now) {
        String messageId = messageId(digest.digest(), from);
        try {
            MimeMessage mime = new FixedIdMessage(session, messageId);
            mime.setFrom(address(from));
            mime.setRecipient(Message.RecipientType.TO, address(digest.recipient()));
            mime.setHeader("Subject", subjectHeader(AlertTexts.headerSafe(digest.subject())));
            mime.setSentDate(Date.from(now));
            // RFC 3834: a machine wrote this; auto-responders should not answer it
            mime.setHeader("Auto-Submitted", "auto-generated");
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(part(digest.text(), "plain"));
            alternatives.addBodyPart(part(digest.html(), "html"));
            mime.setContent(alternatives);
            mime.saveChanges();
            return new DigestMessage(digest, messageId, mime);
        } catch (MessagingException e) {
            throw dev.truce.domain.TruceException.failure("cannot build the message to " + digest.recipient() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The Subject as sent: ASCII words as they are, each run of words with other characters (the "·" between the
     * counts) as an RFC 2047 encoded-word of its own, so that "(us-cn-2025)" stays plain in the raw header for a
     * filter that reads it undecoded (procmail, a mail server's rule), and every mail program shows the "·".
     */
    static String subjectHeader(String subject) {
        StringBuilder header = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (String word : subject.split(" ", -1)) {
            if (word.chars().allMatch(c -> c >= 0x21 && c < 0x7f) || word.isEmpty()) {
                flush(header, other);
                header.append(header.isEmpty() ? "" : " ").append(word);
            } else {
                other.append(other.isEmpty() ? "" : " ").append(word);
            }
        }
        flush(header, other);
        return jakarta.mail.internet.MimeUtility.fold("Subject: ".length(), header.toString());
    }

    private static void flush(StringBuilder header, StringBuilder other) {
        if (other.isEmpty()) {
            return;
        }
        try {
            header.append(header.isEmpty() ? "" : " ").append(jakarta.mail.internet.MimeUtility.encodeWord(
                    other.toString(), StandardCharsets.UTF_8.name(), "Q"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("every JVM has UTF-8", e);
        }
        other.setLength(0);
    }

    /**
     * A Message-ID made from what the ledger records for the message: the recipient and the keys of its alerts.
     * A digest sent again because the server's 250 never arrived (stored, then the connection dropped) carries the
     * same id as the first, so a receiving system that drops duplicates by Message-ID shows it once. A message
     * with no alerts (a notice that the file is invalid) gets a fresh id.
     */
    static String messageId(Digest digest, String from) {
        String domain = from.substring(from.lastIndexOf('@') + 1);
        List<String> keys = digest.alertKeys();
        if (keys.isEmpty()) {
            return "<truce." + UUID.randomUUID() + "@" + domain + ">";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(digest.recipient().getBytes(StandardCharsets.UTF_8));
            for (String key : keys) {
                sha.update((byte) '\n');
                sha.update(key.getBytes(StandardCharsets.UTF_8));
            }
            return "<truce." + HexFormat.of().formatHex(sha.digest(), 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public ComposedDigest digest() {
        return digest;
    }

    public String messageId() {
        return messageId;
    }

    public MimeMessage mime() {
        return mime;
    }

    /** The message as it would go over the wire (an .eml file). */
    public void writeTo(OutputStream out) throws IOException {
        try {
            mime.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The headers as sent, then the plain-text part: what --dry-run prints. */
    public String preview() {
        StringBuilder preview = new StringBuilder();
        try {
            for (String line : Collections.list(mime.getNonMatchingHeaderLines(new String[] {"MIME-Version", "Content-Type"}))) {
                // unfolded and decoded, for reading; only fixed words, counts and ids are in the headers
                preview.append(AlertTexts.headerSafe(jakarta.mail.internet.MimeUtility.decodeText(
                        line.replaceAll("\r?\n[ \t]+", " ")))).append('\n');
            }
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        return preview.append('\n').append(digest.text()).toString();
    }

    /** The .eml bytes, for tests and for writing files. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw TruceException.badInput("'" + address + "' is not an address a mail server takes: " + e.getMessage());
        }
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        // the encoding Jakarta Mail would choose, said up front: it would write the whole part through a scanner
        // to find it, and a digest of 10,000 obligations is 4.5 MB of text
        part.setHeader("Content-Transfer-Encoding", transferEncoding(content));
        return part;
    }

    /**
     * The transfer encoding Jakarta Mail chooses for {@code text} sent as UTF-8 ({@code MimeUtility.getEncoding}):
     * 7bit for ASCII with no control character but tab, carriage return and line feed, and no line over 998
     * bytes; else quoted-printable while such bytes outnumber the others, else base64.
     */
    static String transferEncoding(String text) {
        long ascii = 0;
        long other = 0;
        int line = 0;
        boolean longLine = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int bytes;
            boolean plain;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                bytes = 4;
                plain = false;
            } else if (Character.isSurrogate(c)) {
                bytes = 1; // written as '?'
                plain = true;
            } else {
                bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                plain = c < 0x7F && (c >= 0x20 || c == '\r' || c == '\n' || c == '\t');
            }
            if (c == '\r' || c == '\n') {
                line = 0;
            } else {
                line += bytes;
                longLine |= line > 998;
            }
            if (plain) {
                ascii += bytes;
            } else {
                other += bytes;
            }
        }
        if (other == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return ascii > other ? "quoted-printable" : "base64";
    }

    /** Keeps the Message-ID chosen above instead of making a new one on every saveChanges(). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
