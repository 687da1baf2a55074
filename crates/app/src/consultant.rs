//! What a consultant with many clients does: copy an activity, or a vendor's agreement
//! set-up, from one client to another, and start a new client from template activities.

use crate::{App, AppError, AppResult, library};
use dpadesk_model::*;

impl App {
    /// A copy of the activity in another organisation's register, as a draft for that
    /// client to review. Measures come along: the library is shared by the vault.
    pub async fn copy_activity(&self, activity: Id, to: Id) -> AppResult<Activity> {
        let source = self.get::<ActivityData>(activity).await?;
        self.get::<OrganisationData>(to).await?;
        let data = ActivityData {
            organisation_id: to,
            status: ActivityStatus::Draft,
            ..source.data
        };
        self.create(data).await
    }

    /// The same agreement set-up (dates, checklist, transfer terms and the signed document)
    /// for another organisation using the same vendor.
    pub async fn copy_dpa(&self, dpa: Id, to: Id) -> AppResult<Dpa> {
        let source = self.get::<DpaData>(dpa).await?;
        self.get::<OrganisationData>(to).await?;
        if self.dpas_of(to).await?.iter().any(|d| {
            d.data.vendor_id == source.data.vendor_id && d.data.version == source.data.version
        }) {
            let vendor = self.get::<VendorData>(source.data.vendor_id).await?;
            return Err(AppError::InUse(format!(
                "That organisation already has version “{}” of the agreement with {}.",
                source.data.version, vendor.data.legal_name
            )));
        }
        let document = source.data.document.clone();
        let copy = self
            .create(DpaData {
                organisation_id: to,
                document: None,
                ..source.data
            })
            .await?;
        match document {
            // Each agreement owns its file, so the copy gets its own.
            Some(doc) => {
                let bytes = self.vault().document_content(doc.id).await?;
                self.store_dpa_document(copy.id, &doc.file_name, &doc.media_type, &bytes)
                    .await
            }
            None => Ok(copy),
        }
    }

    /// Adds the chosen template activities to an organisation's register, as drafts.
    pub async fn apply_templates(
        &self,
        organisation: Id,
        keys: &[String],
    ) -> AppResult<Vec<Activity>> {
        self.get::<OrganisationData>(organisation).await?;
        let templates = keys
            .iter()
            .map(|k| {
                library::template(k)
                    .ok_or_else(|| AppError::NotFound(format!("No template “{k}”.")))
            })
            .collect::<AppResult<Vec<_>>>()?;
        let mut added = Vec::new();
        for t in templates {
            added.push(
                self.create(ActivityData {
                    organisation_id: organisation,
                    ..t.data.clone()
                })
                .await?,
            );
        }
        Ok(added)
    }
}
