//! Writes the quick entry's deployed page and stylesheet (`aims-quick::page`): run by
//! the post-build step as `cargo run -p aims-quick --example quick_page -- TEMPLATE DIR`,
//! it writes `DIR/quick.html` and `DIR/aims-quick.css`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [template, dir] = args.as_slice() else {
        eprintln!("usage: quick_page TEMPLATE DIR");
        return ExitCode::FAILURE;
    };
    let written = std::fs::read_to_string(template)
        .map_err(|e| format!("{template}: {e}"))
        .and_then(|text| aims_quick::page::page(&text))
        .and_then(|page| {
            let dir = std::path::Path::new(dir);
            std::fs::write(dir.join("quick.html"), page)
                .and_then(|()| std::fs::write(dir.join("aims-quick.css"), aims_quick::page::STYLES))
                .map_err(|e| format!("{}: {e}", dir.display()))
        });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("quick_page: {message}");
            ExitCode::FAILURE
        }
    }
}
