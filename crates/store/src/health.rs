//! Is the vault file whole? A quick look on every open (the file's length against the page
//! count its header states: a cut-short file shows at once, for the cost of two pragmas),
//! and the full examination of `dpadesk doctor`: SQLCipher's check of every page's HMAC
//! (a page overwritten anywhere), SQLite's integrity check of the b-trees, and the foreign
//! keys.

use crate::error::{Result, StoreError};
use crate::vault::Vault;
use sea_orm::sqlx::sqlite::SqliteConnection;
use sea_orm::{ConnectionTrait, Statement};
use serde::Serialize;
use std::path::Path;

/// What the full check found; empty lists mean a sound vault.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HealthReport {
    /// Pages whose content is not what SQLCipher wrote (their HMAC does not match).
    pub damaged_pages: Vec<String>,
    /// SQLite's integrity check, in its own words, when it is not "ok".
    pub integrity: Vec<String>,
    /// Rows that point at a record that is not there.
    pub foreign_keys: Vec<String>,
}

impl HealthReport {
    pub fn is_sound(&self) -> bool {
        self.damaged_pages.is_empty() && self.integrity.is_empty() && self.foreign_keys.is_empty()
    }
}

fn wal_is_empty(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(Path::new(&wal)).map_or(true, |m| m.len() == 0)
}

/// The cheap check of every open, on the probe connection whose key was just accepted.
pub(crate) async fn quick(conn: &mut SqliteConnection, path: &Path) -> Result<()> {
    let pages: i64 = scalar(conn, "PRAGMA page_count").await?;
    let page_size: i64 = scalar(conn, "PRAGMA page_size").await?;
    let length = std::fs::metadata(path)?.len();
    // With pages still in the WAL the file may legitimately be shorter than its header says.
    if wal_is_empty(path) && (length as i128) < i128::from(pages) * i128::from(page_size) {
        return Err(StoreError::Damaged(format!(
            "it is shorter than it should be ({} of {} pages): it was cut short",
            length / page_size.max(1) as u64,
            pages
        )));
    }
    Ok(())
}

async fn scalar(conn: &mut SqliteConnection, sql: &'static str) -> Result<i64> {
    use sea_orm::sqlx::Row;
    let row = sea_orm::sqlx::query(sql)
        .fetch_one(&mut *conn)
        .await
        .map_err(read_error)?;
    // Pragmas have no declared column type, which sqlx's checked decoding refuses.
    row.try_get_unchecked::<i64, _>(0).map_err(read_error)
}

fn read_error(e: sea_orm::sqlx::Error) -> StoreError {
    crate::error::from_code(crate::error::sqlx_code(&e)).unwrap_or_else(|| {
        StoreError::Db(sea_orm::DbErr::Query(sea_orm::RuntimeErr::SqlxError(
            e.into(),
        )))
    })
}

impl Vault {
    /// Reads every page and every index: what `dpadesk doctor` reports. A check that
    /// cannot even run on a damaged file counts as a finding of that check.
    pub async fn examine(&self) -> Result<HealthReport> {
        let damaged_pages = self.check_rows("PRAGMA cipher_integrity_check").await;
        let integrity = self
            .check_rows("PRAGMA integrity_check")
            .await
            .into_iter()
            .filter(|line| line != "ok")
            .collect();
        let foreign_keys = self.check_rows("PRAGMA foreign_key_check").await;
        Ok(HealthReport {
            damaged_pages,
            integrity,
            foreign_keys,
        })
    }

    async fn check_rows(&self, sql: &str) -> Vec<String> {
        self.pragma_rows(sql)
            .await
            .unwrap_or_else(|e| vec![format!("the check could not read the file ({e})")])
    }

    /// Every row of a pragma as one line of text, its columns joined.
    async fn pragma_rows(&self, sql: &str) -> Result<Vec<String>> {
        let db = self.connection();
        let rows = db
            .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
            .await?;
        Ok(rows
            .iter()
            .map(|row| {
                (0..row.column_names().len())
                    .map(|i| match row.try_get_by_index::<Option<String>>(i) {
                        Ok(text) => text.unwrap_or_default(),
                        Err(_) => row
                            .try_get_by_index::<Option<i64>>(i)
                            .ok()
                            .flatten()
                            .map(|n| n.to_string())
                            .unwrap_or_default(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect())
    }
}
