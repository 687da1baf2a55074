//! Each organisation's transfer findings counted by severity for one day (the home screen's
//! badges), kept between calls. Checking every organisation of a large vault takes half a
//! second, and most changes alter one organisation's counts only; a change to what
//! organisations share (a vendor, a list, a measure, the reference dataset) or a deletion
//! forgets them all.

use chrono::NaiveDate;
use dpadesk_model::Id;
use dpadesk_transfer::SeverityCounts;
use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Debug, Default)]
pub(crate) struct FindingCounts(Mutex<Kept>);

#[derive(Debug, Default)]
struct Kept {
    day: Option<NaiveDate>,
    by_organisation: HashMap<Id, SeverityCounts>,
}

impl FindingCounts {
    pub(crate) fn get(&self, day: NaiveDate, organisation: Id) -> Option<SeverityCounts> {
        let kept = self.0.lock().ok()?;
        if kept.day != Some(day) {
            return None;
        }
        kept.by_organisation.get(&organisation).copied()
    }

    /// Keeps the counts of a check unless a change landed while it ran (`unchanged` false);
    /// counts of another day replace what was kept.
    pub(crate) fn keep(
        &self,
        day: NaiveDate,
        organisation: Id,
        counts: SeverityCounts,
        unchanged: bool,
    ) {
        let Ok(mut kept) = self.0.lock() else { return };
        if !unchanged {
            return;
        }
        if kept.day != Some(day) {
            kept.day = Some(day);
            kept.by_organisation.clear();
        }
        kept.by_organisation.insert(organisation, counts);
    }

    /// Forgets one organisation's counts, or everyone's (`None`).
    pub(crate) fn forget(&self, organisation: Option<Id>) {
        let Ok(mut kept) = self.0.lock() else { return };
        match organisation {
            Some(id) => {
                kept.by_organisation.remove(&id);
            }
            None => kept.by_organisation.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("day")
    }

    #[test]
    fn counts_are_kept_per_day_and_forgotten_per_organisation() {
        let counts = FindingCounts::default();
        let (a, b) = (Id::new(), Id::new());
        let some = SeverityCounts {
            high: 2,
            ..Default::default()
        };
        counts.keep(day("2026-12-02"), a, some, true);
        counts.keep(day("2026-12-02"), b, some, true);
        assert_eq!(counts.get(day("2026-12-02"), a), Some(some));
        assert_eq!(counts.get(day("2026-12-03"), a), None, "another day");
        counts.keep(day("2026-12-02"), a, SeverityCounts::default(), false);
        assert_eq!(
            counts.get(day("2026-12-02"), a),
            Some(some),
            "a stale check is not kept"
        );
        counts.forget(Some(a));
        assert_eq!(counts.get(day("2026-12-02"), a), None);
        assert_eq!(counts.get(day("2026-12-02"), b), Some(some));
        counts.forget(None);
        assert_eq!(counts.get(day("2026-12-02"), b), None);
        counts.keep(day("2026-12-03"), a, some, true);
        assert_eq!(
            counts.get(day("2026-12-02"), b),
            None,
            "a new day starts afresh"
        );
    }
}
