//! Link tables between aggregates (an activity's measures, a processor record's vendors…).
//! The links are kept in id order: the set matters, not the order the user picked them in.

use crate::error::Result;
use dpadesk_model::Id;
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Expr, ExprTrait, Order, Query};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
pub struct Link {
    pub table: &'static str,
    pub owner: &'static str,
    pub target: &'static str,
}

pub const ACTIVITY_VENDOR: Link = Link {
    table: "activity_vendor",
    owner: "activity_id",
    target: "vendor_id",
};
pub const ACTIVITY_MEASURE: Link = Link {
    table: "activity_measure",
    owner: "activity_id",
    target: "measure_id",
};
pub const ORGANISATION_MEASURE: Link = Link {
    table: "organisation_measure",
    owner: "organisation_id",
    target: "measure_id",
};
pub const PROCESSOR_RECORD_VENDOR: Link = Link {
    table: "processor_record_vendor",
    owner: "processor_record_id",
    target: "vendor_id",
};
pub const PROCESSOR_RECORD_MEASURE: Link = Link {
    table: "processor_record_measure",
    owner: "processor_record_id",
    target: "measure_id",
};

/// The sorted, de-duplicated form every list of linked ids is kept in.
pub fn canonical(ids: &[Id]) -> Vec<Id> {
    let mut ids = ids.to_vec();
    ids.sort();
    ids.dedup();
    ids
}

pub async fn replace<C: ConnectionTrait>(
    c: &C,
    link: Link,
    owner: Id,
    targets: &[Id],
) -> Result<()> {
    let delete = Query::delete()
        .from_table(link.table)
        .and_where(Expr::col(link.owner).eq(owner.to_string()))
        .to_owned();
    c.execute(&delete).await?;
    let targets = canonical(targets);
    if targets.is_empty() {
        return Ok(());
    }
    let mut insert = Query::insert();
    insert
        .into_table(link.table)
        .columns([link.owner, link.target]);
    for t in targets {
        insert.values_panic([owner.to_string().into(), t.to_string().into()]);
    }
    c.execute(&insert).await?;
    Ok(())
}

async fn column<C: ConnectionTrait>(
    c: &C,
    link: Link,
    select: &'static str,
    by: &'static str,
    id: Id,
) -> Result<Vec<Id>> {
    let query = Query::select()
        .column(select)
        .from(link.table)
        .and_where(Expr::col(by).eq(id.to_string()))
        .order_by(select, Order::Asc)
        .to_owned();
    let rows = c.query_all(&query).await?;
    rows.iter()
        .map(|row| {
            let raw: String = row.try_get("", select)?;
            super::id_parse(&raw)
        })
        .collect()
}

pub async fn targets<C: ConnectionTrait>(c: &C, link: Link, owner: Id) -> Result<Vec<Id>> {
    column(c, link, link.target, link.owner, owner).await
}

pub async fn owners<C: ConnectionTrait>(c: &C, link: Link, target: Id) -> Result<Vec<Id>> {
    column(c, link, link.owner, link.target, target).await
}

/// Ids bound into one `IN (…)` list: far below SQLite's limit on variables.
pub(crate) const BATCH: usize = 500;

/// The targets of many owners in a few queries (one per batch), for loading whole lists
/// without a query per record. Owners without links are absent from the map.
pub async fn targets_of<C: ConnectionTrait>(
    c: &C,
    link: Link,
    owners: &[Id],
) -> Result<HashMap<Id, Vec<Id>>> {
    let mut out: HashMap<Id, Vec<Id>> = HashMap::new();
    for batch in owners.chunks(BATCH) {
        let query = Query::select()
            .columns([link.owner, link.target])
            .from(link.table)
            .and_where(Expr::col(link.owner).is_in(batch.iter().map(|id| id.to_string())))
            .order_by(link.target, Order::Asc)
            .to_owned();
        for row in c.query_all(&query).await? {
            let owner: String = row.try_get("", link.owner)?;
            let target: String = row.try_get("", link.target)?;
            out.entry(super::id_parse(&owner)?)
                .or_default()
                .push(super::id_parse(&target)?);
        }
    }
    Ok(out)
}
