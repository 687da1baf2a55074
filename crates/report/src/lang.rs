//! The languages a report is written in, and its labels: every fixed text of every file in
//! English, German, French, Italian, Polish and Spanish, from `labels/<lang>/*.json`. User
//! content is never translated. English is complete; the tests hold every other language
//! to the same keys and placeholders.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::LazyLock;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    De,
    Fr,
    It,
    Pl,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Self::En, Self::De, Self::Fr, Self::It, Self::Pl, Self::Es];

    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Fr => "fr",
            Self::It => "it",
            Self::Pl => "pl",
            Self::Es => "es",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// The label files of one language, in the order they are merged.
macro_rules! files {
    ($lang:literal) => {
        [
            include_str!(concat!("../labels/", $lang, "/document.json")),
            include_str!(concat!("../labels/", $lang, "/tables.json")),
        ]
    };
}

fn parse(files: [&str; 2]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for f in files {
        // The files are part of the build and checked by this crate's tests.
        let map: HashMap<String, String> =
            serde_json::from_str(f).expect("a label file is valid JSON");
        out.extend(map);
    }
    out
}

static CATALOGUES: LazyLock<HashMap<Lang, HashMap<String, String>>> = LazyLock::new(|| {
    HashMap::from([
        (Lang::En, parse(files!("en"))),
        (Lang::De, parse(files!("de"))),
        (Lang::Fr, parse(files!("fr"))),
        (Lang::It, parse(files!("it"))),
        (Lang::Pl, parse(files!("pl"))),
        (Lang::Es, parse(files!("es"))),
    ])
});

/// The labels of one language.
#[derive(Debug, Clone, Copy)]
pub struct Labels(pub Lang);

impl Labels {
    /// The label for `key`; English when the language lacks it, the key itself when English
    /// does too (so a gap shows instead of vanishing).
    pub fn get(&self, key: &str) -> &'static str {
        let lookup = |lang: Lang| CATALOGUES.get(&lang).and_then(|c| c.get(key));
        match lookup(self.0).or_else(|| lookup(Lang::En)) {
            Some(s) => s.as_str(),
            None => leak(key),
        }
    }

    /// The label with `{name}` placeholders filled.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut s = self.get(key).to_string();
        for (name, value) in values {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// Every key of a language, for the completeness tests.
    pub fn keys(lang: Lang) -> Vec<&'static str> {
        CATALOGUES
            .get(&lang)
            .map(|c| c.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }
}

fn leak(key: &str) -> &'static str {
    // Only reached for a key missing from English, which the tests forbid; a few bytes per
    // distinct missing key at worst.
    Box::leak(key.to_string().into_boxed_str())
}
