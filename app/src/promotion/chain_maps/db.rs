//! The chain maps' SQL: the segments and which enterprises are present in each.

use super::{Link, MapCount, Segment};
use crate::db::{Columns, Db, Record, Tx};
use chrono::{DateTime, Utc};

crate::code_column!(Link);

impl Record for Segment {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Segment {
            id: row.get("id")?,
            sub_chain_id: row.get("sub_chain_id")?,
            link: row.get("link")?,
            name_zh: row.get("name_zh")?,
            name_en: row.get("name_en")?,
            name_fr: row.get("name_fr")?,
            sort_order: row.get("sort_order")?,
        })
    }
}

impl Record for MapCount {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(MapCount { sub_chain_id: row.at(0)?, segments: row.at(1)?, gaps: row.at(2)? })
    }
}

const COLUMNS: &str = "id, sub_chain_id, link, name_zh, name_en, name_fr, sort_order";

/// A sub-chain's segments, upstream first, each link's in their order.
pub async fn segments(db: &Db, sub_chain_id: i64) -> Result<Vec<Segment>, sqlx::Error> {
    db.all(
        &format!(
            "select {COLUMNS} from chain_segments where sub_chain_id = $1 \
             order by case link when 'upstream' then 0 when 'midstream' then 1 else 2 end, sort_order, id"
        ),
        &[sub_chain_id.into()],
    )
    .await
}

/// Every segment of every sub-chain.
pub async fn all(db: &Db) -> Result<Vec<Segment>, sqlx::Error> {
    db.all(&format!("select {COLUMNS} from chain_segments order by sub_chain_id, sort_order, id"), &[]).await
}

pub async fn segment_in(tx: &mut Tx, id: i64) -> Result<Option<Segment>, sqlx::Error> {
    tx.optional(&format!("select {COLUMNS} from chain_segments where id = $1"), &[id.into()]).await
}

pub async fn segment(db: &Db, id: i64) -> Result<Option<Segment>, sqlx::Error> {
    db.optional(&format!("select {COLUMNS} from chain_segments where id = $1"), &[id.into()]).await
}

/// The (segment, enterprise) pairs of a sub-chain's map.
pub async fn present(db: &Db, sub_chain_id: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    db.all(
        "select p.segment_id, p.enterprise_id from segment_enterprises p \
         join chain_segments s on s.id = p.segment_id where s.sub_chain_id = $1 \
         order by p.added_at, p.enterprise_id",
        &[sub_chain_id.into()],
    )
    .await
}

/// Each mapped sub-chain's number of segments and of gaps.
pub async fn counts(db: &Db) -> Result<Vec<MapCount>, sqlx::Error> {
    db.all(
        "select s.sub_chain_id, count(*), \
                coalesce(sum(case when exists (select 1 from segment_enterprises p where p.segment_id = s.id) \
                                  then 0 else 1 end), 0) \
         from chain_segments s group by s.sub_chain_id",
        &[],
    )
    .await
}

/// Show the enterprise in the segment; false when it already is.
pub async fn add_present(
    tx: &mut Tx,
    segment_id: i64,
    enterprise_id: i64,
    by: i64,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "insert into segment_enterprises (segment_id, enterprise_id, added_by, added_at) values ($1, $2, $3, $4) \
             on conflict (segment_id, enterprise_id) do nothing returning segment_id",
            &[segment_id.into(), enterprise_id.into(), by.into(), at.into()],
        )
        .await?;
    Ok(done.is_some())
}

/// Take the enterprise out of the segment; false when it was not in it.
pub async fn remove_present(tx: &mut Tx, segment_id: i64, enterprise_id: i64) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "delete from segment_enterprises where segment_id = $1 and enterprise_id = $2 returning segment_id",
            &[segment_id.into(), enterprise_id.into()],
        )
        .await?;
    Ok(done.is_some())
}
