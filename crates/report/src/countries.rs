//! Country names in the six languages, from `data/countries.tsv` (made from the same
//! i18n-iso-countries package the window uses). Codes that are not ISO countries (an
//! international organisation) print as they are.

use crate::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

static NAMES: LazyLock<HashMap<&'static str, [&'static str; 6]>> = LazyLock::new(|| {
    include_str!("../data/countries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let code = cols.next()?;
            let names: Vec<&str> = cols.collect();
            Some((code, <[&str; 6]>::try_from(names).ok()?))
        })
        .collect()
});

fn column(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// The country's name in `lang`, or the code itself when it is no ISO country code.
pub fn country_name(code: &str, lang: Lang) -> String {
    let upper = code.trim().to_ascii_uppercase();
    match NAMES.get(upper.as_str()) {
        Some(names) => names[column(lang)].to_string(),
        None => code.trim().to_string(),
    }
}

/// "Germany (DE)": the name with the code, for tables where both help.
pub fn country_with_code(code: &str, lang: Lang) -> String {
    let name = country_name(code, lang);
    if name == code.trim() {
        name
    } else {
        format!("{name} ({})", code.trim().to_ascii_uppercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_language() {
        assert_eq!(country_name("de", Lang::En), "Germany");
        assert_eq!(country_name("DE", Lang::Pl), "Niemcy");
        assert_eq!(country_name("US", Lang::Fr), "États-Unis");
        assert_eq!(country_name("EPO", Lang::De), "EPO");
        assert_eq!(country_with_code("PL", Lang::It), "Polonia (PL)");
        assert!(NAMES.len() > 240);
    }
}
