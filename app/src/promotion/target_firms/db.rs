//! The target firms' SQL: the register, the segments each fits, and the imports waiting for
//! their confirmation.

use super::{Approach, FirmFilter, FirmRow, FirmSize, TargetFirm};
use crate::db::{marks, Arg, Columns, Db, Record, Tx, Where};
use chrono::{DateTime, NaiveDate, Utc};

crate::code_column!(Approach, FirmSize);

/// A firm's columns, read with the day its next step counts as overdue from (`$1`).
const COLUMNS: &str = "f.id, f.name, f.name_zh, f.country, f.size, f.website, f.contacts, f.officer_id, \
                       u.display_name as officer_name, f.status, f.project_id, f.declined_reason, f.last_contact_on, \
                       f.next_step, f.next_step_on, f.version, \
                       coalesce(f.next_step_on < $1 and f.status not in ('became_project', 'declined'), false) \
                       as overdue";

const FROM: &str = "target_firms f left join users u on u.id = f.officer_id";

impl Record for TargetFirm {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(TargetFirm {
            id: row.get("id")?,
            name: row.get("name")?,
            name_zh: row.get("name_zh")?,
            country: row.get("country")?,
            size: row.get("size")?,
            website: row.get("website")?,
            contacts: row.get("contacts")?,
            officer_id: row.get("officer_id")?,
            officer_name: row.get("officer_name")?,
            status: row.get("status")?,
            project_id: row.get("project_id")?,
            declined_reason: row.get("declined_reason")?,
            last_contact_on: row.get("last_contact_on")?,
            next_step: row.get("next_step")?,
            next_step_on: row.get("next_step_on")?,
            overdue: row.get("overdue")?,
            version: row.get("version")?,
        })
    }
}

/// The filter's conditions, their placeholders after the first `after` ones.
fn conditions(f: &FirmFilter, today: NaiveDate, reader: i64, after: usize) -> Where {
    let mut before = Where::default();
    before.args.extend((0..after).map(|_| Arg::from(today)));
    let mut cond = Where::after(&before);
    if let Some(status) = f.status {
        cond.push("f.status = ?", vec![status.as_str().into()]);
    }
    if let Some(country) = &f.country {
        cond.push("f.country = ?", vec![country.as_str().into()]);
    }
    if f.overdue {
        cond.push("f.next_step_on < ? and f.status not in ('became_project', 'declined')", vec![today.into()]);
    }
    if f.mine {
        cond.push("f.officer_id = ?", vec![reader.into()]);
    }
    if let Some(q) = &f.q {
        let like = format!("%{}%", crate::db::escape_like(&q.to_lowercase()));
        cond.push(
            "(lower(f.name) like ? escape '\\' or f.name_zh like ? escape '\\')",
            vec![like.clone().into(), like.into()],
        );
    }
    cond
}

/// One page of the register (those overdue first, then by name) and how many the filter finds.
pub async fn page(
    db: &Db,
    f: &FirmFilter,
    today: NaiveDate,
    reader: i64,
    per_page: i64,
) -> Result<(Vec<TargetFirm>, i64), sqlx::Error> {
    // `$1` is today in the page's statement (see COLUMNS); the count has no use for it.
    let cond = conditions(f, today, reader, 1);
    let filters = cond.sql();
    let mut args = vec![Arg::from(today)];
    args.extend(cond.args.iter().cloned());
    let offset = f.page.clamp(0, crate::domain::MAX_PAGE) * per_page;
    let items = db
        .all(
            &format!(
                "select {COLUMNS} from {FROM}{filters} \
                 order by overdue desc, f.next_step_on is null, f.next_step_on, lower(f.name), f.id \
                 limit {per_page} offset {offset}"
            ),
            &args,
        )
        .await?;
    let cond = conditions(f, today, reader, 0);
    let total: i64 = db.one(&format!("select count(*) from target_firms f{}", cond.sql()), &cond.args).await?;
    Ok((items, total))
}

/// How many firms' next steps are overdue.
pub async fn overdue(db: &Db, today: NaiveDate) -> Result<i64, sqlx::Error> {
    db.one(
        "select count(*) from target_firms where next_step_on < $1 and status not in ('became_project', 'declined')",
        &[today.into()],
    )
    .await
}

pub async fn get(db: &Db, id: i64, today: NaiveDate) -> Result<Option<TargetFirm>, sqlx::Error> {
    db.optional(&format!("select {COLUMNS} from {FROM} where f.id = $2"), &[today.into(), id.into()]).await
}

pub async fn get_in(tx: &mut Tx, id: i64, today: NaiveDate) -> Result<Option<TargetFirm>, sqlx::Error> {
    tx.optional(&format!("select {COLUMNS} from {FROM} where f.id = $2"), &[today.into(), id.into()]).await
}

/// The segments a firm fits: (segment id, sub-chain id, names zh/en/fr).
pub async fn segments_of(db: &Db, firm: i64) -> Result<Vec<(i64, i64, String, String, String)>, sqlx::Error> {
    db.all(
        "select s.id, s.sub_chain_id, s.name_zh, s.name_en, s.name_fr from target_firm_segments t \
         join chain_segments s on s.id = t.segment_id where t.firm_id = $1 order by s.sub_chain_id, s.sort_order, s.id",
        &[firm.into()],
    )
    .await
}

/// How many firms aim at each segment of a sub-chain: (segment id, firms).
pub async fn per_segment(db: &Db, sub_chain_id: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    db.all(
        "select t.segment_id, count(*) from target_firm_segments t join chain_segments s on s.id = t.segment_id \
         where s.sub_chain_id = $1 group by t.segment_id",
        &[sub_chain_id.into()],
    )
    .await
}

/// The firms registered under each of `keys` (match keys): (key, id, officer).
pub async fn by_keys(db: &Db, keys: &[String]) -> Result<Vec<(String, i64, Option<i64>)>, sqlx::Error> {
    let mut found = Vec::new();
    // In slices, so that no statement has more values than a database takes.
    for chunk in keys.chunks(500) {
        let args: Vec<Arg> = chunk.iter().map(|k| Arg::from(k.as_str())).collect();
        let sql = format!(
            "select match_key, id, officer_id from target_firms where match_key in ({})",
            marks(1, chunk.len())
        );
        found.extend(db.all::<(String, i64, Option<i64>)>(&sql, &args).await?);
    }
    Ok(found)
}

/// Add a firm from a checked row; its id.
pub async fn insert(tx: &mut Tx, r: &FirmRow, key: &str, by: i64, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    tx.one(
        "insert into target_firms (name, name_zh, country, match_key, size, website, contacts, officer_id, next_step, \
             next_step_on, created_by, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) returning id",
        &[
            r.name.as_str().into(),
            r.name_zh.as_str().into(),
            r.country.as_str().into(),
            key.into(),
            r.size.map(FirmSize::as_str).into(),
            r.website.as_str().into(),
            r.contacts.as_str().into(),
            r.officer_id.into(),
            r.next_step.as_str().into(),
            r.next_step_on.into(),
            by.into(),
            at.into(),
        ],
    )
    .await
}

/// Update a firm from a checked row imported again: what the row gives replaces what the
/// register has; what it leaves empty stays.
pub async fn update_from(tx: &mut Tx, id: i64, r: &FirmRow, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let empty_none = |s: &str| if s.is_empty() { None } else { Some(s.to_string()) };
    let _: Option<i64> = tx
        .optional(
            "update target_firms set name = $1, name_zh = coalesce($2, name_zh), size = coalesce($3, size), \
                 website = coalesce($4, website), contacts = coalesce($5, contacts), \
                 officer_id = coalesce($6, officer_id), next_step = coalesce($7, next_step), \
                 next_step_on = coalesce($8, next_step_on), updated_at = $9, version = version + 1 \
             where id = $10 returning id",
            &[
                r.name.as_str().into(),
                empty_none(&r.name_zh).into(),
                r.size.map(FirmSize::as_str).into(),
                empty_none(&r.website).into(),
                empty_none(&r.contacts).into(),
                r.officer_id.into(),
                empty_none(&r.next_step).into(),
                r.next_step_on.into(),
                at.into(),
                id.into(),
            ],
        )
        .await?;
    Ok(())
}

/// Add the segments to those the firm fits (those it fits already stay).
pub async fn add_segments(tx: &mut Tx, firm: i64, segments: &[i64]) -> Result<(), sqlx::Error> {
    for s in segments {
        let _: Option<i64> = tx
            .optional(
                "insert into target_firm_segments (firm_id, segment_id) values ($1, $2) \
                 on conflict (firm_id, segment_id) do nothing returning firm_id",
                &[firm.into(), (*s).into()],
            )
            .await?;
    }
    Ok(())
}

/// The approach's fields as the firm's page sets them.
pub struct ApproachFields<'a> {
    pub status: Approach,
    pub project_id: Option<i64>,
    pub declined_reason: &'a str,
    pub last_contact_on: Option<NaiveDate>,
    pub next_step: &'a str,
    pub next_step_on: Option<NaiveDate>,
}

/// Change the firm's approach at `version`; false when it is at another version.
pub async fn set_approach(
    tx: &mut Tx,
    id: i64,
    version: i32,
    f: &ApproachFields<'_>,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "update target_firms set status = $1, project_id = $2, declined_reason = $3, last_contact_on = $4, \
                 next_step = $5, next_step_on = $6, updated_at = $7, version = version + 1 \
             where id = $8 and version = $9 returning id",
            &[
                f.status.as_str().into(),
                f.project_id.into(),
                f.declined_reason.into(),
                f.last_contact_on.into(),
                f.next_step.into(),
                f.next_step_on.into(),
                at.into(),
                id.into(),
                version.into(),
            ],
        )
        .await?;
    Ok(done.is_some())
}

/// Keep a checked spreadsheet until its importer confirms it; its id.
pub async fn stage(tx: &mut Tx, by: i64, at: DateTime<Utc>, file_name: &str, rows: &str) -> Result<i64, sqlx::Error> {
    tx.one(
        "insert into target_firm_imports (created_by, created_at, file_name, checked_rows) values ($1, $2, $3, $4) \
         returning id",
        &[by.into(), at.into(), file_name.into(), rows.into()],
    )
    .await
}

/// A staged import: (who staged it, file name, rows as JSON, whether it is done).
pub async fn staged(db: &Db, id: i64) -> Result<Option<(i64, String, String, bool)>, sqlx::Error> {
    db.optional(
        "select created_by, file_name, checked_rows, done_at is not null from target_firm_imports where id = $1",
        &[id.into()],
    )
    .await
}

/// Mark a staged import done, once: false when it was done already.
pub async fn finish(tx: &mut Tx, id: i64, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "update target_firm_imports set done_at = $1 where id = $2 and done_at is null returning id",
            &[at.into(), id.into()],
        )
        .await?;
    Ok(done.is_some())
}
