package dev.truce.yaml;

import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.yaml.codec.BinaryForms;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What the parse cache writes: the checked form of obligations.yaml, what a read of a log found, and one evidence
 * entry, with every type their components reach. The build writes {@code CacheFormsCodec} from the records'
 * components (see {@link BinaryForms}): no list of fields is kept here or anywhere else.
 */
@BinaryForms(roots = {ObligationsFileReader.Read.class, EntryFileReader.Read.class, Evidence.class},
        forms = CacheForms.MomentForm.class)
final class CacheForms {
    private CacheForms() {
    }

    /**
     * {@link Moment} is a class, not a record (it keeps the start of a bare date in the zone last asked, which a
     * record cannot): it is written as this record of its two fields, one of which is null. ParseCacheCodecTest
     * fails if Moment's fields stop being these.
     */
    record MomentForm(LocalDate date, OffsetDateTime dateTime) {
        static MomentForm of(Moment moment) {
            return moment.isDateOnly() ? new MomentForm(moment.dateIn(ZoneOffset.UTC), null)
                    : new MomentForm(null, moment.offsetDateTime());
        }

        Moment value() {
            if ((date == null) == (dateTime == null)) {
                throw new IllegalStateException("a moment is a date or a date-time");
            }
            return date != null ? Moment.ofDate(date) : Moment.ofDateTime(dateTime);
        }
    }
}
