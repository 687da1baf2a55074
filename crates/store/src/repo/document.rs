//! Files kept inside the vault (the signed DPAs): content is read only when asked for.

use super::*;
use crate::entities::document as table;
use chrono::{DateTime, Utc};
use dpadesk_model::DocumentRef;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, QuerySelect};
use sha2::{Digest, Sha256};

/// A stored file whole: what a DPA shows of it, its bytes and when it was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub reference: DocumentRef,
    pub content: Vec<u8>,
    pub created_at: DateTime<Utc>,
}

pub async fn insert<C: ConnectionTrait>(
    c: &C,
    file_name: &str,
    media_type: &str,
    content: &[u8],
    now: DateTime<Utc>,
) -> Result<DocumentRef> {
    let doc = StoredDocument {
        reference: DocumentRef {
            id: Id::new(),
            file_name: file_name.to_string(),
            media_type: media_type.to_string(),
            size: content.len() as u64,
            sha256: hex::encode(Sha256::digest(content)),
        },
        content: content.to_vec(),
        created_at: now,
    };
    insert_stored(c, &doc).await?;
    Ok(doc.reference)
}

/// Writes a file under the id, checksum and time it already has (one moving between vaults).
pub async fn insert_stored<C: ConnectionTrait>(c: &C, doc: &StoredDocument) -> Result<()> {
    let r = &doc.reference;
    let row = table::Model {
        id: r.id.to_string(),
        file_name: r.file_name.clone(),
        media_type: r.media_type.clone(),
        size: i64::try_from(r.size).unwrap_or(i64::MAX),
        sha256: r.sha256.clone(),
        content: doc.content.clone(),
        created_at: doc.created_at,
    };
    table::Entity::insert(row.into_active_model().reset_all())
        .exec_without_returning(c)
        .await?;
    Ok(())
}

pub async fn meta<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<DocumentRef>> {
    let row: Option<(String, String, String, i64, String)> =
        table::Entity::find_by_id(id.to_string())
            .select_only()
            .columns([
                table::Column::Id,
                table::Column::FileName,
                table::Column::MediaType,
                table::Column::Size,
                table::Column::Sha256,
            ])
            .into_tuple()
            .one(c)
            .await?;
    row.map(|(id, file_name, media_type, size, sha256)| {
        Ok(DocumentRef {
            id: id_parse(&id)?,
            file_name,
            media_type,
            size: size.max(0) as u64,
            sha256,
        })
    })
    .transpose()
}

pub async fn content<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<Vec<u8>>> {
    Ok(table::Entity::find_by_id(id.to_string())
        .one(c)
        .await?
        .map(|m| m.content))
}

pub async fn stored<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<StoredDocument>> {
    table::Entity::find_by_id(id.to_string())
        .one(c)
        .await?
        .map(|m| {
            Ok(StoredDocument {
                reference: DocumentRef {
                    id: id_parse(&m.id)?,
                    file_name: m.file_name,
                    media_type: m.media_type,
                    size: m.size.max(0) as u64,
                    sha256: m.sha256,
                },
                content: m.content,
                created_at: m.created_at,
            })
        })
        .transpose()
}

pub async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
    table::Entity::delete_by_id(id.to_string()).exec(c).await?;
    Ok(())
}
