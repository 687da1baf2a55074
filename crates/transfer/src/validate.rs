//! The checks a dataset file must pass beyond its JSON shape: country codes are checked by
//! `CountryCode` while parsing; here dates in order, unique references and a consistent EEA.

use crate::dataset::{Dataset, Destination};
use crate::error::DatasetError;
use chrono::NaiveDate;
use std::collections::HashSet;

pub(crate) fn dataset(d: &Dataset) -> Result<(), DatasetError> {
    if d.version.trim().is_empty() {
        return Err(DatasetError::Invalid(
            "the dataset has no version".to_string(),
        ));
    }
    if d.eea.is_empty() {
        return Err(DatasetError::Invalid(
            "the dataset lists no EEA country".to_string(),
        ));
    }
    let mut eea = HashSet::new();
    for c in &d.eea {
        if !eea.insert(c) {
            return Err(DatasetError::Invalid(format!(
                "{c} is listed twice among the EEA countries"
            )));
        }
    }
    if let Some(c) = d.eea_efta.iter().find(|c| !eea.contains(c)) {
        return Err(DatasetError::Invalid(format!(
            "{c} is listed among the EEA states outside the EU but not among the EEA countries"
        )));
    }
    let mut references = HashSet::new();
    let mut unique = |reference: &str| {
        if references.insert(reference.to_ascii_lowercase()) {
            Ok(())
        } else {
            Err(DatasetError::DuplicateReference(reference.to_string()))
        }
    };
    for a in &d.adequacy {
        let row = format!("adequacy decision {} ({})", a.reference, a.name);
        unique(&a.reference)?;
        if let Destination::Country(c) = &a.destination
            && eea.contains(c)
        {
            return Err(DatasetError::Invalid(format!(
                "{row}: {c} is in the EEA and needs no adequacy decision"
            )));
        }
        if let Some(end) = a.ends_on {
            in_order(&row, ("adopted_on", a.adopted_on), ("ends_on", end))?;
        }
        if let Some(e) = a
            .applied_early
            .iter()
            .find(|e| !d.eea_efta.contains(&e.country))
        {
            return Err(DatasetError::Invalid(format!(
                "{row}: {} applies it early but is not an EEA state outside the EU",
                e.country
            )));
        }
        if let Some(eea) = a.eea_incorporated_on() {
            in_order(
                &row,
                ("adopted_on", a.adopted_on),
                ("eea incorporated_on", eea),
            )?;
        }
        in_order(&row, ("verified_on", a.verified_on), ("date", d.date))?;
    }
    for i in &d.invalidated {
        let row = format!("invalidated instrument {} ({})", i.reference, i.name);
        unique(&i.reference)?;
        in_order(
            &row,
            ("adopted_on", i.adopted_on),
            ("invalid_from", i.invalid_from),
        )?;
        if let Some(new) = i.new_contracts_invalid_from {
            in_order(
                &row,
                ("new_contracts_invalid_from", new),
                ("invalid_from", i.invalid_from),
            )?;
        }
        in_order(&row, ("verified_on", i.verified_on), ("date", d.date))?;
    }
    for s in &d.scc {
        let row = format!("SCC generation {}", s.reference);
        unique(&s.reference)?;
        in_order(&row, ("verified_on", s.verified_on), ("date", d.date))?;
        let mut modules = HashSet::new();
        for m in &s.modules {
            if !modules.insert(m.module) {
                return Err(DatasetError::Invalid(format!(
                    "{row}: module {} is listed twice",
                    m.number
                )));
            }
        }
    }
    Ok(())
}

fn in_order(
    row: &str,
    (first_field, first): (&'static str, NaiveDate),
    (second_field, second): (&'static str, NaiveDate),
) -> Result<(), DatasetError> {
    if first <= second {
        Ok(())
    } else {
        Err(DatasetError::DatesOutOfOrder {
            row: row.to_string(),
            first_field,
            first,
            second_field,
            second,
        })
    }
}
