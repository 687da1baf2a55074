//! Watching a vendor's published list: the page at the URL the user gave is fetched (only
//! then: the app makes no network call of its own), read with the same importer as a file,
//! and, when its rows differ from the newest version, stored as a new version that the user
//! reviews like an imported one, with the URL and the hash of the bytes fetched.

use super::{ImportPreview, Watch, compare, read_file};
use crate::{App, AppError, AppResult, FieldError};
use dpadesk_model::{ChangeReview, Id, SubprocessorList, SubprocessorListData, Vendor, VendorData};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::time::Duration;
use ts_rs::TS;

/// How far a fetch may go before it is given up.
#[derive(Debug, Clone)]
pub struct FetchLimits {
    pub connect_timeout: Duration,
    /// For the whole exchange, so that a server sending slowly cannot hold it open.
    pub timeout: Duration,
    /// A published list is a page of kilobytes; far more is not one.
    pub max_bytes: u64,
    pub max_redirects: usize,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 20 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// What one check of a vendor's list found.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum ListCheckOutcome {
    /// The page lists the same subprocessors as the newest version.
    Unchanged,
    /// A new version was stored for review.
    NewVersion {
        list_id: Id,
        added: usize,
        removed: usize,
        changed: usize,
    },
    /// The page could not be fetched or read; nothing was stored.
    Failed { message: String },
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ListCheck {
    pub vendor_id: Id,
    pub vendor: String,
    pub url: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub outcome: ListCheckOutcome,
}

fn refused(message: impl Into<String>) -> AppError {
    AppError::Invalid(vec![FieldError::new("list_url", message)])
}

/// The URL as the user may enter it: http or https, nothing else.
pub fn check_url(url: &str) -> AppResult<reqwest::Url> {
    let parsed = reqwest::Url::parse(url.trim())
        .map_err(|_| refused(format!("“{url}” is not a web address (https://…).")))?;
    match parsed.scheme() {
        "https" | "http" => Ok(parsed),
        other => Err(refused(format!(
            "“{url}” is a {other}: address; give the http or https address of the vendor's page."
        ))),
    }
}

/// The bytes at `url`, within `limits`, with the address they finally came from.
pub async fn fetch(url: &str, limits: &FetchLimits) -> AppResult<(Vec<u8>, String)> {
    let parsed = check_url(url)?;
    // One crypto provider for the process; installing it twice is harmless. *ring* builds with
    // the C compiler alone; the post-quantum key exchange it lacks (hence the deprecation)
    // protects secrets for decades, and a vendor's public page is none.
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut client = reqwest::Client::builder()
        .connect_timeout(limits.connect_timeout)
        .timeout(limits.timeout)
        .redirect(reqwest::redirect::Policy::limited(limits.max_redirects))
        .user_agent(concat!("DPA Desk/", env!("CARGO_PKG_VERSION")));
    // A proxy from the environment serves the web; it cannot reach this computer's own
    // loopback addresses.
    if parsed.host_str().is_some_and(|h| {
        h == "localhost"
            || h.parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }) {
        client = client.no_proxy();
    }
    let client = client
        .build()
        .map_err(|e| refused(format!("The web client could not start: {e}")))?;
    let failed = |e: reqwest::Error| {
        let why = if e.is_timeout() {
            "it took too long to answer".to_string()
        } else if e.is_redirect() {
            "it redirects too many times".to_string()
        } else if e.is_connect() {
            "it could not be reached".to_string()
        } else {
            e.to_string()
        };
        refused(format!("The list at {url} could not be fetched: {why}."))
    };
    let mut response = client.get(parsed).send().await.map_err(failed)?;
    let status = response.status();
    if !status.is_success() {
        return Err(refused(format!(
            "The list at {url} could not be fetched: the server answered {status}."
        )));
    }
    let too_large = || {
        refused(format!(
            "The page at {url} is larger than {} MB; that is not a subprocessor list.",
            limits.max_bytes / 1024 / 1024
        ))
    };
    if response
        .content_length()
        .is_some_and(|n| n > limits.max_bytes)
    {
        return Err(too_large());
    }
    let final_url = response.url().to_string();
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(failed)? {
        if (bytes.len() + chunk.len()) as u64 > limits.max_bytes {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok((bytes, final_url))
}

/// The media type the fetched bytes are kept with, by their first bytes.
fn media_type_of(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"%PDF-") {
        "application/pdf"
    } else if bytes.starts_with(b"PK\x03\x04") {
        "application/zip"
    } else if bytes.trim_ascii_start().starts_with(b"<") {
        "text/html; charset=utf-8"
    } else {
        "text/plain; charset=utf-8"
    }
}

/// The file name the importer may recognise the format by ("…/subprocessors.pdf").
fn file_name_of(url: &str) -> Option<String> {
    let path = reqwest::Url::parse(url).ok()?.path().to_string();
    let last = path.rsplit('/').next()?.to_string();
    (last.contains('.')).then_some(last)
}

impl App {
    /// Checks the published lists of `vendor`, or of every vendor with a URL.
    pub async fn check_published_lists(
        &self,
        vendor: Option<Id>,
        limits: &FetchLimits,
    ) -> AppResult<Vec<ListCheck>> {
        let watched = self.watched(|v| vendor.is_none_or(|id| v.id == id)).await?;
        if let (Some(_), true) = (vendor, watched.is_empty()) {
            return Err(refused(
                "This vendor has no address of a published list to check; add one first.",
            ));
        }
        self.check_each(watched, limits).await
    }

    /// The daily round of the window: the vendors the user asked to have checked every day.
    pub async fn check_daily_lists(&self, limits: &FetchLimits) -> AppResult<Vec<ListCheck>> {
        let watched = self.watched(|v| v.data.watch_daily).await?;
        self.check_each(watched, limits).await
    }

    /// The vendors with an address that `keep` keeps.
    async fn watched(&self, keep: impl Fn(&Vendor) -> bool) -> AppResult<Vec<Vendor>> {
        Ok(self
            .list::<VendorData>()
            .await?
            .into_iter()
            .filter(|v| !v.data.list_url.trim().is_empty() && keep(v))
            .collect())
    }

    async fn check_each(
        &self,
        watched: Vec<Vendor>,
        limits: &FetchLimits,
    ) -> AppResult<Vec<ListCheck>> {
        let mut out = Vec::new();
        for v in watched {
            let url = v.data.list_url.trim().to_string();
            let outcome = match self.check_one(v.id, &url, limits).await {
                Ok(outcome) => outcome,
                Err(e) => ListCheckOutcome::Failed {
                    message: e.to_string(),
                },
            };
            out.push(ListCheck {
                vendor_id: v.id,
                vendor: v.data.legal_name.clone(),
                url,
                outcome,
            });
        }
        Ok(out)
    }

    async fn check_one(
        &self,
        vendor: Id,
        url: &str,
        limits: &FetchLimits,
    ) -> AppResult<ListCheckOutcome> {
        let (bytes, final_url) = fetch(url, limits).await?;
        let mut preview: ImportPreview = read_file(
            &bytes,
            file_name_of(&final_url).as_deref(),
            &Watch::default(),
        )?;
        if preview.rows.is_empty() {
            return Err(refused(format!(
                "The page at {url} was fetched, but no subprocessors could be read from it."
            )));
        }
        self.match_vendors(&mut preview).await?;
        let entries: Vec<_> = preview.rows.into_iter().map(|r| r.entry).collect();
        let newest: Option<SubprocessorList> = self
            .all_lists()
            .await?
            .iter()
            .rfind(|l| l.vendor_id == vendor)
            .cloned();
        if let Some(newest) = &newest {
            let changes = compare(&newest.entries, &entries);
            if newest.content_hash == hex::encode(Sha256::digest(&bytes)) || changes.is_empty() {
                return Ok(ListCheckOutcome::Unchanged);
            }
        }
        // The page as fetched is kept as the version's evidence.
        let name = file_name_of(&final_url).unwrap_or_else(|| "published-list.html".to_string());
        let evidence = self
            .vault
            .store_document(&name, media_type_of(&bytes), &bytes, self.now())
            .await?;
        let saved = self
            .save_version(SubprocessorListData {
                vendor_id: vendor,
                received_on: Some(self.now().date_naive()),
                source: url.to_string(),
                content_hash: evidence.sha256.clone(),
                entries,
                review: ChangeReview::default(),
                evidence: Some(evidence.id),
            })
            .await?;
        let changes = match &newest {
            Some(before) => compare(&before.entries, &saved.entries),
            None => compare(&[], &saved.entries),
        };
        Ok(ListCheckOutcome::NewVersion {
            list_id: saved.id,
            added: changes.added.len(),
            removed: changes.removed.len(),
            changed: changes.changed.len(),
        })
    }

    /// The bytes fetched for a version taken from the vendor's published address.
    pub async fn list_evidence(&self, list: Id) -> AppResult<Vec<u8>> {
        let version = self.get::<SubprocessorListData>(list).await?;
        let id = version.evidence.ok_or_else(|| {
            AppError::NotFound(format!(
                "This version came from “{}”, not from the vendor's published address; no page was fetched for it.",
                version.source
            ))
        })?;
        self.vault.document_content(id).await.map_err(|_| {
            AppError::NotFound(
                "The page fetched for this version is missing from this vault; run `dpadesk doctor` to check the vault.".into(),
            )
        })
    }
}
