package dev.truce.output.listing;

import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.Base;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.ExposureTotal;
import dev.truce.domain.exposure.Layer;
import dev.truce.domain.exposure.ScheduleSource;
import dev.truce.domain.exposure.Share;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * {@code exposure --format json}. The truce layer keeps its keys and meaning ({@code duty_now},
 * {@code if_lapsed[].duty}); the landed duty is added beside it ({@code landed_now}, {@code layers},
 * {@code if_lapsed[].landed}), with what is not counted, and one total per market.
 */
final class ExposureJson {
    private final PrintWriter out;

    ExposureJson(PrintWriter out) {
        this.out = out;
    }

    void print(ExposureReport report) {
        ZoneId zone = report.zone();
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            json.writeStringProperty("as_of", report.asOf().toString());
            json.writeStringProperty("zone", zone.getId());
            json.writeStringProperty("truce", report.truce().id());
            schedule(json, report.schedule());
            json.writeStringProperty("base_not_included", ExposureWords.baseLine(report));
            strings(json, "not_counted", report.notCounted());
            strings(json, "warnings", report.warnings());
            json.writeName("products");
            json.writeStartArray();
            for (Exposure e : report.products()) {
                product(json, e, zone);
            }
            json.writeEndArray();
            json.writeName("totals");
            json.writeStartArray();
            for (ExposureTotal total : report.totals()) {
                total(json, total);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    private static void schedule(JsonGenerator json, ScheduleSource schedule) {
        json.writeName("schedule");
        if (schedule == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringProperty("revision", schedule.revision());
        json.writeStringProperty("file", schedule.file());
        json.writeStringProperty("effective", schedule.effective() == null ? null : schedule.effective().toString());
        json.writeEndObject();
    }

    private static void product(JsonGenerator json, Exposure e, ZoneId zone) {
        json.writeStartObject();
        json.writeStringProperty("hts", e.product().hts());
        json.writeStringProperty("market", e.product().market());
        json.writeStringProperty("origin", e.origin());
        number(json, "value", e.product().value());
        json.writeStringProperty("description", e.product().description());
        number(json, "base_duty", e.product().baseDuty());
        json.writeStringProperty("base", base(e.base()));
        number(json, "duty_now", e.dutyNow().orElse(null));
        number(json, "duty_as_if_kept", e.now().ifKept());
        number(json, "duty_as_if_lapsed", e.now().ifLapsed());
        number(json, "duty_cost_now", e.costNow().orElse(null));
        number(json, "landed_now", e.knownLanded().orElse(null));
        number(json, "landed_as_if_kept", e.hasBase() ? e.landedNow().ifKept() : null);
        number(json, "landed_as_if_lapsed", e.hasBase() ? e.landedNow().ifLapsed() : null);
        number(json, "landed_cost_now", e.landedCostNow().orElse(null));
        layers(json, e.layers());
        strings(json, "not_counted", e.notCounted());
        duties(json, e);
        lapses(json, e, zone, e.hasBase());
        unresolved(json, e, zone);
        strings(json, "supply_risk", e.supplyRisk());
        json.writeEndObject();
    }

    private static String base(Base base) {
        if (base instanceof Base.Given) {
            return "base_duty";
        }
        return base instanceof Base.Scheduled ? "schedule" : "not included";
    }

    private static void layers(JsonGenerator json, List<Layer> layers) {
        json.writeName("layers");
        json.writeStartArray();
        for (Layer layer : layers) {
            json.writeStartObject();
            json.writeStringProperty("layer", layer.kind().label());
            json.writeStringProperty("name", layer.name());
            json.writeStringProperty("source", layer.source());
            share(json, "rate", layer.rate());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void duties(JsonGenerator json, Exposure e) {
        json.writeName("duties");
        json.writeStartArray();
        for (Exposure.DutyShare d : e.duties()) {
            json.writeStartObject();
            json.writeStringProperty("obligation", d.obligation());
            json.writeStringProperty("timeline", d.timeline().label());
            number(json, "rate", d.rate().orElse(null));
            number(json, "kept", d.kept());
            number(json, "lapsed", d.lapsed());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void lapses(JsonGenerator json, Exposure e, ZoneId zone, boolean landed) {
        json.writeName("if_lapsed");
        json.writeStartArray();
        for (Exposure.Lapse l : e.ifLapsed()) {
            json.writeStartObject();
            json.writeStringProperty("obligation", l.obligation());
            json.writeStringProperty("deadline", l.deadline().endIso(zone));
            json.writeStringProperty("deadline_date", l.deadline().dateIn(zone).toString());
            json.writeNumberProperty("days_left", l.daysLeft());
            json.writeStringProperty("ends", l.measure() ? "runs out" : "lapses");
            number(json, "duty", l.knownDuty().orElse(null));
            number(json, "duty_as_if_kept", l.duty().ifKept());
            number(json, "duty_as_if_lapsed", l.duty().ifLapsed());
            number(json, "landed", landed ? l.knownLanded().orElse(null) : null);
            number(json, "landed_as_if_kept", landed ? l.landed().ifKept() : null);
            number(json, "landed_as_if_lapsed", landed ? l.landed().ifLapsed() : null);
            number(json, "extra_cost", l.extraCost());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void unresolved(JsonGenerator json, Exposure e, ZoneId zone) {
        json.writeName("unresolved");
        json.writeStartArray();
        for (Exposure.Unresolved u : e.unresolved()) {
            json.writeStartObject();
            json.writeStringProperty("obligation", u.obligation());
            json.writeStringProperty("deadline", u.deadline().endIso(zone));
            json.writeStringProperty("deadline_date", u.deadline().dateIn(zone).toString());
            json.writeNumberProperty("days_passed", u.daysPassed());
            json.writeStringProperty("outcome", "not recorded");
            number(json, "kept", u.kept());
            number(json, "lapsed", u.lapsed());
            number(json, "extra_cost_if_lapsed", u.extraCost());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void total(JsonGenerator json, ExposureTotal total) {
        json.writeStartObject();
        json.writeStringProperty("market", total.market());
        json.writeNumberProperty("products", total.products());
        number(json, "value", total.value());
        number(json, "duty_cost_now", total.costNow().orElse(null));
        number(json, "duty_cost_as_if_kept", total.costIfKept());
        number(json, "duty_cost_as_if_lapsed", total.costIfLapsed());
        number(json, "landed_cost_now", total.landedCostNow().orElse(null));
        number(json, "landed_cost_as_if_kept", total.landedCostIfKept());
        number(json, "landed_cost_as_if_lapsed", total.landedCostIfLapsed());
        number(json, "extra_cost_if_all_lapse", total.extraCostIfAllLapse());
        json.writeNumberProperty("unresolved_products", total.unresolvedProducts());
        json.writeNumberProperty("supply_risk_products", total.supplyRiskProducts());
        json.writeNumberProperty("products_without_base", total.withoutBase());
        json.writeEndObject();
    }

    /** A rate that may be two: {@code rate} (null when not known), {@code rate_as_if_kept}, {@code rate_as_if_lapsed}. */
    private static void share(JsonGenerator json, String name, Share share) {
        number(json, name, share.known() ? share.ifKept() : null);
        number(json, name + "_as_if_kept", share.ifKept());
        number(json, name + "_as_if_lapsed", share.ifLapsed());
    }

    private static void strings(JsonGenerator json, String name, List<String> values) {
        json.writeName(name);
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void number(JsonGenerator json, String name, BigDecimal value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(Amounts.plain(value));
        }
    }
}
