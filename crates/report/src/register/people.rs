//! People and organisations as the documents print them: one line each for name, address,
//! country and contacts, empty parts left out.

use crate::wording::Words;
use dpadesk_model::{Contact, CountryCode, Dpo, OrganisationData, Party};

/// Non-empty parts, trimmed, one per line.
pub fn lines(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// "email · phone".
pub fn reach(email: &str, phone: &str) -> String {
    [email.trim(), phone.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn country(w: &Words, code: Option<&CountryCode>) -> String {
    code.map(|c| w.country(c.as_str())).unwrap_or_default()
}

pub fn party(w: &Words, p: &Party) -> String {
    lines(&[
        &p.name,
        &p.address,
        &country(w, p.country.as_ref()),
        &reach(&p.email, &p.phone),
    ])
}

pub fn contact(c: &Contact) -> String {
    lines(&[&c.name, &reach(&c.email, &c.phone)])
}

pub fn dpo(w: &Words, d: &Dpo) -> String {
    let firm = d
        .external_firm
        .as_ref()
        .filter(|f| !f.name.trim().is_empty())
        .map(|f| {
            w.fill(
                "org.dpo_firm",
                &[("firm", &party(w, f).replace('\n', ", "))],
            )
        })
        .unwrap_or_default();
    lines(&[&d.name, &reach(&d.email, &d.phone), &firm])
}

/// The organisation's DPO and EU representative as field rows, "none" where it has none;
/// the cover and the organisation's particulars show them alike.
pub fn dpo_and_representative(w: &Words, o: &OrganisationData) -> [(String, String); 2] {
    let or_none = |text: String| {
        if text.is_empty() {
            w.get("doc.none").to_string()
        } else {
            text
        }
    };
    [
        (
            w.get("field.dpo").into(),
            or_none(o.dpo.as_ref().map(|d| dpo(w, d)).unwrap_or_default()),
        ),
        (
            w.get("field.representative").into(),
            or_none(
                o.eu_representative
                    .as_ref()
                    .map(|p| party(w, p))
                    .unwrap_or_default(),
            ),
        ),
    ]
}
