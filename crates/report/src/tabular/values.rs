//! How a model value reads in a cell: enum values through the labels the PDF documents use
//! too (keys `<group>.<serde name>` in `document.json`, so a term reads the same in every
//! file), multi-valued fields joined with "; ". User text is never translated.

use crate::Labels;
use crate::wording::Words;
use chrono::NaiveDate;
use dpadesk_model::*;
use serde::Serialize;

/// The label of an enum value, e.g. `("mechanism", Scc)` → `mechanism.scc`.
pub(super) fn label<T: Serialize>(l: Labels, group: &str, value: &T) -> &'static str {
    l.get(&format!("{group}.{}", serde_name(value)))
}

pub(super) fn optional<T: Serialize>(l: Labels, group: &str, value: &Option<T>) -> String {
    value
        .as_ref()
        .map(|v| label(l, group, v).to_string())
        .unwrap_or_default()
}

/// The items that say something, one after the other.
pub(super) fn join(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// `main (detail)`, or `main` alone when there is no detail.
pub(super) fn with_detail(main: &str, detail: &str) -> String {
    match detail.trim() {
        "" => main.to_string(),
        detail => format!("{main} ({detail})"),
    }
}

pub(super) fn yes_no(l: Labels, value: bool) -> String {
    l.get(if value { "doc.yes" } else { "doc.no" }).to_string()
}

pub(super) fn country(c: &Option<CountryCode>) -> String {
    c.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub(super) fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Name, e-mail and phone, those that are filled.
pub(super) fn contact(c: &Contact) -> String {
    [&c.name, &c.email, &c.phone]
        .into_iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Payroll (Art. 6(1)(c) – Legal obligation): Labour Code, art. 94".
pub(super) fn purpose(l: Labels, p: &Purpose) -> String {
    let head = with_detail(p.description.trim(), label(l, "basis", &p.legal_basis));
    match p.basis_detail.trim() {
        "" => head,
        detail => format!("{head}: {detail}"),
    }
}

pub(super) fn art9(l: Labels, p: &Purpose) -> Option<String> {
    let condition = label(l, "art9", p.art9_condition.as_ref()?);
    Some(with_detail(p.description.trim(), condition))
}

pub(super) fn art10(l: Labels, p: &Purpose) -> Option<String> {
    let basis = match p.art10_basis.as_ref()? {
        Art10Basis::OfficialAuthority => l.get("art10.official_authority").to_string(),
        Art10Basis::AuthorisedByLaw { law } => match law.trim() {
            "" => l.get("art10.authorised_by_law").to_string(),
            law => format!("{}: {law}", l.get("art10.authorised_by_law")),
        },
    };
    Some(with_detail(p.description.trim(), &basis))
}

/// The category's name, marked when it is Art. 9 or Art. 10 data.
pub(super) fn data_category(l: Labels, c: &DataCategory) -> String {
    match c.sensitivity {
        DataSensitivity::Ordinary => c.name.trim().to_string(),
        other => format!("{} [{}]", c.name.trim(), label(l, "sensitivity", &other)),
    }
}

/// "5 years from the end of employment", in the language's plural forms (shared with the
/// PDF documents).
pub(super) fn retention(l: Labels, r: &Retention) -> String {
    Words::new(l.0).retention(r)
}

/// "Marketing team (internal recipient)", "Vercom S.A. (processor, PL)".
pub(super) fn recipient(l: Labels, r: &Recipient) -> String {
    let kind = label(l, "recipient", &r.kind);
    match &r.country {
        Some(c) => format!("{} ({kind}, {c})", r.name.trim()),
        None => format!("{} ({kind})", r.name.trim()),
    }
}

/// "Google LLC (US) – standard contractual clauses (SCCs with an assessment)".
pub(super) fn transfer(l: Labels, t: &TransferRecord) -> String {
    let mechanism = label(l, "mechanism", &t.mechanism);
    with_detail(
        &format!("{} ({}) – {mechanism}", t.recipient.trim(), t.country),
        &t.safeguards,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of every enum a cell shows, and every fixed phrase taken from the PDF
    /// documents' labels, has an English label (the other languages are held to English's
    /// keys by tests/labels.rs).
    #[test]
    fn every_label_a_cell_uses_exists() {
        fn names<T: Serialize>(group: &str, values: &[T]) -> Vec<String> {
            values
                .iter()
                .map(|v| format!("{group}.{}", serde_name(v)))
                .collect()
        }
        use ActivityStatus as S;
        use ControlGroup as G;
        use RecipientKind as R;
        use SccModule as M;
        use TiaConclusion as C;
        use TransferMechanism as T;
        let keys = [
            names("basis", &LegalBasis::ALL),
            names("art9", &Art9Condition::ALL),
            names("art28", &Art28Item::ALL),
            names("status", &[S::Draft, S::Active, S::Retired]),
            names(
                "sensitivity",
                &[DataSensitivity::Special, DataSensitivity::Criminal],
            ),
            names(
                "recipient",
                &[R::Internal, R::Processor, R::ThirdParty, R::PublicAuthority],
            ),
            names(
                "mechanism",
                &[
                    T::Eea,
                    T::Adequacy,
                    T::Dpf,
                    T::Scc,
                    T::Bcr,
                    T::PrivacyShield,
                    T::Art49,
                    T::DpaOnly,
                    T::Unknown,
                ],
            ),
            names(
                "scc",
                &[
                    M::ControllerToController,
                    M::ControllerToProcessor,
                    M::ProcessorToProcessor,
                    M::ProcessorToController,
                ],
            ),
            names(
                "tia.conclusion",
                &[
                    C::Undecided,
                    C::Equivalent,
                    C::EquivalentWithMeasures,
                    C::NotEquivalent,
                ],
            ),
            names(
                "group",
                &[
                    G::EntryControl,
                    G::SystemAccessControl,
                    G::DataAccessControl,
                    G::SeparationControl,
                    G::TransferControl,
                    G::InputControl,
                    G::AvailabilityControl,
                    G::InstructionControl,
                    G::Other,
                ],
            ),
            [
                "art10.official_authority",
                "art10.authorised_by_law",
                "doc.yes",
                "doc.no",
                "dpa.signed_on",
                "dpa.recorded",
                "dpa.none",
                "tia.none",
                "tia.not_needed",
            ]
            .map(String::from)
            .to_vec(),
        ];
        let en = Labels(crate::Lang::En);
        for key in keys.iter().flatten() {
            assert_ne!(en.get(key), key, "no English label for {key}");
        }
    }
}
