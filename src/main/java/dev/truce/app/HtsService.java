package dev.truce.app;

import dev.truce.config.TruceFile;
import dev.truce.domain.TruceException;
import dev.truce.domain.tariff.Revision;
import dev.truce.domain.tariff.ScheduleLine;
import dev.truce.hts.HtsExportReader;
import dev.truce.hts.ScheduleCache;
import dev.truce.state.StateFiles;
import dev.truce.yaml.EditedFile;
import dev.truce.yaml.ObligationsEditor;
import dev.truce.yaml.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * `truce hts import FILE`: a USITC HTS export becomes the schedule every clone, the cron host and the daemon read.
 * The export is read in full first (a file that is not an export changes nothing); obligations.yaml is locked,
 * hts_file and hts_effective are set in it as text (every other byte kept) and the edited text is read back; only
 * then is the export copied beside obligations.yaml under its own name (atomically) and the file replaced; the
 * parsed index goes to the state folder.
 */
public final class HtsService {
    private final TruceFiles files;
    private final ScheduleCache cache;

    public HtsService(TruceFiles files, ScheduleCache cache) {
        this.files = files;
        this.cache = cache;
    }

    /** What an import did (or, with {@code dryRun}, would do). */
    public record Imported(String fileLabel, boolean written, String diff, String revision, int records, String sha256,
                           String placed, boolean copied, String previous, Path index) {
    }

    /** {@code export}: the file to import, {@code label} as the user named it; {@code effective}: the revision's day. */
    public Imported importExport(FileRef file, Path export, String label, LocalDate effective, boolean dryRun,
                                 RecordingService.Listener listener) {
        String name = export.getFileName() == null ? "" : export.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".json") && !lower.endsWith(".json.gz")) {
            throw TruceException.badInput(label + ": not a .json or .json.gz file (expected a USITC HTS export: "
                    + "hts.usitc.gov, Export, JSON, or an archived revision's JSON, plain or gzipped)");
        }
        HtsExportReader reader = new HtsExportReader();
        byte[] bytes = reader.bytes(export, label);
        List<ScheduleLine> lines = reader.lines(label, bytes);
        Revision revision = Revision.ofFile(name, HtsExportReader.sha256(bytes));
        try (EditedFile edited = EditedFile.lock(file.path(), file.label(), new EditedFile.Listener() {
            @Override
            public void waiting(Path lockFile) {
                listener.waiting(lockFile);
            }
        })) {
            byte[] before = edited.bytes();
            TruceFile truceFile = files.obligations(before, file, file.label());
            String text = new String(before, StandardCharsets.UTF_8);
            String after = ObligationsEditor.of(text, file.label()).setScalar("hts_file", name)
                    .setScalar("hts_effective", effective.toString()).text();
            byte[] afterBytes = after.getBytes(StandardCharsets.UTF_8);
            readBack(afterBytes, file, truceFile, name, effective);
            Path target = truceFile.directory().resolve(name); // where hts_file is resolved from, as evidence_file
            boolean copy = !sameBytes(target, bytes);
            Path index = null;
            if (!dryRun) {
                if (copy) {
                    place(target, bytes, label);
                }
                edited.replace(afterBytes);
                index = cache.build(bytes, label, name, truceFile.stateDirectory()).index();
            }
            return new Imported(file.label(), !dryRun, UnifiedDiff.of(file.label(), text, after), revision.name(),
                    lines.size(), revision.sha256(), name, copy, truceFile.settings().htsFile(), index);
        }
    }

    /** The edited file must be valid, name the export and the day, and say everything else as before. */
    private void readBack(byte[] content, FileRef file, TruceFile before, String name, LocalDate effective) {
        TruceFile reread = files.edited(content, file);
        boolean same = reread.register().equals(before.register())
                && name.equals(reread.settings().htsFile()) && effective.equals(reread.settings().htsEffective())
                && Objects.equals(reread.settings().evidenceFile(), before.settings().evidenceFile())
                && Objects.equals(reread.settings().state(), before.settings().state());
        if (!same) {
            throw TruceException.badInput(file.label() + ": the edited file would not read as intended; nothing was "
                    + "written: set hts_file and hts_effective by hand");
        }
    }

    private static boolean sameBytes(Path target, byte[] bytes) {
        try {
            return Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    /** The export beside obligations.yaml: written whole to a temporary file, forced, then renamed over any old one. */
    private static void place(Path target, byte[] bytes, String label) {
        try {
            StateFiles.replace(target, bytes);
        } catch (IOException e) {
            throw TruceException.failure("cannot copy " + label + " to " + target + ": " + e.getMessage()
                    + "; obligations.yaml is as it was", e);
        }
    }
}
