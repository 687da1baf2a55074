//! Lists written one entry a line, the fields set off by spaced dashes: "**Cloudflare, Inc.**
//! – USA – Content delivery – EU SCCs", as vendors' Markdown and plain-text lists give them. A
//! line is an entry when it has at least three fields, opens with a name, and a later field is
//! a country or an area; the fields are then told apart by what they hold, since vendors order
//! them differently.

use super::draft::{Draft, Origin};
use super::names;
use crate::{country, mechanism};

/// The drafts of the unclaimed lines that read as entries, with their line numbers.
pub(super) fn drafts(lines: &[String], claimed: &[bool]) -> Vec<(usize, Draft)> {
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !claimed[*i])
        .filter_map(|(i, line)| parse(line).map(|d| (i, d)))
        .collect()
}

fn parse(source: &str) -> Option<Draft> {
    // Only spaced dashes separate fields: "EU-U.S. DPF" and "Jean-Luc" keep theirs.
    let plain = names::without_list_marker(source)
        .replace("**", "")
        .replace(" — ", " – ")
        .replace(" - ", " – ");
    let fields: Vec<&str> = plain
        .split(" – ")
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .collect();
    let (name, rest) = fields.split_first()?;
    let name = names::clean_name(name);
    if rest.len() < 2 || !(names::legal_form_end(&name).is_some() || names::looks_like_name(&name))
    {
        return None;
    }
    // A country field is short ("USA", "United States of America"); a longer one is a service
    // that merely mentions a country.
    let short = |f: &str| f.split_whitespace().count() <= 4;
    let is_country = |f: &str| short(f) && country::from_cell(f).is_some();
    let is_area = |f: &str| short(f) && country::area(f).is_some();
    let named = |f: &str| !mechanism::mentions(f).is_empty();
    let country_field = rest.iter().find(|f| is_country(f));
    let area_field = rest.iter().find(|f| is_area(f) && !named(f));
    if country_field.is_none() && area_field.is_none() {
        return None;
    }
    let mut draft = Draft::new(Origin::FlatTable, &name, source);
    draft.country = country_field.map_or_else(String::new, |f| f.to_string());
    draft.location = area_field.map_or_else(String::new, |f| f.to_string());
    draft.mechanism = rest
        .iter()
        .filter(|f| named(f))
        .copied()
        .collect::<Vec<_>>()
        .join("; ");
    draft.service = rest
        .iter()
        .find(|f| !is_country(f) && !is_area(f) && !named(f))
        .map_or_else(String::new, |f| f.to_string());
    Some(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_by_what_they_hold() {
        let d = parse("- **Cloudflare, Inc.** – USA – Content delivery – EU SCCs").unwrap();
        assert_eq!(d.name, "Cloudflare, Inc.");
        assert_eq!(d.country, "USA");
        assert_eq!(d.service, "Content delivery");
        assert_eq!(d.mechanism, "EU SCCs");
        let d = parse("Acme B.V. – Support – N/A – EEA").unwrap();
        assert_eq!(
            (d.location.as_str(), d.service.as_str()),
            ("EEA", "Support")
        );
    }

    #[test]
    fn titles_and_menus_are_no_entries() {
        assert!(parse("Annex III – List of sub-processors").is_none());
        assert!(parse("Home – Pricing – Contact").is_none());
    }
}
