//! `dpadesk activity …`: processing activities of an organisation's register.

use super::{Document, Fields, Listed, Query, set, set_list};
use crate::parse;
use chrono::NaiveDate;
use dpadesk_app::{App, AppError, AppResult, FieldError};
use dpadesk_model::*;

#[derive(Debug, Default, clap::Args)]
pub struct ActivityFields {
    /// Organisation id or name.
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    name: Option<String>,
    /// The organisation's own reference, e.g. HR-01.
    #[arg(long)]
    reference: Option<String>,
    #[arg(long)]
    description: Option<String>,
    /// draft, active or retired.
    #[arg(long, value_parser = parse::status::<ActivityStatus>)]
    status: Option<ActivityStatus>,
    #[arg(long)]
    owner_department: Option<String>,
    #[arg(long)]
    owner_contact: Option<String>,
    /// PURPOSE=BASIS with the Art. 6(1) letter or name, e.g. "Payroll=c" (repeatable).
    #[arg(long = "purpose", value_parser = parse::purpose)]
    purposes: Vec<Purpose>,
    /// The Art. 9(2) condition (letter a–j) for the purposes given.
    #[arg(long)]
    art9: Option<char>,
    /// The law that allows processing criminal-offence data (Art. 10), for the purposes given.
    #[arg(long)]
    art10_law: Option<String>,
    /// A category of data subjects (repeatable).
    #[arg(long = "subject")]
    subjects: Vec<String>,
    /// A data category, optionally with retention: "Contact data:3y from end of contract".
    #[arg(long = "data")]
    data: Vec<String>,
    /// A special-category (Art. 9) data category, same form as --data.
    #[arg(long = "special-data")]
    special_data: Vec<String>,
    /// A criminal-offence (Art. 10) data category, same form as --data.
    #[arg(long = "criminal-data")]
    criminal_data: Vec<String>,
    /// KIND:NAME with KIND internal, third-party or public-authority (repeatable).
    #[arg(long = "recipient")]
    recipients: Vec<String>,
    /// A vendor (id or name) acting as processor for this activity (repeatable).
    #[arg(long = "processor")]
    processors: Vec<String>,
    /// A measure id from the library (repeatable).
    #[arg(long = "measure", value_parser = parse::id)]
    measures: Vec<Id>,
    /// Reference of the DPIA; giving one marks the DPIA as needed.
    #[arg(long)]
    dpia_ref: Option<String>,
    #[arg(long = "system")]
    systems: Vec<String>,
    #[arg(long = "location")]
    locations: Vec<String>,
    #[arg(long, value_parser = parse::date)]
    reviewed: Option<NaiveDate>,
    #[arg(long, value_parser = parse::date)]
    next_review: Option<NaiveDate>,
}

/// "3y from end of contract" or "30 days after the event" → a period; anything else → a
/// rule in words.
fn retention(text: &str) -> Retention {
    let text = text.trim();
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let after_number = text[digits.len()..].trim_start();
    let (unit_word, rest) = after_number
        .split_once(char::is_whitespace)
        .unwrap_or((after_number, ""));
    let unit = match unit_word.to_lowercase().as_str() {
        "d" | "day" | "days" => Some(PeriodUnit::Days),
        "m" | "month" | "months" => Some(PeriodUnit::Months),
        "y" | "year" | "years" => Some(PeriodUnit::Years),
        _ => None,
    };
    match (digits.parse::<u32>(), unit) {
        (Ok(count), Some(unit)) => {
            let trigger = rest.trim();
            let trigger = ["from ", "after "]
                .iter()
                .find_map(|p| trigger.strip_prefix(p))
                .unwrap_or(trigger);
            Retention::Period {
                count,
                unit,
                trigger: trigger.trim().to_string(),
            }
        }
        _ => Retention::Rule {
            text: text.to_string(),
        },
    }
}

fn category(spec: &str, sensitivity: DataSensitivity) -> DataCategory {
    let (name, ret) = spec
        .split_once(':')
        .map_or((spec, None), |(n, r)| (n, Some(r)));
    DataCategory {
        name: name.trim().to_string(),
        sensitivity,
        retention: ret.map(retention),
    }
}

fn recipient(spec: &str) -> AppResult<Recipient> {
    let invalid = || {
        AppError::Invalid(vec![FieldError::new(
            "recipient",
            format!(
                "“{spec}”: write KIND:NAME with KIND internal, third-party or public-authority"
            ),
        )])
    };
    let (kind, name) = spec.split_once(':').ok_or_else(invalid)?;
    let kind = match kind.trim().to_lowercase().replace('_', "-").as_str() {
        "internal" => RecipientKind::Internal,
        "third-party" => RecipientKind::ThirdParty,
        "public-authority" => RecipientKind::PublicAuthority,
        _ => return Err(invalid()),
    };
    Ok(Recipient {
        kind,
        name: name.trim().to_string(),
        vendor_id: None,
        country: None,
    })
}

impl Fields<ActivityData> for ActivityFields {
    fn required_for_add(&self) -> Vec<FieldError> {
        match self.org {
            None => vec![FieldError::new("org", "Name the organisation with --org.")],
            Some(_) => Vec::new(),
        }
    }

    async fn apply(self, app: &App, d: &mut ActivityData) -> AppResult<Option<Document>> {
        if let Some(org) = self.org {
            d.organisation_id = app.find_organisation(&org).await?.id;
        }
        set(&mut d.name, self.name);
        set(&mut d.reference, self.reference);
        set(&mut d.description, self.description);
        set(&mut d.status, self.status);
        set(&mut d.owner.department, self.owner_department);
        set(&mut d.owner.contact.name, self.owner_contact);
        set_list(&mut d.purposes, self.purposes);
        if let Some(letter) = self.art9 {
            let condition = Art9Condition::ALL
                .into_iter()
                .find(|c| c.letter() == letter.to_ascii_lowercase())
                .ok_or_else(|| {
                    AppError::Invalid(vec![FieldError::new(
                        "art9",
                        format!("“{letter}” is not a point of Art. 9(2); use a letter a–j"),
                    )])
                })?;
            d.purposes
                .iter_mut()
                .for_each(|p| p.art9_condition = Some(condition));
        }
        if let Some(law) = self.art10_law {
            d.purposes.iter_mut().for_each(|p| {
                p.art10_basis = Some(Art10Basis::AuthorisedByLaw { law: law.clone() })
            });
        }
        set_list(&mut d.subject_categories, self.subjects);
        let categories: Vec<DataCategory> = (self
            .data
            .iter()
            .map(|s| category(s, DataSensitivity::Ordinary)))
        .chain(
            self.special_data
                .iter()
                .map(|s| category(s, DataSensitivity::Special)),
        )
        .chain(
            self.criminal_data
                .iter()
                .map(|s| category(s, DataSensitivity::Criminal)),
        )
        .collect();
        set_list(&mut d.data_categories, categories);
        if !self.recipients.is_empty() || !self.processors.is_empty() {
            let mut recipients = self
                .recipients
                .iter()
                .map(|s| recipient(s))
                .collect::<AppResult<Vec<_>>>()?;
            for key in &self.processors {
                let vendor = app.find_vendor(key).await?;
                recipients.push(Recipient {
                    kind: RecipientKind::Processor,
                    name: vendor.legal_name.clone(),
                    vendor_id: Some(vendor.id),
                    country: vendor.country.clone(),
                });
            }
            d.recipients = recipients;
        }
        set_list(&mut d.measure_ids, self.measures);
        if let Some(r) = self.dpia_ref {
            d.dpia_required = true;
            d.dpia_reference = r;
        }
        set_list(&mut d.systems, self.systems);
        set_list(&mut d.data_locations, self.locations);
        if self.reviewed.is_some() {
            d.reviewed_on = self.reviewed;
        }
        if self.next_review.is_some() {
            d.next_review_on = self.next_review;
        }
        Ok(None)
    }
}

impl Listed for ActivityData {
    const HEADER: &'static [&'static str] = &["ID", "REF", "NAME", "STATUS", "PURPOSES"];

    fn row(a: &Activity) -> Vec<String> {
        vec![
            a.id.to_string(),
            a.reference.clone(),
            a.name.clone(),
            dpadesk_model::serde_name(&a.status),
            a.purposes
                .iter()
                .map(|p| format!("{} (6(1)({}))", p.description, p.legal_basis.letter()))
                .collect::<Vec<_>>()
                .join("; "),
        ]
    }

    async fn find(app: &App, key: &str) -> AppResult<Activity> {
        super::find_by_id(app, key, "an activity").await
    }

    fn describe(a: &Activity) -> String {
        format!("activity “{}”", a.name)
    }
}

/// `activity list --org ORG`: one organisation's register.
#[derive(Debug, clap::Args)]
pub struct ActivityList {
    /// Organisation id or name.
    #[arg(long)]
    org: String,
    #[arg(long)]
    json: bool,
}

impl Query<ActivityData> for ActivityList {
    fn json(&self) -> bool {
        self.json
    }

    async fn fetch(self, app: &App) -> AppResult<Vec<Activity>> {
        let org = app.find_organisation(&self.org).await?;
        app.activities_of(org.id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_reads_periods_and_rules() {
        assert_eq!(
            retention("3y from end of contract"),
            Retention::Period {
                count: 3,
                unit: PeriodUnit::Years,
                trigger: "end of contract".into()
            }
        );
        assert_eq!(
            retention("30 days after the event"),
            Retention::Period {
                count: 30,
                unit: PeriodUnit::Days,
                trigger: "the event".into()
            }
        );
        assert_eq!(
            retention("until consent is withdrawn"),
            Retention::Rule {
                text: "until consent is withdrawn".into()
            }
        );
        let c = category("Health data:10y", DataSensitivity::Special);
        assert_eq!(c.name, "Health data");
        assert!(matches!(
            c.retention,
            Some(Retention::Period { count: 10, .. })
        ));
    }
}
