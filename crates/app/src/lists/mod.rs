//! Vendors' subprocessor lists: a file or pasted text read into a preview the user corrects,
//! saved as a new version; the change from the version before; the date by which each
//! organisation must object; and the user's review of the change.

mod changes;
mod impact;
mod matching;
mod preview;
mod published;

pub use changes::{ChangedField, EntryChange, ListChanges, compare};
pub use dpadesk_import::Watch;
pub use impact::{ActivityRef, ListChangeReport, OrganisationImpact, object_by};
pub use matching::{find_vendor, same_entity};
pub use preview::{ExcludedRow, ImportPreview, PreviewRow, read_file, read_text, refuse_oversized};
pub use published::{FetchLimits, ListCheck, ListCheckOutcome, check_url, fetch};

use crate::{App, AppError, AppResult, FieldError};
use chrono::NaiveDate;
use dpadesk_model::*;
use std::collections::HashMap;

impl App {
    /// Links each previewed row to the catalogue vendor it names, where one does. The vault's
    /// own vendors are the user's part of the catalogue: a row the list gives no country
    /// takes the matched vendor's, highlighted for the user to confirm.
    pub async fn match_vendors(&self, preview: &mut ImportPreview) -> AppResult<()> {
        let vendors = self.list::<VendorData>().await?;
        for row in &mut preview.rows {
            if row.entry.vendor_id.is_none() {
                row.entry.vendor_id = find_vendor(&row.entry.name, &vendors);
            }
            let known = row
                .entry
                .vendor_id
                .and_then(|id| vendors.iter().find(|v| v.id == id))
                .and_then(|v| v.data.country.clone());
            if row.entry.country.is_none()
                && let Some(country) = known
            {
                row.entry.country = Some(country);
                if !row.uncertain.iter().any(|f| f == "country") {
                    row.uncertain.push("country".to_string());
                }
            }
        }
        Ok(())
    }

    /// Stores the rows the user confirmed as the vendor's newest list version. Rows the user
    /// matched to a catalogue vendor under another name teach that vendor the name.
    pub async fn save_list(
        &self,
        vendor: Id,
        received_on: Option<NaiveDate>,
        source: &str,
        content_hash: &str,
        entries: Vec<SubprocessorEntry>,
    ) -> AppResult<SubprocessorList> {
        self.save_version(SubprocessorListData {
            vendor_id: vendor,
            received_on: Some(received_on.unwrap_or_else(|| self.now().date_naive())),
            source: source.to_string(),
            content_hash: content_hash.to_string(),
            entries,
            review: ChangeReview::default(),
            evidence: None,
        })
        .await
    }

    /// Stores a list version, refusing one without rows, and learns the names it matched.
    pub(crate) async fn save_version(
        &self,
        version: SubprocessorListData,
    ) -> AppResult<SubprocessorList> {
        if version.entries.is_empty() {
            return Err(AppError::Invalid(vec![FieldError::new(
                "entries",
                "The list has no subprocessors. Add at least one row, or cancel the import.",
            )]));
        }
        let list = self.create(version).await?;
        self.learn_aliases(&list.entries).await?;
        Ok(list)
    }

    async fn learn_aliases(&self, entries: &[SubprocessorEntry]) -> AppResult<()> {
        for entry in entries {
            let Some(id) = entry.vendor_id else { continue };
            let mut vendor = self.get::<VendorData>(id).await?;
            let name = entry.name.trim();
            let known = std::iter::once(&vendor.legal_name)
                .chain(&vendor.aliases)
                .any(|n| n.eq_ignore_ascii_case(name));
            if !known && !name.is_empty() {
                vendor.data.aliases.push(name.to_string());
                self.update(id, vendor.data).await?;
            }
        }
        Ok(())
    }

    /// Per vendor, its newest list version when it changed the one before and awaits review.
    pub async fn changed_lists(&self) -> AppResult<HashMap<Id, SubprocessorList>> {
        let all = self.all_lists().await?;
        let mut by_vendor: HashMap<Id, Vec<&SubprocessorList>> = HashMap::new();
        for list in all.iter() {
            by_vendor.entry(list.vendor_id).or_default().push(list);
        }
        Ok(by_vendor
            .into_iter()
            .filter_map(|(vendor, mut versions)| {
                let newest = versions.pop()?;
                let previous = versions.pop()?;
                let pending = newest.review.status == ReviewStatus::Pending;
                (pending && !compare(&previous.entries, &newest.entries).is_empty())
                    .then(|| (vendor, newest.clone()))
            })
            .collect())
    }

    /// A version compared with the one received before it, and whom the change concerns.
    pub async fn list_change(&self, list: Id) -> AppResult<ListChangeReport> {
        let current = self.get::<SubprocessorListData>(list).await?;
        let vendor = self.get::<VendorData>(current.vendor_id).await?;
        let versions = self.subprocessor_lists_of(vendor.id).await?;
        let previous = versions
            .iter()
            .take_while(|v| v.id != current.id)
            .last()
            .cloned();
        let changes = compare(
            previous.as_ref().map_or(&[][..], |p| &p.entries),
            &current.entries,
        );
        let organisations = impact::organisations(self, &vendor, &current).await?;
        Ok(ListChangeReport {
            vendor_id: vendor.id,
            vendor_name: vendor.data.legal_name,
            list: current,
            previous,
            changes,
            organisations,
        })
    }

    /// Records the user's decision on a received version: reviewed, accepted or objected.
    pub async fn review_list(&self, list: Id, review: ChangeReview) -> AppResult<SubprocessorList> {
        let mut current = self.get::<SubprocessorListData>(list).await?;
        current.data.review = ChangeReview {
            decided_on: review.decided_on.or_else(|| {
                (review.status != ReviewStatus::Pending).then(|| self.now().date_naive())
            }),
            ..review
        };
        self.update(list, current.data).await
    }
}
