//! The layout ARCHITECTURE.md describes, held by a test: no import cycles between the
//! library's parts (nor between the window's files), and a core (model, sim, analysis) that
//! reaches no face of the program: no window, file, formatting, words, report or export.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a source file is, as a path below `src` without `.rs` or `mod`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file
        .strip_prefix(src)
        .expect("inside src")
        .with_extension("");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// Every `crate::a::b` a file names outside comments, as (a, b).
fn references(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let word = |s: &str| -> String {
                s.chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect()
            };
            let first = word(rest);
            let second = rest
                .get(first.len()..)
                .and_then(|r| r.strip_prefix("::"))
                .map(word)
                .filter(|w| !w.is_empty());
            if !first.is_empty() {
                out.push((first, second));
            }
        }
    }
    out
}

/// The edges between the nodes `node_of` gives each file and each reference.
fn graph(
    node_of: impl Fn(&[String], &(String, Option<String>)) -> Option<(String, String)>,
) -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let module = module_of(&src, &file);
        let text = std::fs::read_to_string(&file).expect("readable");
        for r in references(&text) {
            if let Some((from, to)) = node_of(&module, &r)
                && from != to
            {
                edges.entry(from).or_default().insert(to);
            }
        }
    }
    edges
}

/// A cycle in `edges`, as the path that closes it, if there is one.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_parts_of_the_library_import_each_other_without_cycles() {
    let edges = graph(|module, (first, _)| {
        let from = module.first().cloned().unwrap_or_else(|| "lib".to_owned());
        Some((from, first.clone()))
    });
    assert!(
        edges.contains_key("ui") && edges.contains_key("report"),
        "{edges:?}"
    );
    if let Some(c) = cycle(&edges) {
        panic!("an import cycle between parts: {}", c.join(" -> "));
    }
}

#[test]
fn the_files_of_the_window_import_each_other_without_cycles() {
    let edges = graph(|module, (first, second)| {
        if module.first().map(String::as_str) != Some("ui") || first != "ui" {
            return None;
        }
        Some((module.get(1)?.clone(), second.clone()?))
    });
    assert!(edges.contains_key("frame_ui"), "{edges:?}");
    if let Some(c) = cycle(&edges) {
        panic!("an import cycle in the window: {}", c.join(" -> "));
    }
}

#[test]
fn the_core_reaches_no_face_of_the_program() {
    let faces = [
        "ui", "files", "format", "text", "report", "view", "cli", "export", "bundled",
    ];
    let edges = graph(|module, (first, _)| Some((module.first()?.clone(), first.clone())));
    for core in ["model", "sim", "analysis"] {
        let reached: Vec<&String> = edges
            .get(core)
            .into_iter()
            .flatten()
            .filter(|to| faces.contains(&to.as_str()))
            .collect();
        assert!(reached.is_empty(), "{core} reaches {reached:?}");
    }
}
