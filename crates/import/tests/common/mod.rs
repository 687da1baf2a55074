//! What the extraction tests share: a row as written by hand in a test or an
//! `.expected.json`, and how two names are compared.

use serde::Deserialize;

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
