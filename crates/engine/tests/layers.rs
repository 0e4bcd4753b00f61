//! The engine's folders are layers and imports run one way only: a file of `model/`
//! that names `crate::rules` (even in its unit tests) fails here, and so does any
//! import between layers that the table below does not allow, or a cycle.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each layer and the layers it may import (besides itself).
const ALLOWED: [(&str, &[&str]); 5] = [
    ("model", &[]),
    ("rules", &["model"]),
    ("text", &["model", "rules"]),
    ("format", &["model", "text"]),
    ("reports", &["model", "rules", "text", "format"]),
];

fn layer_names() -> BTreeSet<&'static str> {
    ALLOWED.iter().map(|(layer, _)| *layer).collect()
}

/// The Rust files under `dir`, with their text.
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("layer folder readable") {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("source readable");
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

/// The layers a source names as `crate::<layer>` (in `use` lines and in paths alike).
fn layers_named(text: &str) -> BTreeSet<String> {
    let names = layer_names();
    text.split("crate::")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| names.contains(name.as_str()))
        .collect()
}

/// Every import between layers found in the sources: (from, to) → the files.
fn imports() -> BTreeMap<(String, String), Vec<String>> {
    let mut found: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for layer in layer_names() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(layer);
        assert!(dir.is_dir(), "layer folder {} exists", dir.display());
        for (path, text) in files(&dir) {
            for to in layers_named(&text) {
                if to != layer {
                    found
                        .entry((layer.to_owned(), to))
                        .or_default()
                        .push(path.clone());
                }
            }
        }
    }
    found
}

#[test]
fn every_import_between_layers_is_allowed() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.into_iter().collect();
    let wrong: Vec<String> = imports()
        .into_iter()
        .filter(|((from, to), _)| !allowed[from.as_str()].contains(&to.as_str()))
        .map(|((from, to), paths)| format!("{from} imports {to} in {paths:?}"))
        .collect();
    assert!(wrong.is_empty(), "imports against the layering: {wrong:#?}");
}

#[test]
fn the_allowed_layers_have_no_cycle() {
    // Depth-first search over the allowed edges; a layer met again on the current path
    // is a cycle.
    fn visit<'a>(
        layer: &'a str,
        allowed: &BTreeMap<&'a str, &'a [&'a str]>,
        path: &mut Vec<&'a str>,
    ) {
        assert!(!path.contains(&layer), "cycle: {path:?} -> {layer}");
        path.push(layer);
        for next in allowed[layer] {
            visit(next, allowed, path);
        }
        path.pop();
    }
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.into_iter().collect();
    for layer in allowed.keys() {
        visit(layer, &allowed, &mut Vec::new());
    }
}

#[test]
fn the_scan_sees_an_import_against_the_layering() {
    // The check itself must be able to fail: a model file naming rules is caught.
    let text = "#[cfg(test)]\nmod tests {\n    use crate::rules::scoring::score;\n}\n";
    assert_eq!(
        layers_named(text),
        BTreeSet::from(["rules".to_owned()]),
        "a test import from model to rules is found"
    );
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.into_iter().collect();
    assert!(!allowed["model"].contains(&"rules"));
}

#[test]
fn every_source_of_the_engine_sits_in_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let names = layer_names();
    for entry in fs::read_dir(&src).expect("src readable") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        assert!(
            name == "lib" || names.contains(name),
            "{} is outside the layers",
            path.display()
        );
    }
}
