package dev.truce.app;

import dev.truce.config.Progress;
import dev.truce.config.ReadSettings;
import dev.truce.hts.HtsExportReader;
import dev.truce.hts.ScheduleCache;
import dev.truce.yaml.EntryFileReader;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.ParseCache;
import java.time.Clock;
import java.util.Map;

/**
 * The one factory that gives every command its use cases, configured once from the world: the clock, the
 * environment (file size limit, parse cache, evidence folders, SMTP and database settings).
 */
public final class Services {
    private final Clock clock;
    private final Map<String, String> environment;
    private final ReadSettings settings;
    private final Progress progress;
    private final ObligationsFileReader obligations;
    private final EntryFileReader evidence;

    public Services(Clock clock, Map<String, String> environment) {
        this(clock, environment, Progress.NONE);
    }

    /** {@code progress}: where reading a large file and importing a schedule say how far they have got. */
    public Services(Clock clock, Map<String, String> environment, Progress progress) {
        this.clock = clock;
        this.progress = progress;
        this.environment = Map.copyOf(environment);
        this.settings = ReadSettings.from(environment);
        ParseCache cache = settings.cacheDirectory().map(d -> ParseCache.in(d, settings.cacheFromBytes()))
                .orElse(ParseCache.disabled());
        if (environment.containsKey(ParseCache.PAUSE_MID_WRITE)) {
            cache = cache.pausingMidWrite(); // crash tests only
        }
        this.obligations = new ObligationsFileReader(settings.maxBytes(), cache, true, progress);
        this.evidence = new EntryFileReader(settings.maxBytes(), cache, progress);
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public TruceFiles files() {
        return new TruceFiles(obligations, evidence, settings.evidenceDirectories());
    }

    /** For the commands that only show the file: addresses checked quickly, no mail class loaded. */
    public StatusService status() {
        return new StatusService(new TruceFiles(obligations.strict(false), evidence, settings.evidenceDirectories()),
                files(), clock);
    }

    public ExposureService exposure() {
        return new ExposureService(status(), clock, settings.evidenceDirectories(),
                new ScheduleCache(new HtsExportReader()));
    }

    /** `truce hts import`: an export copied beside obligations.yaml and named in it, its index built. */
    public HtsService hts() {
        return new HtsService(files(), new ScheduleCache(new HtsExportReader(progress)));
    }

    /** What changed in the files: their git history read with JGit, which loads only for this command. */
    public ChangesService changes() {
        return new ChangesService(new TruceFiles(obligations.strict(false), evidence, settings.evidenceDirectories()),
                clock, settings.maxBytes());
    }


    /** `truce extend` and `truce outcome`: news recorded in obligations.yaml as inserted text. */
    public RecordingService recording() {
        return new RecordingService(files(), clock);
    }

    public EvidenceService evidence() {
        return new EvidenceService(files(), clock);
    }

    public AlertService alerts() {
        return new AlertService(files(), environment);
    }

    public AckService acks() {
        return new AckService(files(), environment);
    }
}
