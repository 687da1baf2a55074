//! What the import tests share: a row as written by hand in a test or an `.expected.json`,
//! how two names are compared, and the folders of real documents kept beside the project.
#![allow(dead_code, reason = "each test file uses its own part of these")]

use serde::Deserialize;
use std::path::PathBuf;

/// `shared/<folder>` beside the workspace, or the folder the environment variable `var`
/// names; `None`, with a notice, on a clone without it, so the test skips rather than fails.
pub fn shared_folder(var: &str, folder: &str) -> Option<PathBuf> {
    let dir = std::env::var_os(var).map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared")
                .join(folder)
        },
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "NOTICE: {} is absent; the tests on it are skipped",
            dir.display()
        );
        None
    }
}

#[derive(Debug, Deserialize)]
pub struct Expected {
    pub name: String,
    pub country: Option<String>,
    pub mechanism: String,
}

/// Case, spacing and punctuation do not make a different name.
pub fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
