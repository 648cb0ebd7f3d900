package dev.truce.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.config.ClusterDatabase;
import dev.truce.domain.TruceException;
import dev.truce.testing.TruceFixture;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.config.TruceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `truce daemon` decides from its flags and the file, before any scheduler exists. */
class DaemonPlanTest {
    private static final DaemonPlan.Flags NO_FLAGS = new DaemonPlan.Flags(null, null, false, null, null, null);
    private static final Map<String, String> DB_USER = Map.of("TRUCE_DB_USER", "truce", "TRUCE_DB_PASSWORD", "secret");

    @TempDir
    Path dir;

    /** The fixture (a New York truce) with {@code alerts} added to alerts: and {@code top} at the top level. */
    private TruceFile file(String alerts, String top) {
        String yaml = TruceFixture.yaml(alerts + TruceFixture.plainSmtp(), "Suspend the tariff", "");
        TruceFixture.write(dir, top + yaml);
        return new ObligationsFileReader().read(dir.resolve("obligations.yaml"), "obligations.yaml");
    }

    private TruceFile plainFile() {
        return file("", "");
    }

    private static DaemonPlan.Flags flags(String schedule, String zone, String cluster) {
        return new DaemonPlan.Flags(schedule, zone, false, cluster, null, null);
    }

    @Test
    void withNothingSetItRunsWeekdayMorningsInTheTrucesZoneOnOneNode() {
        DaemonPlan plan = DaemonPlan.of(NO_FLAGS, plainFile(), Map.of());

        assertEquals(ZoneId.of("America/New_York"), plan.zone());
        assertEquals(new DaemonSchedule("0 0 7 ? * MON-FRI", ZoneId.of("America/New_York")), plan.config().schedule());
        assertEquals(Optional.empty(), plan.config().cluster());
        assertEquals(dir.resolve(".truce"), plan.state());
        assertEquals(Optional.of(dir.resolve(".truce")), plan.config().stateDirectory());
        assertEquals(false, plan.config().runNow());
        assertEquals(Duration.ofSeconds(10), plan.stopGrace());
        assertEquals(DaemonConfig.LOCAL_MISFIRE_THRESHOLD, plan.config().misfireThreshold());
    }

    @Test
    void theFilesScheduleAndZoneAreUsedAndTheFlagsWinOverThem() {
        TruceFile file = file("schedule: '0 30 6 ? * MON-FRI'\nzone: Asia/Shanghai\n", "");

        DaemonPlan fromFile = DaemonPlan.of(NO_FLAGS, file, Map.of());
        DaemonPlan fromFlags = DaemonPlan.of(flags("0 0 9 ? * *", "Europe/Brussels", null), file, Map.of());

        assertEquals(new DaemonSchedule("0 30 6 ? * MON-FRI", ZoneId.of("Asia/Shanghai")), fromFile.config().schedule());
        assertEquals(ZoneId.of("Asia/Shanghai"), fromFile.zone());
        assertEquals(new DaemonSchedule("0 0 9 ? * *", ZoneId.of("Europe/Brussels")), fromFlags.config().schedule());
        assertEquals(ZoneId.of("Europe/Brussels"), fromFlags.zone(), "the log's stamps follow the schedule's zone");
    }

    @Test
    void aZoneFlagAloneAppliesToTheFilesSchedule() {
        TruceFile file = file("schedule: '0 30 6 ? * MON-FRI'\n", "");

        DaemonPlan plan = DaemonPlan.of(flags(null, "Asia/Shanghai", null), file, Map.of());

        assertEquals(new DaemonSchedule("0 30 6 ? * MON-FRI", ZoneId.of("Asia/Shanghai")), plan.config().schedule());
    }

    @Test
    void aBadScheduleNamesWhereItCameFrom() {
        TruceFile file = file("schedule: 'at seven'\n", "");

        TruceException fromFile = assertThrows(TruceException.class, () -> DaemonPlan.of(NO_FLAGS, file, Map.of()));
        TruceException fromFlag = assertThrows(TruceException.class,
                () -> DaemonPlan.of(flags("0 7 * * *", null, null), plainFile(), Map.of()));

        assertTrue(fromFile.getMessage().startsWith("obligations.yaml: alerts.schedule: 'at seven' is not a Quartz cron"),
                fromFile.getMessage());
        assertTrue(fromFlag.getMessage().startsWith("--schedule: '0 7 * * *' is not a Quartz cron"), fromFlag.getMessage());
        assertEquals(TruceException.Cause.BAD_INPUT, fromFlag.kind());
    }

    @Test
    void anUnknownZoneIsBadInputWithADidYouMean() {
        TruceException e = assertThrows(TruceException.class,
                () -> DaemonPlan.of(flags(null, "America/New_Yrok", null), plainFile(), Map.of()));

        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        assertEquals("--zone: 'America/New_Yrok' is not a time zone (expected an IANA name such as America/New_York)"
                + "; did you mean 'America/New_York'?", e.getMessage());
    }

    @Test
    void theFilesClusterMakesAClusterNodeNamedByHostAndProcessAndTheFlagWins() {
        TruceFile file = file("", "daemon:\n  cluster: jdbc:postgresql://db.internal/truce\n");

        DaemonPlan fromFile = DaemonPlan.of(NO_FLAGS, file, DB_USER);
        DaemonPlan fromFlag = DaemonPlan.of(flags(null, null, "jdbc:postgresql://other/truce"), file, DB_USER);

        assertEquals(Optional.of(new ClusterDatabase("jdbc:postgresql://db.internal/truce", "truce", "secret")),
                fromFile.config().cluster());
        assertTrue(fromFile.config().instanceId().endsWith("-" + ProcessHandle.current().pid()),
                fromFile.config().instanceId());
        assertEquals(DaemonConfig.CLUSTER_MISFIRE_THRESHOLD, fromFile.config().misfireThreshold());
        assertEquals("jdbc:postgresql://other/truce", fromFlag.config().cluster().orElseThrow().url());
    }

    @Test
    void aClusterThatIsNotPostgresNamesTheKey() {
        TruceFile file = file("", "daemon:\n  cluster: jdbc:h2:./ledger\n");

        TruceException e = assertThrows(TruceException.class, () -> DaemonPlan.of(NO_FLAGS, file, Map.of()));

        assertTrue(e.getMessage().startsWith("obligations.yaml: daemon.cluster: 'jdbc:h2:./ledger' is not a PostgreSQL "
                + "JDBC URL"), e.getMessage());
    }

    @Test
    void runNowStateAndStopGraceComeFromTheirFlags() {
        Path elsewhere = dir.resolve("elsewhere");
        DaemonPlan plan = DaemonPlan.of(new DaemonPlan.Flags(null, null, true, null, elsewhere, 3), plainFile(), Map.of());

        assertEquals(true, plan.config().runNow());
        assertEquals(elsewhere, plan.state());
        assertEquals(Optional.of(elsewhere), plan.config().stateDirectory(), "the last run is kept with the ledger");
        assertEquals(Duration.ofSeconds(3), plan.stopGrace());
    }

    @Test
    void aNegativeStopGraceIsBadInput() {
        TruceException e = assertThrows(TruceException.class,
                () -> DaemonPlan.of(new DaemonPlan.Flags(null, null, false, null, null, -1), plainFile(), Map.of()));

        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        assertEquals("--stop-grace: '-1' is not a number of seconds (expected 0 or more, e.g. 10)", e.getMessage());
    }
}
