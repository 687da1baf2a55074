//! Tables flattened to one line a row, as PDF and DOCX readers often leave them: "Name,
//! address, postal code, city, country, service, legal cover, measures" run together on one
//! line. A line is a row when it opens with a company name followed by an address with a
//! postal code; what follows the address is the service up to the first transfer-tool phrase,
//! and that phrase's sentence is the mechanism.

use super::draft::{Draft, Origin};
use super::names;
use crate::{country, mechanism};

/// The drafts of the lines that read as rows, with their line numbers. A lone such line counts
/// only when it also names a transfer tool; two or more make a table.
pub(super) fn drafts(lines: &[String], claimed: &[bool]) -> Vec<(usize, Draft)> {
    let found: Vec<(usize, Draft)> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !claimed[*i])
        .filter_map(|(i, line)| parse(line).map(|d| (i, d)))
        .collect();
    if found.len() >= 2 {
        return found;
    }
    found
        .into_iter()
        .filter(|(_, d)| !d.mechanism.is_empty())
        .collect()
}

fn parse(source: &str) -> Option<Draft> {
    // A list pasted from Markdown ("1. **Aruba S.p.A.** – Via …") reads as its plain text.
    let plain = names::without_list_marker(source).replace("**", "");
    let line = plain.as_str();
    let name_end = names::leading_company(line)?;
    let rest = &line[name_end..];
    // The address must start soon after the name: a postal code within the next words.
    let postcode = country::postcode_mentions(rest)
        .into_iter()
        .find(|p| p.start <= 120)?;
    // A country name right after the postal code closes the address ("…, 02742 Friedersdorf
    // Germania"); otherwise it ends with the postal code and the city it includes.
    let address_end = country::name_mentions(rest)
        .into_iter()
        .find(|m| m.start >= postcode.start && m.start <= postcode.end + 40)
        .map_or(postcode.end, |m| m.end);
    // "Aruba S.p.A. – Via San Clemente 53, …": the dash that set the name off is no part of
    // the address.
    let address = rest[..address_end]
        .trim_matches([',', ' ', ';', '-', '–', '—'])
        .to_string();
    let tail = rest[address_end..].trim_start_matches([',', ' ', ';', '-', '–']);

    let mut draft = Draft::new(Origin::FlatTable, &line[..name_end], source);
    draft.address = address;
    match mechanism::mentions(tail).first() {
        Some(first) => {
            // "invio di SMS; trasferimento basato sulle clausole…": the clause that leads to
            // the tool's name is about the transfer, not the service.
            let before = &tail[..first.start];
            let clause = before.rfind("; ").or_else(|| before.rfind(". "));
            draft.service = before[..clause.unwrap_or(before.len())]
                .trim_matches([' ', ',', ';', '/', '-', '–'])
                .to_string();
            let from = &tail[first.start..];
            // The legal cover is the first sentence naming a tool; what follows ("Binding
            // corporate rules; ISO 27001 data centres…") are the supplementary measures.
            let end = from
                .find(". ")
                .or_else(|| from.find("; "))
                .map_or(from.len(), |e| e + 1);
            draft.mechanism = from[..end].to_string();
        }
        None => {
            let end = tail.find(". ").map_or(tail.len(), |e| e + 1);
            draft.service = tail[..end]
                .trim_matches([' ', ',', ';', '/'])
                .trim_end_matches('.')
                .to_string();
        }
    }
    draft.context = tail.to_string();
    Some(draft)
}
