//! One enterprise: read whole, registered and edited (its name entries kept in step), its
//! responsible leader set, and found by credit code or name for a request that names it.

use super::name_search::index_names;
use super::{OverdueCutoff, OVERDUE_SQL};
use crate::db::{is_unique_violation, Db, Tx};
use crate::enterprises::Lifecycle;
use crate::on_tx;
use chrono::{DateTime, NaiveDate, Utc};

/// An enterprise's own fields as stored, with the active liaison officer the service checks
/// writes against: the page's `Enterprise` adds its liaisons, contacts, people and rights.
#[derive(Debug, Clone)]
pub struct EnterpriseRow {
    pub id: i64,
    pub name_zh: String,
    pub name_original: String,
    pub credit_code: Option<String>,
    pub country: String,
    pub industry_chain_id: Option<i64>,
    pub registered_capital_usd_cents: Option<i64>,
    pub utilised_capital_usd_cents: Option<i64>,
    pub employees: Option<i32>,
    pub foreign_staff: Option<i32>,
    pub lifecycle: Lifecycle,
    pub is_key: bool,
    pub responsible_leader_id: Option<i64>,
    pub address: String,
    pub notes: String,
    pub last_contact_on: Option<NaiveDate>,
    pub overdue: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub liaison_id: Option<i64>,
}

impl crate::db::Record for EnterpriseRow {
    fn read(row: &crate::db::Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(EnterpriseRow {
            id: row.get("id")?,
            name_zh: row.get("name_zh")?,
            name_original: row.get("name_original")?,
            credit_code: row.get("credit_code")?,
            country: row.get("country")?,
            industry_chain_id: row.get("industry_chain_id")?,
            registered_capital_usd_cents: row.get("registered_capital_usd_cents")?,
            utilised_capital_usd_cents: row.get("utilised_capital_usd_cents")?,
            employees: row.get("employees")?,
            foreign_staff: row.get("foreign_staff")?,
            lifecycle: row.get("lifecycle")?,
            is_key: row.get("is_key")?,
            responsible_leader_id: row.get("responsible_leader_id")?,
            address: row.get("address")?,
            notes: row.get("notes")?,
            last_contact_on: row.get("last_contact_on")?,
            overdue: row.get("overdue")?,
            version: row.get("version")?,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
            liaison_id: row.get("liaison_id")?,
        })
    }
}

fn select_one() -> String {
    format!(
        "select e.id, e.name_zh, e.name_original, e.credit_code, e.country, e.industry_chain_id, \
                e.registered_capital_usd_cents, e.utilised_capital_usd_cents, e.employees, e.foreign_staff, \
                e.lifecycle, e.is_key, e.responsible_leader_id, e.address, e.notes, e.last_contact_on, \
                coalesce({OVERDUE_SQL}, false) as overdue, e.version, e.created_at, e.updated_at, \
                (select l.officer_id from enterprise_liaisons l where l.enterprise_id = e.id and l.ended_at is null) \
                    as liaison_id \
         from enterprises e where e.id = $3"
    )
}

pub async fn get(db: &Db, id: i64, cutoff: OverdueCutoff) -> Result<Option<EnterpriseRow>, sqlx::Error> {
    let sql = select_one();
    db.optional::<EnterpriseRow>(&sql, &[cutoff.date.into(), cutoff.at.into(), id.into()]).await
}

pub async fn get_in(tx: &mut Tx, id: i64, cutoff: OverdueCutoff) -> Result<Option<EnterpriseRow>, sqlx::Error> {
    let sql = select_one();
    tx.optional::<EnterpriseRow>(&sql, &[cutoff.date.into(), cutoff.at.into(), id.into()]).await
}

/// The editable fields, validated.
pub struct Fields<'a> {
    pub name_zh: &'a str,
    pub name_original: &'a str,
    pub credit_code: Option<&'a str>,
    pub country: &'a str,
    pub industry_chain_id: Option<i64>,
    pub registered_capital_usd_cents: Option<i64>,
    pub utilised_capital_usd_cents: Option<i64>,
    pub employees: Option<i32>,
    pub foreign_staff: Option<i32>,
    pub lifecycle: Lifecycle,
    pub is_key: bool,
    pub responsible_leader_id: Option<i64>,
    pub address: &'a str,
    pub notes: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("credit code taken")]
    CreditCodeTaken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

fn map_write(e: sqlx::Error) -> WriteError {
    if is_unique_violation(&e) {
        WriteError::CreditCodeTaken
    } else {
        WriteError::Db(e)
    }
}

pub async fn insert(tx: &mut Tx, f: &Fields<'_>, at: DateTime<Utc>) -> Result<i64, WriteError> {
    let id = tx.one::<i64>("insert into enterprises (name_zh, name_original, credit_code, country, industry_chain_id, \
                 registered_capital_usd_cents, utilised_capital_usd_cents, employees, foreign_staff, lifecycle, is_key, \
                 responsible_leader_id, address, notes, version, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15) returning id", &[f.name_zh.into(), f.name_original.into(), f.credit_code.into(), f.country.into(), f.industry_chain_id.into(), f.registered_capital_usd_cents.into(), f.utilised_capital_usd_cents.into(), f.employees.into(), f.foreign_staff.into(), (f.lifecycle.as_str()).into(), f.is_key.into(), f.responsible_leader_id.into(), f.address.into(), f.notes.into(), at.into()]).await
    .map_err(map_write)?;
    index_names(tx, id, f.name_zh, f.name_original).await?;
    Ok(id)
}

/// Save an edit if nobody saved since `version`; `Ok(false)` if somebody did.
pub async fn update(tx: &mut Tx, id: i64, version: i32, f: &Fields<'_>, at: DateTime<Utc>) -> Result<bool, WriteError> {
    let saved = on_tx!(tx, |conn| {
        sqlx::query(
            "update enterprises set name_zh = $1, name_original = $2, credit_code = $3, country = $4, \
                 industry_chain_id = $5, registered_capital_usd_cents = $6, utilised_capital_usd_cents = $7, \
                 employees = $8, foreign_staff = $9, lifecycle = $10, is_key = $11, responsible_leader_id = $12, \
                 address = $13, notes = $14, updated_at = $15, version = version + 1 \
             where id = $16 and version = $17",
        )
        .bind(f.name_zh)
        .bind(f.name_original)
        .bind(f.credit_code)
        .bind(f.country)
        .bind(f.industry_chain_id)
        .bind(f.registered_capital_usd_cents)
        .bind(f.utilised_capital_usd_cents)
        .bind(f.employees)
        .bind(f.foreign_staff)
        .bind(f.lifecycle.as_str())
        .bind(f.is_key)
        .bind(f.responsible_leader_id)
        .bind(f.address)
        .bind(f.notes)
        .bind(at)
        .bind(id)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
    .map_err(map_write)?;
    if saved {
        index_names(tx, id, f.name_zh, f.name_original).await?;
    }
    Ok(saved)
}

/// Set (or clear) the enterprise's responsible leader; returns the one it had.
pub async fn set_leader(
    tx: &mut Tx,
    enterprise_id: i64,
    leader_id: Option<i64>,
    at: DateTime<Utc>,
) -> Result<Option<Option<i64>>, sqlx::Error> {
    let before: Option<Option<i64>> = tx
        .optional::<Option<i64>>("select responsible_leader_id from enterprises where id = $1", &[enterprise_id.into()])
        .await?;
    if before.is_some() {
        on_tx!(tx, |conn| {
            sqlx::query(
                "update enterprises set responsible_leader_id = $1, updated_at = $2, version = version + 1 \
                 where id = $3",
            )
            .bind(leader_id)
            .bind(at)
            .bind(enterprise_id)
            .execute(conn)
            .await
            .map(|_| ())
        })?;
    }
    Ok(before)
}

/// The enterprise a portal request names, with its active liaison officer: by credit code
/// when one is given, otherwise by its exact name (Chinese, or original in any case). A name
/// that several enterprises share matches none (staff route such requests by hand).
pub async fn find_for_request(
    tx: &mut Tx,
    credit_code: Option<&str>,
    name: &str,
) -> Result<Option<(i64, Option<i64>)>, sqlx::Error> {
    const SELECT: &str = "select e.id, l.officer_id from enterprises e \
         left join enterprise_liaisons l on l.enterprise_id = e.id and l.ended_at is null";
    if let Some(code) = credit_code {
        let by_code = on_tx!(tx, |conn| {
            sqlx::query_as::<_, (i64, Option<i64>)>(&format!("{SELECT} where e.credit_code = $1"))
                .bind(code)
                .fetch_optional(&mut *conn)
                .await
        })?;
        if by_code.is_some() {
            return Ok(by_code);
        }
    }
    let name = name.trim();
    if name.is_empty() {
        return Ok(None);
    }
    let found = on_tx!(tx, |conn| {
        sqlx::query_as::<_, (i64, Option<i64>)>(&format!(
            "{SELECT} where e.name_zh = $1 or lower(e.name_original) = lower($1) limit 2"
        ))
        .bind(name)
        .fetch_all(&mut *conn)
        .await
    })?;
    Ok(if found.len() == 1 { found.into_iter().next() } else { None })
}

/// The enterprise with this (canonical) credit code, if one is registered.
pub async fn id_by_credit_code(db: &Db, credit_code: &str) -> Result<Option<i64>, sqlx::Error> {
    db.optional("select id from enterprises where credit_code = $1", &[credit_code.into()]).await
}

/// An enterprise's id and active liaison officer by its credit code (staff routing a case
/// from the intake queue).
pub async fn by_credit_code_in(tx: &mut Tx, credit_code: &str) -> Result<Option<(i64, Option<i64>)>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_as::<_, (i64, Option<i64>)>(
            "select e.id, l.officer_id from enterprises e \
             left join enterprise_liaisons l on l.enterprise_id = e.id and l.ended_at is null \
             where e.credit_code = $1",
        )
        .bind(credit_code)
        .fetch_optional(&mut *conn)
        .await
    })
}

/// The Chinese and original names of the enterprises `ids` (those that exist), by id.
pub async fn names(db: &Db, ids: &[i64]) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // Numbers written into the statement: they are i64, nothing a reader typed.
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    db.all(&format!("select id, name_zh, name_original from enterprises where id in ({})", list.join(", ")), &[]).await
}
