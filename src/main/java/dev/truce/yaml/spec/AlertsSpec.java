package dev.truce.yaml.spec;

import dev.truce.domain.AlertSettings;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import java.time.ZoneId;
import java.util.List;

@Spec(doc = "Who hears about deadlines, how and when.", expected = "a mapping with thresholds and recipients")
public record AlertsSpec(
        @Key(doc = "Days before a deadline to send an alert. Default: [30, 14, 7, 3, 1, 0].", min = 0,
                defaultValue = "[30, 14, 7, 3, 1, 0]",
                expected = "expected days before a deadline, e.g. [30, 14, 7, 3, 1, 0]") List<Integer> thresholds,
        @Key(doc = "Who hears about every obligation (email addresses).", email = true,
                maxLength = dev.truce.config.Emails.MAX_LENGTH, expected = "expected a list of email addresses")
        List<String> recipients,
        @Key(name = "unresolved_every_days", doc = "How often a passed deadline with no outcome recorded is brought "
                + "up again, in days. Default: 7.", min = 1, defaultValue = "7",
                expected = "expected a whole number of days, at least 1") Integer unresolvedEveryDays,
        @Key(name = "action_within_days", doc = "A deadline this many days away or nearer is under \"Action needed\" "
                + "at the top of the digest, with passed deadlines and claimed breaches; one further away is under "
                + "\"Coming up\". Default: 3, as `truce check --critical`.", min = 0, defaultValue = "3",
                expected = "expected a whole number of days, 0 or more") Integer actionWithinDays,
        @Key(doc = "The mail server.") SmtpSpec smtp,
        @Key(doc = "When `truce daemon` runs the alerts: a Quartz cron expression. Default: 0 0 7 ? * MON-FRI.",
                oneLine = true, expected = "expected a Quartz cron expression",
                schema = "{\"examples\": [\"0 0 7 ? * MON-FRI\"]}") String schedule,
        @Key(doc = "The zone the schedule runs in. Default: truce.timezone.") ZoneId zone) {

    public AlertSettings toDomain() {
        return new AlertSettings(thresholds == null ? AlertSettings.DEFAULT_THRESHOLDS : thresholds,
                recipients == null ? List.of() : recipients,
                unresolvedEveryDays == null ? AlertSettings.DEFAULT_UNRESOLVED_EVERY_DAYS : unresolvedEveryDays,
                actionWithinDays == null ? AlertSettings.DEFAULT_ACTION_WITHIN_DAYS : actionWithinDays);
    }

    /** No alerts section at all. */
    public static AlertSettings defaults() {
        return AlertSettings.defaults();
    }
}
