//! No import cycle among `core`'s top-level modules (issue 17, "layers
//! without cycles"), nor among the CLI's or the bindings'.
//!
//! How the graph is computed, from the source alone (no compiler help):
//! - a node is a top-level module of `core/src` (`mod x;` in `lib.rs`); a
//!   file belongs to the module whose file or folder it is in (`store/apply.rs`
//!   belongs to `store`), or that declares it with `#[path = "…"]`;
//! - an edge `a -> b` is any `crate::b…` path in a file of `a`: in `use`
//!   items, `use crate::{b::X, c}` groups, and paths written inline in code;
//! - a name the crate root re-exports (`crate::Verdict`, `crate::Error`) is
//!   resolved to the module it comes from (`verdict`, `error`);
//! - comment lines (`//`, `///`, `//!`), the tail of a line after ` //`,
//!   and items under `#[cfg(test)]` (test modules, test-only functions) are
//!   left out: tests may reach anywhere.
//!
//! The test fails on any cycle and prints every strongly connected set of
//! modules with the edges that close it. There is no list of allowed
//! exceptions at this level.
//!
//! One level down, the same rule holds inside each folder module (`store/`,
//! `store/apply/`, `guard/`, `feed/`, …): its children (files and folders,
//! not the parent's own `mod.rs` / `guard.rs`, which composes them) import
//! each other without cycles, edges read from `crate::…` and `super::…`
//! paths. No exceptions here either (`link/` and `link/heuristics/` had
//! cycles until their shared types moved to leaves: `spoof` holds the IDN
//! data, `model_table` the model's dense table, `heuristics::parts` the
//! host's parts and label decoding).
//!
//! The layers today, top to bottom (each imports only from below):
//! `audit`, `batch` (extend the guard) → `guard` (composes) → `feed` →
//! `store`, `conversation` → `snapshot` → `directory`, `message`,
//! `payment` → `link`, `number` → `scoring` → `text`, `blocklist`, `error`
//! → `verdict`, `model`, `clock`, `fasthash`, `ids`. The checks never name the
//! snapshot: each reads it through its own data trait
//! (`number::NumberData`, …), which `Snapshot` implements; the crate error
//! and the store's and the feed's error types live in the leaf `error`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Net change of brace depth over a line of code.
fn brace_delta(line: &str) -> i64 {
    line.chars()
        .map(|c| match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        })
        .sum()
}

/// Code of a file without comments and without items under `#[cfg(test)]`
/// (the item after the attribute is skipped up to its closing brace, or to
/// its `;` when it has no body: `#[cfg(test)] mod tests;`).
fn code(src: &str) -> String {
    let mut out = String::new();
    // Skipping a test item: None, or Some(depth reached so far, body opened).
    let mut skip: Option<(i64, bool)> = None;
    for line in src.lines() {
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        let line = line.split(" //").next().unwrap_or("");
        if let Some((depth, opened)) = skip.as_mut() {
            if t.starts_with("#[") && !*opened {
                continue;
            }
            *depth += brace_delta(line);
            *opened |= line.contains('{');
            if (*opened && *depth <= 0) || (!*opened && line.trim_end().ends_with(';')) {
                skip = None;
            }
            continue;
        }
        if t.starts_with("#[cfg(test)]") {
            skip = Some((0, false));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Top-level modules and the names `lib.rs` re-exports, by module.
fn crate_root(lib: &str) -> (BTreeSet<String>, BTreeMap<String, String>) {
    let mut modules = BTreeSet::new();
    let mut reexports = BTreeMap::new();
    let lib = code(lib);
    for stmt in lib.split(';') {
        let s = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
        // Attributes before the item (`#![warn(…)]`, `#[cfg(…)]`).
        let mut s = s.as_str();
        while s.starts_with('#') {
            s = s.find(']').map_or("", |i| s[i + 1..].trim_start());
        }
        let s = s
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ")
            .trim();
        if let Some(m) = s.strip_prefix("mod ") {
            modules.insert(m.trim().to_string());
        } else if let Some(u) = s.strip_prefix("use ") {
            let module = ident_at(u).to_string();
            let rest = &u[module.len()..];
            let names: Vec<&str> = match (rest.find('{'), rest.rfind('}')) {
                (Some(a), Some(b)) => rest[a + 1..b].split(',').collect(),
                _ => vec![rest.rsplit("::").next().unwrap_or("")],
            };
            for n in names {
                let n = n.trim();
                let n = n.rsplit("::").next().unwrap_or(n);
                let n = n.rsplit(" as ").next().unwrap_or(n).trim();
                if !n.is_empty() {
                    reexports.insert(n.to_string(), module.clone());
                }
            }
        }
    }
    (modules, reexports)
}

/// First path segment of every `crate::` path in `text`, groups expanded.
fn crate_paths(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group: `a::{…}` nesting is cut by
            // splitting on commas outside braces.
            let mut depth = 0;
            let mut start = 0;
            let mut end = group.len();
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        end = j;
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        targets.push(ident_at(group[start..j].trim()).to_string());
                        start = j + 1;
                    }
                    _ => {}
                }
            }
            targets.push(ident_at(group[start..end].trim()).to_string());
        } else {
            targets.push(ident_at(rest).to_string());
        }
    }
    targets
}

/// The graph of the crate whose sources are in `src` (a path from `core/`),
/// with its root file `root` (`lib.rs`, `main.rs`).
fn graph_of(src: &str, root: &str) -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(src);
    // Paths inside a folder module: `super::` from a leaf file and from a
    // `mod.rs`, groups, `crate::` paths.
    let me = [
        "store".to_string(),
        "apply".to_string(),
        "verify".to_string(),
    ];
    let text = code(
        "use super::{change::X, feeds::FeedRow};\n\
         use super::super::blocks::Packed;\n\
         use crate::store::segment::{self as index, kind_slot};\n\
         fn f() { crate::blocklist::fast_hash(\"\"); }\n",
    );
    let got = named_paths(&text, &me);
    for want in [
        &["store", "apply", "change"][..],
        &["store", "apply", "feeds"],
        &["store", "blocks", "Packed"],
        &["store", "segment", "kind_slot"],
        &["blocklist", "fast_hash"],
    ] {
        assert!(got.iter().any(|p| p == want), "{want:?} not in {got:?}");
    }
    assert_eq!(
        module_path(Path::new("store/apply/mod.rs")),
        ["store", "apply"]
    );

    let (modules, reexports) = crate_root(&std::fs::read_to_string(src.join(root)).unwrap());
    let resolve = |name: &str| -> Option<String> {
        if modules.contains(name) {
            Some(name.to_string())
        } else {
            reexports.get(name).cloned()
        }
    };
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let top = |f: &Path| -> String {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel.components().next().unwrap().as_os_str();
        first.to_string_lossy().trim_end_matches(".rs").to_string()
    };
    // A file pulled in with `#[path = "x.rs"] mod x;` belongs to the module
    // of the file that declares it.
    let mut by_path: BTreeMap<PathBuf, String> = BTreeMap::new();
    for f in &files {
        let text = code(&std::fs::read_to_string(f).unwrap());
        for (i, _) in text.match_indices("#[path = \"") {
            let rest = &text[i + "#[path = \"".len()..];
            let name = &rest[..rest.find('"').unwrap()];
            by_path.insert(f.parent().unwrap().join(name), top(f));
        }
    }
    let mut edges = Graph::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap();
        // The root declares and re-exports; `tests.rs` files are test
        // modules.
        if rel.as_os_str() == root || rel.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let from = by_path.get(&f).cloned().unwrap_or_else(|| top(&f));
        assert!(modules.contains(&from), "{} is in no module", rel.display());
        let text = code(&std::fs::read_to_string(&f).unwrap());
        for t in crate_paths(&text) {
            if let Some(to) = resolve(&t) {
                if to != from {
                    edges.entry(from.clone()).or_default().insert(to);
                }
            }
        }
        edges.entry(from).or_default();
    }
    edges
}

/// A file's module path from `src`: `store/apply/verify.rs` is
/// `[store, apply, verify]`, `store/apply/mod.rs` and `guard.rs` are
/// `[store, apply]` and `[guard]`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    let last = parts.pop().unwrap_or_default();
    if last != "mod.rs" {
        parts.push(last.trim_end_matches(".rs").to_string());
    }
    parts
}

/// Every module path a file names, absolute (`crate::a::b` and
/// `super::…` resolved from `me`, the file's module path), as its
/// identifier segments; a `{…}` group adds one path per item.
fn named_paths(text: &str, me: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let starts = text
        .match_indices("crate::")
        .map(|(i, _)| (i, None))
        .chain(text.match_indices("super::").map(|(i, _)| (i, Some(()))));
    for (i, sup) in starts {
        // Only the start of a path (`a::super::` does not occur; skip
        // the second `super` of `super::super::`).
        let before = &text[..i];
        if before.ends_with("::")
            || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
        {
            continue;
        }
        let (mut base, mut rest) = match sup {
            None => (Vec::new(), &text[i + "crate::".len()..]),
            Some(()) => {
                // `super` is the module one up from the file's own
                // (`store/apply/mod.rs` is `store::apply`: up is `store`).
                let mut base: Vec<String> = me.to_vec();
                let mut rest = &text[i..];
                while let Some(r) = rest.strip_prefix("super::") {
                    base.pop();
                    rest = r;
                }
                (base, rest)
            }
        };
        loop {
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    let id = ident_at(item.trim());
                    if !id.is_empty() && id != "self" {
                        let mut p = base.clone();
                        p.push(id.to_string());
                        out.push(p);
                    }
                }
                break;
            }
            let id = ident_at(rest);
            if id.is_empty() {
                out.push(base.clone());
                break;
            }
            base.push(id.to_string());
            match rest[id.len()..].strip_prefix("::") {
                Some(r) => rest = r,
                None => {
                    out.push(base.clone());
                    break;
                }
            }
        }
    }
    out
}

/// For every folder module of the crate in `src` (`store/`, `store/apply/`,
/// `guard/`, …): the graph among its children (the files and folders in
/// it, not its own `mod.rs` / `x.rs`, which composes them). An edge `a ->
/// b` is a path in a file under `a` that names `b` or something inside it,
/// written `crate::…` or `super::…`. A child using what its parent file
/// defines (`super::Store`) is not an edge: the parent is not a node.
fn nested_graphs(src: &str) -> Vec<(String, Graph)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(src);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .filter(|d| d != &src)
        .collect();
    dirs.sort();
    dirs.dedup();
    let mut out = Vec::new();
    for dir in dirs {
        let level = module_path(&dir.strip_prefix(&src).unwrap().join("mod.rs"));
        let children: BTreeSet<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir() || p.extension().is_some_and(|x| x == "rs"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
            .filter(|n| n != "mod" && n != "tests")
            .collect();
        let mut g = Graph::new();
        for c in &children {
            g.entry(c.clone()).or_default();
        }
        for f in files.iter().filter(|f| f.starts_with(&dir)) {
            let rel = f.strip_prefix(&src).unwrap();
            let me = module_path(rel);
            if me.len() <= level.len() || f.file_name().is_some_and(|n| n == "tests.rs") {
                continue; // the level's own file, or a test module
            }
            let from = &me[level.len()];
            let text = code(&std::fs::read_to_string(f).unwrap());
            for path in named_paths(&text, &me) {
                if path.len() > level.len() && path[..level.len()] == level[..] {
                    let to = &path[level.len()];
                    if to != from && children.contains(to) {
                        g.get_mut(from).unwrap().insert(to.clone());
                    }
                }
            }
        }
        out.push((level.join("::"), g));
    }
    out
}

/// The strongly connected sets of more than one module (Tarjan), each
/// sorted; every cycle of `g` lies inside one of them.
fn cyclic_sets(g: &Graph) -> Vec<Vec<String>> {
    struct State<'a> {
        g: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(n: &'a str, s: &mut State<'a>) {
        let i = s.index.len();
        s.index.insert(n, i);
        s.low.insert(n, i);
        s.stack.push(n);
        s.on_stack.insert(n);
        for m in s.g.get(n).into_iter().flatten() {
            let m = m.as_str();
            if !s.index.contains_key(m) {
                visit(m, s);
                let lm = s.low[m];
                let ln = s.low.get_mut(n).unwrap();
                *ln = (*ln).min(lm);
            } else if s.on_stack.contains(m) {
                let im = s.index[m];
                let ln = s.low.get_mut(n).unwrap();
                *ln = (*ln).min(im);
            }
        }
        if s.low[n] == s.index[n] {
            let mut set = Vec::new();
            loop {
                let m = s.stack.pop().unwrap();
                s.on_stack.remove(m);
                set.push(m.to_string());
                if m == n {
                    break;
                }
            }
            let self_loop = s.g.get(n).is_some_and(|e| e.contains(n));
            if set.len() > 1 || self_loop {
                set.sort();
                s.out.push(set);
            }
        }
    }
    let mut s = State {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for n in g.keys() {
        if !s.index.contains_key(n.as_str()) {
            visit(n, &mut s);
        }
    }
    s.out.sort();
    s.out
}

/// Fails with every cycle of `g`, named `name`.
fn assert_acyclic(name: &str, g: &Graph) {
    let sets = cyclic_sets(g);
    let report: Vec<String> = sets
        .iter()
        .map(|set| {
            let inner: Vec<String> = set
                .iter()
                .flat_map(|a| {
                    g[a].iter()
                        .filter(|b| set.contains(b))
                        .map(move |b| format!("  {a} -> {b}"))
                })
                .collect();
            format!("cycle among {{{}}}:\n{}", set.join(", "), inner.join("\n"))
        })
        .collect();
    assert!(
        sets.is_empty(),
        "import cycles among {name}'s modules ({} set(s)):\n{}",
        sets.len(),
        report.join("\n")
    );
}

#[test]
fn core_modules_import_each_other_without_cycles() {
    let g = graph_of("src", "lib.rs");
    for m in ["guard", "snapshot", "store", "feed", "number", "verdict"] {
        assert!(g.contains_key(m), "{m} missing from {g:?}");
    }
    assert_acyclic("core", &g);
}

/// The same rule for the CLI (`check` ↔ `payment` and `feed` ↔ `store` used
/// to import each other; what they share is in its leaf `common`) and for
/// the bindings.
#[test]
fn cli_and_bindings_modules_import_each_other_without_cycles() {
    let cli = graph_of("../cli/src", "main.rs");
    for m in ["check", "common", "feed", "payment", "store"] {
        assert!(cli.contains_key(m), "{m} missing from {cli:?}");
    }
    assert_acyclic("the CLI", &cli);
    let bindings = graph_of("../bindings/src", "lib.rs");
    assert!(bindings.len() > 3, "{bindings:?}");
    assert_acyclic("the bindings", &bindings);
}

/// Folder modules whose children still import each other, with the cycle
/// found on 2026-12-04: `link/` (heuristics -> rules -> spoof -> rules,
/// rules -> heuristics) and `link/heuristics/` (brand, host, idn). Owned by
/// the link work; every other folder module must stay acyclic.
/// Inside each folder module too: the children of `store/`, `store/apply/`,
/// `guard/`, `feed/`, … import each other without cycles (the parent file
/// composes them and is not a node).
#[test]
fn each_folder_modules_children_import_each_other_without_cycles() {
    let graphs = nested_graphs("src");
    let names: Vec<&str> = graphs.iter().map(|(n, _)| n.as_str()).collect();
    for m in ["store", "store::apply", "guard"] {
        assert!(names.contains(&m), "{m} missing from {names:?}");
    }
    let (_, apply) = graphs.iter().find(|(n, _)| n == "store::apply").unwrap();
    assert!(apply["verify"].contains("labels"), "{apply:?}");
    assert!(apply["segments"].contains("feeds"), "{apply:?}");
    for (name, g) in &graphs {
        assert_acyclic(name, g);
    }
}

#[test]
fn the_graph_reader_sees_cycles_and_skips_comments_and_tests() {
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    g.entry("c".into()).or_default();
    assert!(cyclic_sets(&g).is_empty());
    g.entry("c".into()).or_default().insert("a".into());
    g.entry("d".into()).or_default().insert("a".into());
    assert_eq!(cyclic_sets(&g), [["a", "b", "c"]]);

    let text = code(
        "use crate::{a::X, b::{c, d}, e};\n\
         // crate::f\n\
         fn x() { crate::g::h(); } // crate::i\n\
         #[cfg(test)]\n\
         fn only_in_tests() {\n    crate::j::k();\n}\n\
         #[cfg(test)]\n\
         mod tests;\n\
         fn y() { crate::l::m(); }\n\
         #[cfg(test)]\n\
         mod tests { use crate::z; }\n",
    );
    assert_eq!(crate_paths(&text), ["a", "b", "e", "g", "l"]);

    let (modules, reexports) = crate_root(
        "#![warn(missing_docs)]\n//! docs\nmod a;\n#[cfg(feature = \"x\")]\npub mod b;\npub(crate) mod c;\npub use a::{X, Y as Z};\n",
    );
    assert_eq!(modules.into_iter().collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(reexports.get("Z").map(String::as_str), Some("a"));
}
