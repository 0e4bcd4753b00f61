//! CSV as spreadsheets read it (RFC 4180): UTF-8 with a byte-order mark (so a spreadsheet
//! does not guess a legacy encoding), CRLF line ends, and a field quoted when it holds a
//! comma, a quote, a line break or surrounding spaces, with its quotes doubled.
//!
//! A text cell that starts with `=`, `+`, `-` or `@` gets a leading apostrophe: a
//! spreadsheet would otherwise run it as a formula, and notes can come from a colleague's
//! file. The apostrophe is documented in docs/reports.md.

/// The byte-order mark every file starts with.
pub const BOM: char = '\u{feff}';

/// A CSV document being written row by row.
pub struct Csv {
    out: String,
    columns: usize,
}

impl Csv {
    /// A document with its header row.
    pub fn new(header: &[&str]) -> Csv {
        let mut csv = Csv {
            out: String::from(BOM),
            columns: header.len(),
        };
        csv.row(header);
        csv
    }

    /// Appends one row. A row with fewer cells than the header is padded with empty
    /// cells, so every row has the same number of fields.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        debug_assert!(cells.len() <= self.columns, "more cells than columns");
        for i in 0..self.columns {
            if i > 0 {
                self.out.push(',');
            }
            if let Some(cell) = cells.get(i) {
                push_field(&mut self.out, cell.as_ref());
            }
        }
        self.out.push_str("\r\n");
    }

    /// The finished text.
    pub fn finish(self) -> String {
        self.out
    }
}

fn push_field(out: &mut String, text: &str) {
    let formula = text.starts_with(['=', '+', '-', '@']);
    let quote = formula
        || text.contains([',', '"', '\r', '\n'])
        || text.starts_with(' ')
        || text.ends_with(' ');
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        let mut csv = Csv::new(&["a", "b"]);
        csv.row(&["plain", "has, comma"]);
        csv.row(&["say \"hi\"", "two\nlines"]);
        csv.row(&["=SUM(A1)", ""]);
        csv.row(&["only one"]);
        assert_eq!(
            csv.finish(),
            "\u{feff}a,b\r\nplain,\"has, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n\"'=SUM(A1)\",\r\nonly one,\r\n"
        );
    }
}
