package dev.truce.yaml.spec;

import dev.truce.domain.Duty;
import dev.truce.yaml.Key;
import dev.truce.yaml.Spec;
import java.math.BigDecimal;
import java.util.List;

@Spec(doc = "The additional ad valorem duty, in percent, that the obligation holds down on what it covers.",
        expected = "a mapping with market, kept and lapsed")
public record DutySpec(
        @Key(required = true, doc = "Whose import tariff it is: one of truce.parties.", oneLine = true) String market,
        @Key(required = true, doc = "The rate while the obligation holds.", min = 0, max = 1000,
                expected = "expected a rate in percent, 0 to 1000") BigDecimal kept,
        @Key(required = true, doc = "The rate once it lapses.", min = 0, max = 1000,
                expected = "expected a rate in percent, 0 to 1000") BigDecimal lapsed,
        @Key(doc = "Whose goods pay it: country codes (ISO 3166, such as CN, HK, MO), or [all]. Default: the goods "
                + "of the truce's other parties (a US duty is on goods of CN). A product's origin is its CSV column "
                + "origin.", pattern = "all|[A-Z]{2}",
                expected = "expected all, or a two-letter country code in capitals such as CN or HK") List<String> origins) {

    public Duty toDomain() {
        return new Duty(market, kept, lapsed, origins);
    }
}
