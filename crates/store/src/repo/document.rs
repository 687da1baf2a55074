//! Files kept inside the vault (the signed DPAs): content is read only when asked for.

use super::*;
use crate::entities::document as table;
use chrono::{DateTime, Utc};
use dpadesk_model::DocumentRef;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, QuerySelect};
use sha2::{Digest, Sha256};

pub async fn insert<C: ConnectionTrait>(
    c: &C,
    file_name: &str,
    media_type: &str,
    content: &[u8],
    now: DateTime<Utc>,
) -> Result<DocumentRef> {
    let doc = DocumentRef {
        id: Id::new(),
        file_name: file_name.to_string(),
        media_type: media_type.to_string(),
        size: content.len() as u64,
        sha256: hex::encode(Sha256::digest(content)),
    };
    let row = table::Model {
        id: doc.id.to_string(),
        file_name: doc.file_name.clone(),
        media_type: doc.media_type.clone(),
        size: i64::try_from(doc.size).unwrap_or(i64::MAX),
        sha256: doc.sha256.clone(),
        content: content.to_vec(),
        created_at: now,
    };
    table::Entity::insert(row.into_active_model().reset_all())
        .exec_without_returning(c)
        .await?;
    Ok(doc)
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

pub async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
    table::Entity::delete_by_id(id.to_string()).exec(c).await?;
    Ok(())
}
