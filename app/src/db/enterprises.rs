//! Enterprises, their liaison assignments and aftercare contacts.

use super::{is_unique_violation, Db, Tx};
use crate::enterprises::{
    AftercareContact, ContactKind, EnterpriseFilter, EnterpriseSummary, IndustryChain, LiaisonAssignment, Lifecycle,
    Officer,
};
use crate::{on_db, on_tx};
use chrono::{DateTime, NaiveDate, Utc};

pub async fn industry_chains(db: &Db) -> Result<Vec<IndustryChain>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as::<_, IndustryChain>(
            "select id, code, name_zh, name_en, name_fr from industry_chains order by sort_order, id",
        )
        .fetch_all(pool)
        .await
    })
}

pub async fn industry_chain_exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_scalar::<_, i64>("select count(*) from industry_chains where id = $1")
            .bind(id)
            .fetch_one(pool)
            .await
            .map(|n| n > 0)
    })
}

/// Active staff with a given role, for pickers.
pub async fn active_users_with_role(db: &Db, role: &str) -> Result<Vec<Officer>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as::<_, Officer>(
            "select id, display_name from users where role = $1 and active = true order by display_name, id",
        )
        .bind(role)
        .fetch_all(pool)
        .await
    })
}

/// When an enterprise counts as overdue: last contact before `date`, or never contacted
/// and registered before `at`.
#[derive(Clone, Copy)]
pub struct OverdueCutoff {
    pub date: NaiveDate,
    pub at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    name_zh: String,
    name_original: String,
    credit_code: Option<String>,
    country: String,
    industry_chain_id: Option<i64>,
    lifecycle: String,
    is_key: bool,
    liaison_id: Option<i64>,
    liaison_name: Option<String>,
    last_contact_on: Option<NaiveDate>,
    overdue: bool,
}

const OVERDUE_SQL: &str = "(e.last_contact_on < $1 or (e.last_contact_on is null and e.created_at < $2))";

/// One page of the list with its filters, and the number of matches.
pub async fn search(
    db: &Db,
    f: &EnterpriseFilter,
    reader_id: i64,
    cutoff: OverdueCutoff,
    per_page: i64,
) -> Result<(Vec<EnterpriseSummary>, i64), sqlx::Error> {
    let q = f.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let like = q.map(|s| format!("%{}%", s.to_lowercase()));
    let code = q.map(|s| s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase());
    let country = f.country.as_deref().filter(|s| !s.is_empty()).map(str::to_uppercase);
    let lifecycle = f.lifecycle.as_deref().filter(|s| !s.is_empty());
    let liaison = if f.mine { Some(reader_id) } else { f.liaison_id };
    let order = match f.sort.as_deref() {
        Some("updated") => "e.updated_at desc, e.id desc",
        Some("last_contact") => "coalesce(e.last_contact_on, '0001-01-01') asc, e.id",
        _ => "e.name_zh, e.id",
    };
    let filters = format!(
        "from enterprises e \
         left join enterprise_liaisons l on l.enterprise_id = e.id and l.ended_at is null \
         left join users u on u.id = l.officer_id \
         where ($3 is null or lower(e.name_zh) like $3 or lower(e.name_original) like $3 or e.credit_code = $4) \
           and ($5 is null or e.country = $5) \
           and ($6 is null or e.industry_chain_id = $6) \
           and ($7 is null or e.is_key = $7) \
           and ($8 is null or e.lifecycle = $8) \
           and ($9 is null or l.officer_id = $9) \
           and ($10 = false or {OVERDUE_SQL}) \
           and ($11 = false or (e.is_key = true and l.id is null and e.lifecycle <> 'exited'))"
    );
    let list_sql = format!(
        "select e.id, e.name_zh, e.name_original, e.credit_code, e.country, e.industry_chain_id, e.lifecycle, \
                e.is_key, l.officer_id as liaison_id, u.display_name as liaison_name, e.last_contact_on, \
                coalesce({OVERDUE_SQL}, false) as overdue \
         {filters} order by {order} limit $12 offset $13"
    );
    let count_sql = format!("select count(*) {filters}");
    let offset = f.page.max(0) * per_page;
    macro_rules! bind_filters {
        ($query:expr) => {
            $query
                .bind(cutoff.date)
                .bind(cutoff.at)
                .bind(&like)
                .bind(&code)
                .bind(&country)
                .bind(f.industry_chain_id)
                .bind(f.is_key)
                .bind(lifecycle)
                .bind(liaison)
                .bind(f.overdue)
                .bind(f.gap)
        };
    }
    let (rows, total): (Vec<SummaryRow>, i64) = on_db!(db, |pool| {
        let rows = bind_filters!(sqlx::query_as::<_, SummaryRow>(&list_sql))
            .bind(per_page)
            .bind(offset)
            .fetch_all(pool)
            .await?;
        let total = bind_filters!(sqlx::query_scalar::<_, i64>(&count_sql)).fetch_one(pool).await?;
        (rows, total)
    });
    let items = rows
        .into_iter()
        .map(|r| EnterpriseSummary {
            id: r.id,
            name_zh: r.name_zh,
            name_original: r.name_original,
            credit_code: r.credit_code,
            country: r.country,
            industry_chain_id: r.industry_chain_id,
            lifecycle: Lifecycle::parse(&r.lifecycle).unwrap_or(Lifecycle::Lead),
            is_key: r.is_key,
            liaison_id: r.liaison_id,
            liaison_name: r.liaison_name,
            last_contact_on: r.last_contact_on,
            overdue: r.overdue,
        })
        .collect();
    Ok((items, total))
}

#[derive(sqlx::FromRow, Debug, Clone)]
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
    pub lifecycle: String,
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
    on_db!(db, |pool| {
        sqlx::query_as::<_, EnterpriseRow>(&sql).bind(cutoff.date).bind(cutoff.at).bind(id).fetch_optional(pool).await
    })
}

pub async fn get_in(tx: &mut Tx, id: i64, cutoff: OverdueCutoff) -> Result<Option<EnterpriseRow>, sqlx::Error> {
    let sql = select_one();
    on_tx!(tx, |conn| {
        sqlx::query_as::<_, EnterpriseRow>(&sql).bind(cutoff.date).bind(cutoff.at).bind(id).fetch_optional(conn).await
    })
}

pub async fn liaisons(db: &Db, enterprise_id: i64) -> Result<Vec<LiaisonAssignment>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as::<_, LiaisonAssignment>(
            "select l.officer_id, o.display_name as officer_name, l.assigned_at, b.display_name as assigned_by_name, \
                    l.ended_at, l.handover_note \
             from enterprise_liaisons l join users o on o.id = l.officer_id left join users b on b.id = l.assigned_by \
             where l.enterprise_id = $1 order by (l.ended_at is null) desc, l.assigned_at desc, l.id desc",
        )
        .bind(enterprise_id)
        .fetch_all(pool)
        .await
    })
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    id: i64,
    kind: String,
    contacted_on: NaiveDate,
    participants: String,
    notes: String,
    follow_ups: String,
    recorded_by_name: Option<String>,
}

pub async fn contacts(db: &Db, enterprise_id: i64) -> Result<Vec<AftercareContact>, sqlx::Error> {
    let rows: Vec<ContactRow> = on_db!(db, |pool| {
        sqlx::query_as::<_, ContactRow>(
            "select c.id, c.kind, c.contacted_on, c.participants, c.notes, c.follow_ups, \
                    u.display_name as recorded_by_name \
             from aftercare_contacts c left join users u on u.id = c.recorded_by \
             where c.enterprise_id = $1 order by c.contacted_on desc, c.id desc",
        )
        .bind(enterprise_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| AftercareContact {
            id: r.id,
            kind: ContactKind::parse(&r.kind).unwrap_or(ContactKind::Visit),
            contacted_on: r.contacted_on,
            participants: r.participants,
            notes: r.notes,
            follow_ups: r.follow_ups,
            recorded_by_name: r.recorded_by_name,
        })
        .collect())
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
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into enterprises (name_zh, name_original, credit_code, country, industry_chain_id, \
                 registered_capital_usd_cents, utilised_capital_usd_cents, employees, foreign_staff, lifecycle, is_key, \
                 responsible_leader_id, address, notes, version, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15) returning id",
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
        .fetch_one(conn)
        .await
    })
    .map_err(map_write)
}

/// Save an edit if nobody saved since `version`; `Ok(false)` if somebody did.
pub async fn update(tx: &mut Tx, id: i64, version: i32, f: &Fields<'_>, at: DateTime<Utc>) -> Result<bool, WriteError> {
    on_tx!(tx, |conn| {
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
    .map_err(map_write)
}

/// End the active assignment (if any) with a handover note; returns the officer it ended.
pub async fn end_assignment(
    tx: &mut Tx,
    enterprise_id: i64,
    at: DateTime<Utc>,
    note: &str,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "update enterprise_liaisons set ended_at = $1, handover_note = $2 \
             where enterprise_id = $3 and ended_at is null returning officer_id",
        )
        .bind(at)
        .bind(note)
        .bind(enterprise_id)
        .fetch_optional(conn)
        .await
    })
}

#[derive(Debug, thiserror::Error)]
pub enum AssignError {
    /// Another assignment became active meanwhile: the one-liaison rule held.
    #[error("already assigned")]
    AlreadyAssigned,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Start an assignment. The partial unique index refuses a second active one.
pub async fn start_assignment(
    tx: &mut Tx,
    enterprise_id: i64,
    officer_id: i64,
    by: i64,
    at: DateTime<Utc>,
) -> Result<(), AssignError> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into enterprise_liaisons (enterprise_id, officer_id, assigned_at, assigned_by, handover_note) \
             values ($1, $2, $3, $4, '')",
        )
        .bind(enterprise_id)
        .bind(officer_id)
        .bind(at)
        .bind(by)
        .execute(conn)
        .await
        .map(|_| ())
    })
    .map_err(|e| if is_unique_violation(&e) { AssignError::AlreadyAssigned } else { AssignError::Db(e) })
}

pub struct NewContact<'a> {
    pub enterprise_id: i64,
    pub kind: ContactKind,
    pub contacted_on: NaiveDate,
    pub participants: &'a str,
    pub notes: &'a str,
    pub follow_ups: &'a str,
    pub recorded_by: i64,
    pub at: DateTime<Utc>,
}

/// Record a contact and move the enterprise's last-contact date forward (never back).
pub async fn insert_contact(tx: &mut Tx, c: &NewContact<'_>) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        let id = sqlx::query_scalar::<_, i64>(
            "insert into aftercare_contacts (enterprise_id, kind, contacted_on, participants, notes, follow_ups, \
                 recorded_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
        )
        .bind(c.enterprise_id)
        .bind(c.kind.as_str())
        .bind(c.contacted_on)
        .bind(c.participants)
        .bind(c.notes)
        .bind(c.follow_ups)
        .bind(c.recorded_by)
        .bind(c.at)
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query(
            "update enterprises set last_contact_on = $1 \
             where id = $2 and (last_contact_on is null or last_contact_on < $1)",
        )
        .bind(c.contacted_on)
        .bind(c.enterprise_id)
        .execute(&mut *conn)
        .await?;
        Ok(id)
    })
}

/// Set (or clear) the enterprise's responsible leader; returns the one it had.
pub async fn set_leader(
    tx: &mut Tx,
    enterprise_id: i64,
    leader_id: Option<i64>,
    at: DateTime<Utc>,
) -> Result<Option<Option<i64>>, sqlx::Error> {
    let before: Option<Option<i64>> = on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, Option<i64>>("select responsible_leader_id from enterprises where id = $1")
            .bind(enterprise_id)
            .fetch_optional(conn)
            .await
    })?;
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
