//! No file in `src/` over 600 lines outside its tests (functions are held to 100 lines
//! by clippy's `too_many_lines`, see Cargo.toml): a file that grows past it is split by
//! concern.

use std::path::Path;

const MAX_LINES: usize = 600;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines before the file's `#[cfg(test)]` module (all of them in a file of tests).
fn code_lines(text: &str) -> usize {
    text.lines()
        .take_while(|l| !l.starts_with("#[cfg(test)]"))
        .count()
}

#[test]
fn no_source_file_is_over_600_lines_outside_its_tests() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(
        files.len() > 50,
        "the walk found the sources: {}",
        files.len()
    );
    let over: Vec<String> = files
        .iter()
        .filter(|p| !p.ends_with("tests.rs"))
        .filter_map(|p| {
            let n = code_lines(&std::fs::read_to_string(p).unwrap_or_default());
            (n > MAX_LINES).then(|| format!("{}: {n} lines", p.display()))
        })
        .collect();
    assert!(over.is_empty(), "split these by concern: {over:#?}");
}

#[test]
fn lines_after_the_tests_module_do_not_count() {
    let text = "fn a() {}\n#[cfg(test)]\nmod tests {\n}\n";
    assert_eq!(code_lines(text), 1);
}
