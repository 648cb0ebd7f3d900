package dev.truce.testing;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** Reading received messages in tests. */
public final class Mails {
    private Mails() {
    }

    public static String to(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return String.join(",", Arrays.stream(to).map(Address::toString).toList());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> toAll(MimeMessage[] messages) {
        return Arrays.stream(messages).map(Mails::to).sorted().toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part (index 0) or text/html part (index 1) of a digest. */
    public static String part(MimeMessage message, int index) {
        try {
            MimeMultipart alternatives = (MimeMultipart) message.getContent();
            BodyPart part = alternatives.getBodyPart(index);
            return (String) part.getContent();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(MimeMessage message) {
        return part(message, 0);
    }

    public static String html(MimeMessage message) {
        return part(message, 1);
    }

    /** The newest message to a recipient (GreenMail lists messages by mailbox, not in the order received). */
    public static MimeMessage lastTo(MimeMessage[] messages, String recipient) {
        List<MimeMessage> to = Arrays.stream(messages).filter(m -> to(m).equals(recipient)).toList();
        if (to.isEmpty()) {
            throw new AssertionError("no message to " + recipient + " among " + toAll(messages));
        }
        return to.get(to.size() - 1);
    }

    public static MimeMessage forRecipient(MimeMessage[] messages, String recipient) {
        return Arrays.stream(messages).filter(m -> to(m).equals(recipient)).findFirst()
                .orElseThrow(() -> new AssertionError("no message to " + recipient + " among " + toAll(messages)));
    }
}
