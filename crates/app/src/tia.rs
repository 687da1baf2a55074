//! Transfer impact assessments over the vault: an organisation's TIAs, the one that covers a
//! transfer, and a new TIA pre-filled from what the register already says (destination, tool,
//! the dataset's notes on the destination's laws) with the checks that come before the
//! EDPB's six steps: is there a transfer, does an adequacy decision cover it, is the tool one
//! that needs a TIA.

use crate::{App, AppResult};
use chrono::NaiveDate;
use dpadesk_model::*;
use dpadesk_transfer::{Dataset, Destination, DestinationLaws};
use serde::Serialize;
use ts_rs::TS;

/// What the TIA form opens with for one transfer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TiaDraft {
    /// The assessment already recorded for this transfer, to edit; `None` for a new one.
    pub existing: Option<Tia>,
    /// The form's content: the existing assessment, or one pre-filled from the register.
    pub data: TiaData,
    pub vendor_name: String,
    /// The destination is outside the EEA (or reached from outside it): a transfer.
    pub third_country: bool,
    /// The adequacy decision in force that covers this recipient, if any (then no TIA is
    /// needed for it).
    pub adequacy: Option<String>,
    /// The tool is one of Art. 46 (SCCs, BCRs), which a TIA must support.
    pub art46_tool: bool,
    /// The dataset's notes on the destination's laws, where it has them.
    pub laws: Option<DestinationLaws>,
}

/// Same transfer: the same vendor relationship and the same subprocessor (any case).
fn covers(t: &TiaData, vendor: Id, subprocessor: &str) -> bool {
    t.vendor_id == vendor
        && t.subprocessor
            .trim()
            .eq_ignore_ascii_case(subprocessor.trim())
}

/// The adequacy decision in force on `day` that covers a recipient in `country`.
fn adequacy(
    ds: &Dataset,
    country: &CountryCode,
    vendor: &VendorData,
    day: NaiveDate,
) -> Option<String> {
    let destination = Destination::Country(country.clone());
    ds.decisions_for(&destination)
        .filter(|d| d.in_force_on(day))
        .find(|d| outcome_of(&vendor.scope_checks, d.scope) == CheckOutcome::Inside)
        .map(|d| format!("{} ({})", d.name, d.reference))
}

impl App {
    /// The entry named `name` on the vendor's newest list, or further down the chain on the
    /// lists of entries matched to catalogue vendors (nearest first).
    async fn entry_in_chain(&self, vendor: Id, name: &str) -> AppResult<Option<SubprocessorEntry>> {
        let lists = self.all_lists().await?;
        let newest = |v: Id| lists.iter().rfind(|l| l.vendor_id == v);
        let mut queue = std::collections::VecDeque::from([vendor]);
        let mut seen = vec![vendor];
        while let Some(v) = queue.pop_front() {
            let Some(list) = newest(v) else { continue };
            if let Some(e) = list
                .entries
                .iter()
                .find(|e| e.name.trim().eq_ignore_ascii_case(name))
            {
                return Ok(Some(e.clone()));
            }
            for next in list.entries.iter().filter_map(|e| e.vendor_id) {
                if !seen.contains(&next) {
                    seen.push(next);
                    queue.push_back(next);
                }
            }
        }
        Ok(None)
    }

    pub async fn tias_of(&self, organisation: Id) -> AppResult<Vec<Tia>> {
        self.get::<OrganisationData>(organisation).await?;
        Ok(self.vault.tias_of(organisation).await?)
    }

    /// The TIA of a transfer to `vendor` (or, with `subprocessor`, onward to one of the
    /// vendor's subprocessors) as the form should open it on `today`.
    pub async fn tia_draft(
        &self,
        organisation: Id,
        vendor: Id,
        subprocessor: &str,
        today: NaiveDate,
    ) -> AppResult<TiaDraft> {
        let existing = self
            .tias_of(organisation)
            .await?
            .into_iter()
            .rev()
            .find(|t| covers(t, vendor, subprocessor));
        let v = self.get::<VendorData>(vendor).await?;
        let dpa = self
            .dpas_of(organisation)
            .await?
            .into_iter()
            .rfind(|d| d.vendor_id == vendor);
        let entry = match subprocessor.trim() {
            "" => None,
            name => self.entry_in_chain(vendor, name).await?,
        };
        let data = match &existing {
            Some(t) => t.data.clone(),
            None => {
                let (country, mechanism, scc_module) = match &entry {
                    Some(e) => (e.country.clone(), e.mechanism, None),
                    None => (
                        v.data.country.clone(),
                        dpa.as_ref().and_then(|d| d.transfer_mechanism),
                        dpa.as_ref().and_then(|d| d.scc_module),
                    ),
                };
                TiaData {
                    organisation_id: organisation,
                    vendor_id: vendor,
                    subprocessor: subprocessor.trim().to_string(),
                    country,
                    mechanism,
                    scc_module,
                    ..TiaData::default()
                }
            }
        };
        let ds = self.dataset().await?;
        let (third_country, adequacy) = match &data.country {
            Some(c) => (
                !ds.is_eea(c) || v.data.remote_access_from.iter().any(|r| !ds.is_eea(r)),
                adequacy(&ds, c, &v.data, today),
            ),
            None => (false, None),
        };
        Ok(TiaDraft {
            art46_tool: matches!(
                data.mechanism,
                Some(TransferMechanism::Scc | TransferMechanism::Bcr)
            ),
            laws: data.country.as_ref().and_then(|c| ds.laws_of(c)).cloned(),
            vendor_name: v.data.legal_name.clone(),
            third_country,
            adequacy,
            existing,
            data,
        })
    }
}

/// The TIAs of an organisation as the checker reads them, keyed by vendor and subprocessor
/// (lower case; empty for the vendor itself). Only concluded assessments count.
pub(crate) fn concluded(
    tias: &[Tia],
) -> std::collections::HashMap<(Id, String), dpadesk_transfer::Tia> {
    let mut out = std::collections::HashMap::new();
    for t in tias {
        let (Some(done_on), false) = (t.assessed_on, t.conclusion == TiaConclusion::Undecided)
        else {
            continue;
        };
        let key = (t.vendor_id, t.subprocessor.trim().to_lowercase());
        let tia = dpadesk_transfer::Tia {
            done_on,
            re_evaluate_on: t.re_evaluate_on,
            not_equivalent: t.conclusion == TiaConclusion::NotEquivalent,
        };
        // The latest assessment of a transfer is the one that counts.
        out.entry(key)
            .and_modify(|kept: &mut dpadesk_transfer::Tia| {
                if tia.done_on >= kept.done_on {
                    *kept = tia;
                }
            })
            .or_insert(tia);
    }
    out
}
