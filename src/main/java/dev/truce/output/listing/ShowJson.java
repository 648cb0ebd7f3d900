package dev.truce.output.listing;

import dev.truce.app.ObligationDetail;
import dev.truce.domain.Evidence;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcomes;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * `show ID --format json`: the obligation as the status JSON gives it (one writer for both), what its outcome
 * means, the obligations that need it, replace it or it replaces, by id, and every evidence entry, oldest first, each marked whether it counts at the as-of.
 */
public final class ShowJson {
    private ShowJson() {
    }

    public static void print(PrintWriter out, ObligationDetail detail) {
        ZoneId zone = detail.truce().zone();
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            json.writeStringProperty("as_of", detail.asOf().toString());
            json.writeStringProperty("zone", zone.getId());
            json.writeName("obligation");
            StatusPrinter.obligation(json, detail.status(), zone, detail.ack());
            json.writeStringProperty("compliance_why", ShowPrinter.why(detail.status().compliance(), zone));
            json.writeStringProperty("meaning", detail.status().outcome()
                    .map(o -> Outcomes.meaning(detail.status().obligation(), o)).orElse(null));
            ids(json, "needed_by", detail.dependents());
            ids(json, "replaced_by", detail.replacedBy());
            ids(json, "replaces", detail.replaces());
            json.writeName("evidence");
            json.writeStartArray();
            for (Evidence e : detail.evidence().stream().sorted(Comparator.comparing((Evidence e) -> e.happened(zone))).toList()) {
                evidence(json, e, !e.happened(zone).isAfter(detail.asOf()));
            }
            json.writeEndArray();
            json.writeName("evidence_problems");
            json.writeStartArray();
            for (String line : detail.health().warnings(true)) {
                json.writeString(line);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    private static void evidence(JsonGenerator json, Evidence e, boolean counted) {
        json.writeStartObject();
        json.writeStringProperty("date", e.date().iso());
        json.writeStringProperty("stance", e.stance().label());
        json.writeStringProperty("claimant", e.claimant());
        json.writeStringProperty("basis", e.basis().label());
        json.writeStringProperty("source", e.source());
        json.writeStringProperty("url", e.url());
        json.writeStringProperty("note", e.note());
        StatusPrinter.decimal(json, "amount", e.amount());
        json.writeStringProperty("recorded", e.recorded() == null ? null : e.recorded().toString());
        json.writeStringProperty("recorded_by", e.recordedBy());
        json.writeBooleanProperty("counted", counted);
        json.writeEndObject();
    }

    private static void ids(JsonGenerator json, String name, List<Obligation> obligations) {
        StatusPrinter.strings(json, name, obligations.stream().map(Obligation::id).toList());
    }
}
