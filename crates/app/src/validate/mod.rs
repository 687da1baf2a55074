//! What makes a record acceptable: per aggregate, the field checks (pure), the records it
//! must point at (checked against the vault by `App`), and how input is tidied before saving.

use crate::error::FieldError;
use crate::search::Indexed;
use dpadesk_model::{Contact, EntityKind, Id, Party, Record};
use dpadesk_store::Aggregate;

mod activity;
mod dpa;
mod measure;
mod organisation;
mod processor_record;
mod subprocessor_list;
mod tia;
mod vendor;

/// Something a record points at that must hold in the vault when it is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requirement {
    Exists {
        field: String,
        kind: EntityKind,
        id: Id,
    },
    /// The organisation keeps a processor register (role processor or both).
    ActsAsProcessor { field: String, organisation: Id },
}

pub trait Editable: Aggregate {
    /// Tidies what the user typed (trimmed text, ordered id sets) so equal input is stored
    /// the same way.
    fn normalise(&mut self);
    /// Field errors that need no vault to find.
    fn check(&self) -> Vec<FieldError>;
    /// What must exist for the record to be saved.
    fn requirements(&self) -> Vec<Requirement>;
    /// A name that must be unique among records of this kind, if any.
    fn unique_name(&self) -> Option<&str> {
        None
    }
    /// The record as the search index and the in-memory activities know it; `None` for
    /// kinds they do not hold.
    fn indexed(_record: &Record<Self>) -> Option<Indexed<'_>>
    where
        Self: Sized,
    {
        None
    }
    /// The one organisation whose transfer findings a change to this record can alter;
    /// `None` when it may alter any organisation's (a vendor, a list, a measure).
    fn organisation_of(_record: &Record<Self>) -> Option<Id>
    where
        Self: Sized,
    {
        None
    }
}

pub(crate) fn exists(field: impl Into<String>, kind: EntityKind, id: Id) -> Requirement {
    Requirement::Exists {
        field: field.into(),
        kind,
        id,
    }
}

pub(crate) fn trim(s: &mut String) {
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

/// An optional name trimmed; a blank one is no name.
pub(crate) fn trim_optional(s: &mut Option<String>) {
    if let Some(v) = s {
        trim(v);
        if v.is_empty() {
            *s = None;
        }
    }
}

pub(crate) fn trim_all(list: &mut Vec<String>) {
    list.iter_mut().for_each(trim);
    list.retain(|s| !s.is_empty());
}

pub(crate) fn canonical_ids(ids: &mut Vec<Id>) {
    ids.sort();
    ids.dedup();
}

/// An SCC module is only recorded beside SCCs (a DPA's tool, a TIA's tool).
pub(crate) fn scc_module_needs_scc(
    errors: &mut Vec<FieldError>,
    module: Option<dpadesk_model::SccModule>,
    mechanism: Option<dpadesk_model::TransferMechanism>,
) {
    if module.is_some() && mechanism != Some(dpadesk_model::TransferMechanism::Scc) {
        errors.push(FieldError::new(
            "scc_module",
            "An SCC module only applies when the transfer tool is SCCs.",
        ));
    }
}

pub(crate) fn required(errors: &mut Vec<FieldError>, field: &str, value: &str, what: &str) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, format!("Enter {what}.")));
    }
}

pub(crate) fn email(errors: &mut Vec<FieldError>, field: &str, value: &str) {
    let v = value.trim();
    if v.is_empty() {
        return;
    }
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !v.contains(char::is_whitespace)
        }
        None => false,
    };
    if !ok {
        errors.push(FieldError::new(
            field,
            format!("“{v}” is not an e-mail address."),
        ));
    }
}

pub(crate) fn tidy_party(p: &mut Party) {
    for s in [&mut p.name, &mut p.address, &mut p.email, &mut p.phone] {
        trim(s);
    }
}

pub(crate) fn check_party(errors: &mut Vec<FieldError>, field: &str, p: &Party) {
    required(errors, &format!("{field}.name"), &p.name, "a name");
    email(errors, &format!("{field}.email"), &p.email);
}

pub(crate) fn tidy_contact(c: &mut Contact) {
    for s in [&mut c.name, &mut c.email, &mut c.phone] {
        trim(s);
    }
}

pub(crate) fn check_contact(errors: &mut Vec<FieldError>, field: &str, c: &Contact) {
    email(errors, &format!("{field}.email"), &c.email);
}

pub(crate) fn no_blank_items(
    errors: &mut Vec<FieldError>,
    field: &str,
    items: &[String],
    what: &str,
) {
    for (i, item) in items.iter().enumerate() {
        if item.trim().is_empty() {
            errors.push(FieldError::new(
                format!("{field}[{i}]"),
                format!("Enter {what} or remove the line."),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_check_accepts_addresses_and_refuses_others() {
        let mut errors = Vec::new();
        for ok in ["", "a@b.pl", "iod@firma.com.pl"] {
            email(&mut errors, "email", ok);
        }
        assert!(errors.is_empty(), "{errors:?}");
        for bad in ["plain", "@b.pl", "a@b", "a b@c.pl", "a@.pl"] {
            email(&mut errors, "email", bad);
        }
        assert_eq!(errors.len(), 5);
    }
}
