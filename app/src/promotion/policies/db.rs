//! The policy documents' SQL.

use super::{Policy, PolicyFilter, PolicyStatus, Written};
use crate::db::{Arg, Columns, Db, Record, Tx, Where};
use chrono::{DateTime, NaiveDate, Utc};

crate::code_column!(PolicyStatus);

impl Record for Policy {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Policy {
            id: row.get("id")?,
            title: Written { zh: row.get("title_zh")?, en: row.get("title_en")?, fr: row.get("title_fr")? },
            issuer: row.get("issuer")?,
            doc_number: row.get("doc_number")?,
            issued_on: row.get("issued_on")?,
            summary: Written { zh: row.get("summary_zh")?, en: row.get("summary_en")?, fr: row.get("summary_fr")? },
            status: row.get("status")?,
            withdrawn_on: row.get("withdrawn_on")?,
            withdrawn_reason: row.get("withdrawn_reason")?,
            version: row.get("version")?,
        })
    }
}

const COLUMNS: &str = "id, title_zh, title_en, title_fr, issuer, doc_number, issued_on, summary_zh, summary_en, \
                       summary_fr, status, withdrawn_on, withdrawn_reason, version";

/// The latest issued first, the id last so that pages never overlap.
const ORDER: &str = "order by issued_on desc, id desc";

fn conditions(f: &PolicyFilter) -> Where {
    let mut cond = Where::default();
    if let Some(status) = f.status {
        cond.push("status = ?", vec![status.as_str().into()]);
    }
    if let Some(q) = &f.q {
        let like = format!("%{}%", crate::db::escape_like(&q.to_lowercase()));
        cond.push(
            "(lower(title_zh) like ? escape '\\' or lower(title_en) like ? escape '\\' \
              or lower(title_fr) like ? escape '\\' or lower(doc_number) like ? escape '\\')",
            vec![like.clone().into(), like.clone().into(), like.clone().into(), like.into()],
        );
    }
    cond
}

/// One page of the register and the number of documents the filter finds.
pub async fn page(db: &Db, f: &PolicyFilter, per_page: i64) -> Result<(Vec<Policy>, i64), sqlx::Error> {
    let cond = conditions(f);
    let filters = cond.sql();
    let offset = f.page.clamp(0, crate::domain::MAX_PAGE) * per_page;
    let items: Vec<Policy> = db
        .all(
            &format!("select {COLUMNS} from policy_documents{filters} {ORDER} limit {per_page} offset {offset}"),
            &cond.args,
        )
        .await?;
    let total: i64 = db.one(&format!("select count(*) from policy_documents{filters}"), &cond.args).await?;
    Ok((items, total))
}

/// How many documents are in force and how many withdrawn.
pub async fn counts(db: &Db) -> Result<(i64, i64), sqlx::Error> {
    db.one(
        "select coalesce(sum(case when status = 'in_force' then 1 else 0 end), 0), \
                coalesce(sum(case when status = 'withdrawn' then 1 else 0 end), 0) \
         from policy_documents",
        &[],
    )
    .await
}

/// The documents in force, the latest first, at most `limit`.
pub async fn in_force(db: &Db, limit: i64) -> Result<Vec<Policy>, sqlx::Error> {
    db.all(&format!("select {COLUMNS} from policy_documents where status = 'in_force' {ORDER} limit {limit}"), &[])
        .await
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Policy>, sqlx::Error> {
    db.optional(&format!("select {COLUMNS} from policy_documents where id = $1"), &[id.into()]).await
}

pub async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<Policy>, sqlx::Error> {
    tx.optional(&format!("select {COLUMNS} from policy_documents where id = $1"), &[id.into()]).await
}

/// Whether another document than `except` has the number `number`.
pub async fn number_taken(tx: &mut Tx, number: &str, except: Option<i64>) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = tx
        .optional(
            "select id from policy_documents where doc_number = $1 and id <> $2 limit 1",
            &[number.into(), except.unwrap_or(0).into()],
        )
        .await?;
    Ok(found.is_some())
}

/// A document's fields as its form sets them.
pub struct Fields<'a> {
    pub title: &'a Written,
    pub issuer: &'a str,
    pub doc_number: &'a str,
    pub issued_on: NaiveDate,
    pub summary: &'a Written,
}

fn field_args(f: &Fields<'_>) -> Vec<Arg> {
    vec![
        f.title.zh.as_str().into(),
        f.title.en.as_str().into(),
        f.title.fr.as_str().into(),
        f.issuer.into(),
        f.doc_number.into(),
        f.issued_on.into(),
        f.summary.zh.as_str().into(),
        f.summary.en.as_str().into(),
        f.summary.fr.as_str().into(),
    ]
}

pub async fn insert(tx: &mut Tx, f: &Fields<'_>, by: i64, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    tx.one(
        "insert into policy_documents (title_zh, title_en, title_fr, issuer, doc_number, issued_on, summary_zh, \
             summary_en, summary_fr, created_by, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) returning id",
        &[field_args(f).as_slice(), &[by.into(), at.into()]].concat(),
    )
    .await
}

/// Change a document in force at `version`; false when it is not (another version, or
/// withdrawn meanwhile).
pub async fn update(
    tx: &mut Tx,
    id: i64,
    version: i32,
    f: &Fields<'_>,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "update policy_documents set title_zh = $1, title_en = $2, title_fr = $3, issuer = $4, doc_number = $5, \
                 issued_on = $6, summary_zh = $7, summary_en = $8, summary_fr = $9, updated_at = $10, \
                 version = version + 1 \
             where id = $11 and version = $12 and status = 'in_force' returning id",
            &[field_args(f).as_slice(), &[at.into(), id.into(), version.into()]].concat(),
        )
        .await?;
    Ok(done.is_some())
}

/// Withdraw a document in force at `version`; false when it is not.
pub async fn withdraw(
    tx: &mut Tx,
    id: i64,
    version: i32,
    on: NaiveDate,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "update policy_documents set status = 'withdrawn', withdrawn_on = $1, withdrawn_reason = $2, \
                 updated_at = $3, version = version + 1 \
             where id = $4 and version = $5 and status = 'in_force' returning id",
            &[on.into(), reason.into(), at.into(), id.into(), version.into()],
        )
        .await?;
    Ok(done.is_some())
}
