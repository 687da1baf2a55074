//! How the documents word what is not user content: labels of one language, dates written
//! out as that language writes them, counted nouns with their plural forms (Polish has
//! three), enum values, retention periods and country names.

use crate::countries::country_name;
use crate::{Labels, Lang};
use chrono::{Datelike, NaiveDate};
use dpadesk_model::{PeriodUnit, Retention, serde_name};
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
