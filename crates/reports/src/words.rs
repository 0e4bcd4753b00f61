//! What the screens this module draws share: their messages in the screen's language
//! (`screen_texts.rs`, crates/msgtables), numbers and levels as the app shows them, and
//! the catalog's labels the app hands over in that language.

use crate::Unreadable;
use aims_engine::model::decimal::format_fixed;
use aims_engine::reports::compare::Change;
use aims_engine::rules::scoring::Figure;
use aims_engine::text::lang::Lang;
use aims_engine::text::markup::escape;
use aims_engine::text::messages::fill;
use aims_engine::{Catalog, MaturityLevel, Percent};

include!(concat!(env!("OUT_DIR"), "/screen_texts.rs"));

/// The catalog's labels in the screen's language.
pub(crate) struct Labels<'a> {
    /// Every item's label, in catalog order.
    pub items: &'a [String],
    /// Every group's label.
    pub groups: &'a [String],
    /// Every document's title.
    pub documents: &'a [String],
}

impl<'a> Labels<'a> {
    /// Splits the app's list; a list of another length is a bug in the app.
    pub(crate) fn split(catalog: &Catalog, all: &'a [String]) -> Result<Labels<'a>, Unreadable> {
        let (items, groups) = (catalog.item_count(), catalog.group_ids().len());
        if all.len() != items + groups + catalog.document_count() {
            return Err(Unreadable(format!("{} labels", all.len())));
        }
        let (items, rest) = all.split_at(items);
        let (groups, documents) = rest.split_at(groups);
        Ok(Labels {
            items,
            groups,
            documents,
        })
    }
}

/// The words of `lang`, with its plural rule.
pub(crate) struct Words {
    /// The messages.
    pub m: &'static ScreenMessages,
    /// Their language.
    pub lang: Lang,
}

impl Words {
    pub(crate) fn new(lang: Lang) -> Words {
        let m = &SCREEN_TEXTS[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)];
        Words { m, lang }
    }

    /// `text` filled in, as text.
    pub(crate) fn fill(&self, text: &str, args: &[(&str, &str)]) -> String {
        let plural = if self.lang == Lang::Fr {
            french_plural
        } else {
            english_plural
        };
        fill(text, args, plural)
    }

    /// `text` filled in, then escaped for markup (values included).
    pub(crate) fn tf(&self, text: &str, args: &[(&str, &str)]) -> String {
        escape(&self.fill(text, args))
    }

    /// The words [`Words::size`] writes sizes with: kilobytes, megabytes, gigabytes,
    /// the decimal separator. The evidence screen's line on space (crates/reports/
    /// src/files.js) writes the browser's figures with the same, so one screen never
    /// shows a size two ways.
    pub(crate) fn size_units(&self) -> [&'static str; 4] {
        match self.lang {
            Lang::Fr => ["Ko", "Mo", "Go", ","],
            Lang::De => ["KB", "MB", "GB", ","],
            _ => ["KB", "MB", "GB", "."],
        }
    }

    /// A size in bytes as people read it: `850 KB`, `12.3 MB`, `9.8 GB` (`12,3 MB` in
    /// German, `12,3 Mo` in French): kilobytes rounded up, larger sizes to a tenth
    /// rounded down, in units of 1,024.
    pub(crate) fn size(&self, bytes: u64) -> String {
        const MB: u64 = 1024 * 1024;
        const GB: u64 = 1024 * MB;
        let [kb, mb, gb, comma] = self.size_units();
        if bytes < MB {
            return format!("{} {kb}", bytes.div_ceil(1024));
        }
        let (unit, name) = if bytes < GB { (MB, mb) } else { (GB, gb) };
        let tenths = bytes * 10 / unit;
        format!("{}{comma}{} {name}", tenths / 10, tenths % 10)
    }

    /// A percentage as the app shows it, as text: one decimal at most, the language's
    /// decimal comma and percent sign; the "not applicable" word without a figure.
    pub(crate) fn pct(&self, p: Option<Percent>) -> String {
        match p {
            None => self.m.common_na.to_owned(),
            Some(p) => {
                let number = p.to_string();
                let number = if self.lang == Lang::En {
                    number
                } else {
                    number.replace('.', ",")
                };
                format!("{number}{}", self.lang.percent_sign())
            }
        }
    }

    /// "+4.2 points", "−3 points", "±0", or "n/a", as text.
    pub(crate) fn points(&self, d: Option<i32>) -> String {
        match d {
            None => self.m.common_na.to_owned(),
            Some(0) => "±0".to_owned(),
            Some(d) => {
                let sign = if d > 0 { "+" } else { "−" };
                let mut text = format_fixed(u64::from(d.unsigned_abs()), 1);
                if self.lang != Lang::En {
                    text = text.replace('.', ",");
                }
                self.fill(self.m.comparison_points, &[("n", &format!("{sign}{text}"))])
            }
        }
    }

    pub(crate) fn change(&self, c: Change) -> &'static str {
        match c {
            Change::Up => self.m.comparison_up,
            Change::Down => self.m.comparison_down,
            Change::Unchanged => self.m.comparison_unchanged,
            Change::NewlyAnswered => self.m.comparison_new,
            Change::NoLongerAnswered => self.m.comparison_gone,
            Change::NotAnswered => self.m.comparison_not_answered,
        }
    }

    pub(crate) fn level(&self, level: MaturityLevel) -> &'static str {
        let m = self.m;
        [
            m.level_0, m.level_1, m.level_2, m.level_3, m.level_4, m.level_5,
        ][level as usize]
    }

    /// A figure in a cell: conformity with its "conforming/in scope" count, so a change
    /// of scope shows, and maturity beneath.
    pub(crate) fn figure(&self, f: &Figure) -> String {
        format!(
            "{}<span class=\"aims-muted aims-small\"> · {}/{}</span><br><span class=\"aims-muted aims-small\">{}</span>",
            escape(&self.pct(f.conformity)),
            f.conforming,
            f.in_scope,
            self.tf(self.m.results_maturity, &[("pct", &self.pct(f.maturity))])
        )
    }
}

/// CLDR's rule for English and German whole numbers.
fn english_plural(n: &str) -> &'static str {
    if n == "1" {
        "one"
    } else {
        "other"
    }
}

/// CLDR's rule for French whole numbers: 0 and 1 are singular.
fn french_plural(n: &str) -> &'static str {
    if n == "0" || n == "1" {
        "one"
    } else {
        "other"
    }
}
