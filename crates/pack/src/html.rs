//! The pack's printable report: one self-contained HTML page (its styles inline, no
//! script, no external address) with the verdict, the figures and their denominators,
//! what stands in the way, the gaps and the Statement of Applicability. Every text from
//! the assessment is escaped.

use aims_engine::reports::soa::{self, Status};
use aims_engine::rules::scoring::Figure;
use aims_engine::text::markup::escape;
use aims_engine::{Assessment, Catalog, Date, Score, Verdict};
use std::fmt::Write;

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;color:#1b2130;max-width:60rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d9deea;padding:.3rem .45rem;text-align:left;vertical-align:top}\
th{background:#f2f4f9}.muted{color:#566076}@media print{body{margin:0}}";

/// A percentage figure with what it is out of, or "–" when nothing is in scope.
fn percent(p: Option<aims_engine::Percent>) -> String {
    p.map_or_else(|| "–".into(), |p| format!("{p} %"))
}

fn figure_row(out: &mut String, name: &str, f: &Figure) {
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{name}</th><td>{} ({} of {} in scope)</td><td>{}</td><td>{}</td><td>{} answered, {} estimates not counted, {} excluded</td></tr>",
        percent(f.conformity),
        f.conforming,
        f.in_scope,
        percent(f.maturity),
        percent(f.evidenced),
        f.answered,
        f.estimates,
        f.excluded,
    );
}

/// The report for `a`, scored as `report`, printed on `today`.
pub fn report_html(catalog: &Catalog, a: &Assessment, report: &Score, today: Date) -> String {
    let verdict = match report.verdict {
        Verdict::Ready => "Ready for the Stage 2 certification audit: nothing stands in the way.",
        Verdict::Stage1Ready => {
            "Ready for the Stage 1 audit, not yet for Stage 2: the points below stand in the way."
        }
        Verdict::NotReady => "Not ready for the Stage 1 audit: the points below stand in the way.",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{name} – ISO/IEC 42001 readiness report</title><style>{STYLE}</style></head><body>\
<h1>{name}</h1><p class=\"muted\">{org}ISO/IEC 42001:2023 readiness self-assessment · last changed {updated} · printed {today} · {generator}</p>\
<p><strong>{verdict}</strong></p><p class=\"muted\">Self-assessment only: certification is done by an accredited certification body. Unanswered items, unconfirmed estimates and claims above level 2 without evidence do not count as conforming; excluded controls count only with a justification that holds.</p>\
<h2>Figures</h2><table><thead><tr><th></th><th>Conforming today</th><th>Maturity</th><th>With evidence</th><th>Coverage</th></tr></thead><tbody>",
        name = escape(&a.name),
        org = if a.organization.is_empty() {
            String::new()
        } else {
            format!("{} · ", escape(&a.organization))
        },
        updated = escape(a.updated.as_str()),
        generator = aims_engine::GENERATOR,
    );
    figure_row(&mut out, "All in-scope items", &report.overall);
    figure_row(&mut out, "Clauses 4–10", &report.clauses);
    figure_row(&mut out, "Annex A controls", &report.annex_a);
    let _ = write!(
        out,
        "</tbody></table><p class=\"muted\">Required documents marked present: {} of {}.</p><h2>What stands in the way ({})</h2>",
        report.documents_present,
        report.documents_total,
        report.blockers.len()
    );
    if report.blockers.is_empty() {
        out.push_str("<p>Nothing.</p>");
    } else {
        out.push_str("<table><thead><tr><th>Item</th><th>Reason</th></tr></thead><tbody>");
        for b in &report.blockers {
            let item = b.item().map_or("–", |i| catalog.item(i).id.as_str());
            let _ = write!(out, "<tr><td>{item}</td><td>{}</td></tr>", b.kind());
        }
        out.push_str("</tbody></table>");
    }
    let _ = write!(
        out,
        "<h2>Gaps to the targets ({}), highest priority first</h2>",
        report.gaps.len()
    );
    if !report.gaps.is_empty() {
        out.push_str("<table><thead><tr><th>Item</th><th>Title</th><th>Level today</th><th>Target</th></tr></thead><tbody>");
        for g in &report.gaps {
            let item = catalog.item(g.item);
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                item.id,
                escape(&item.title),
                g.current
                    .map_or_else(|| "not answered".into(), |l| l.number().to_string()),
                g.target.number()
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("<h2>Statement of Applicability</h2><table><thead><tr><th>Control</th><th>Title</th><th>Applicable</th><th>Justification</th><th>Status</th><th>Evidence</th></tr></thead><tbody>");
    for row in soa::rows(catalog, a, today) {
        let item = catalog.item(row.control);
        let status = match row.status {
            Status::NotAssessed => "not assessed".into(),
            Status::Assessed {
                level,
                target,
                evidenced,
            } => format!(
                "level {} of target {}{}",
                level.number(),
                target.number(),
                if evidenced { "" } else { ", no evidence" }
            ),
            _ => "excluded".into(),
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{status}</td><td>{}</td></tr>",
            item.id,
            escape(&item.title),
            if row.applicable { "yes" } else { "no" },
            escape(&row.reason(aims_engine::text::messages::Texts::ENGLISH)),
            escape(&row.evidence.join("; ")),
        );
    }
    out.push_str("</tbody></table></body></html>\n");
    out
}
