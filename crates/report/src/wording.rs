//! How the documents word what is not user content: labels of one language, dates written
//! out as that language writes them, counted nouns with their plural forms (Polish has
//! three), enum values, retention periods and country names.

use crate::countries::country_name;
use crate::{Labels, Lang};
use chrono::{Datelike, NaiveDate};
use dpadesk_model::{AdequacyScope, PeriodUnit, Retention, ScopeCheck, outcome_of, serde_name};
use serde::Serialize;

#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub lang: Lang,
    labels: Labels,
}

impl Words {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            labels: Labels(lang),
        }
    }

    pub fn get(&self, key: &str) -> &'static str {
        self.labels.get(key)
    }

    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.labels.fill(key, values)
    }

    /// The label of an enum value: `prefix.<its serde name>`.
    pub fn value<T: Serialize>(&self, prefix: &str, value: &T) -> &'static str {
        self.get(&format!("{prefix}.{}", serde_name(value)))
    }

    /// "2 December 2025", "2. Dezember 2025", "2 grudnia 2025", …
    pub fn date(&self, d: NaiveDate) -> String {
        let day = if d.day() == 1 {
            self.get("date.first_day").to_string()
        } else {
            d.day().to_string()
        };
        self.fill(
            "date.format",
            &[
                ("day", &day),
                ("month", self.get(&format!("date.month.{}", d.month()))),
                ("year", &d.year().to_string()),
            ],
        )
    }

    /// The vendor's DPF participation as last checked: "Certified (2 December 2026,
    /// dataprivacyframework.gov/…)", "Not certified (…)" or "Not checked".
    pub fn dpf(&self, checks: &[ScopeCheck]) -> String {
        let outcome = outcome_of(checks, AdequacyScope::DpfListed);
        let check = checks.iter().find(|c| c.scope == AdequacyScope::DpfListed);
        self.with_check(self.value("scopeCheck.dpf", &outcome), check)
    }

    /// The partial adequacy scopes checked for a vendor (the DPF list aside), "; "-joined:
    /// "only organisations subject to PIPEDA: inside (2 December 2026)".
    pub fn scope_checks(&self, checks: &[ScopeCheck]) -> String {
        checks
            .iter()
            .filter(|c| c.scope != AdequacyScope::DpfListed)
            .map(|c| {
                let outcome = self.value("scopeCheck", &c.outcome);
                let scope = self.value("adequacyScope", &c.scope);
                self.with_check(&format!("{scope}: {outcome}"), Some(c))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn with_check(&self, outcome: &str, check: Option<&ScopeCheck>) -> String {
        let detail: Vec<String> = check
            .into_iter()
            .flat_map(|c| {
                [
                    c.checked_on.map(|d| self.date(d)),
                    Some(c.source.trim().to_string()),
                ]
            })
            .flatten()
            .filter(|d| !d.is_empty())
            .collect();
        match detail.is_empty() {
            true => outcome.to_string(),
            false => format!("{outcome} ({})", detail.join(", ")),
        }
    }

    /// A date, or the "not recorded" dash.
    pub fn date_or_dash(&self, d: Option<NaiveDate>) -> String {
        d.map_or_else(|| self.get("doc.none").to_string(), |d| self.date(d))
    }

    /// `key.one`, `key.few` or `key.many` with `{n}` filled, by the language's plural rule.
    pub fn count(&self, key: &str, n: usize) -> String {
        let form = match self.lang {
            Lang::Pl => {
                let (tens, units) = (n % 100, n % 10);
                if n == 1 {
                    "one"
                } else if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
                    "few"
                } else {
                    "many"
                }
            }
            Lang::Fr if n <= 1 => "one",
            _ if n == 1 => "one",
            _ => "many",
        };
        self.fill(&format!("{key}.{form}"), &[("n", &n.to_string())])
    }

    pub fn retention(&self, r: &Retention) -> String {
        match r {
            Retention::Period {
                count,
                unit,
                trigger,
            } => {
                let key = match unit {
                    PeriodUnit::Days => "period.days",
                    PeriodUnit::Months => "period.months",
                    PeriodUnit::Years => "period.years",
                };
                let period = self.count(key, *count as usize);
                if trigger.trim().is_empty() {
                    period
                } else {
                    self.fill(
                        "period.from",
                        &[("period", &period), ("trigger", trigger.trim())],
                    )
                }
            }
            Retention::Rule { text } => text.trim().to_string(),
        }
    }

    pub fn country(&self, code: &str) -> String {
        country_name(code, self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_plurals_follow_the_language() {
        let d = NaiveDate::from_ymd_opt(2025, 12, 2).unwrap();
        assert_eq!(Words::new(Lang::En).date(d), "2 December 2025");
        assert_eq!(Words::new(Lang::De).date(d), "2. Dezember 2025");
        assert_eq!(Words::new(Lang::Pl).date(d), "2 grudnia 2025");
        assert_eq!(Words::new(Lang::Es).date(d), "2 de diciembre de 2025");
        let first = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        assert_eq!(Words::new(Lang::Fr).date(first), "1er mars 2025");
        let pl = Words::new(Lang::Pl);
        assert_eq!(pl.count("period.years", 1), "1 rok");
        assert_eq!(pl.count("period.years", 3), "3 lata");
        assert_eq!(pl.count("period.years", 5), "5 lat");
        assert_eq!(pl.count("period.years", 22), "22 lata");
        assert_eq!(pl.count("period.years", 12), "12 lat");
        assert_eq!(Words::new(Lang::En).count("period.months", 1), "1 month");
    }
}
