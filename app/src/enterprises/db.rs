//! Enterprises, their liaison assignments and aftercare contacts.

use crate::db::{is_unique_violation, Arg, Db, Tx, Where};
use crate::domain::search;
use crate::domain::Locale;
use crate::enterprises::{
    AftercareContact, ContactKind, ContactPerson, EnterpriseFilter, EnterpriseSummary, IndustryChain,
    LiaisonAssignment, Lifecycle, Officer,
};
use crate::{bind_args, on_db, on_tx};
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
    created_at: DateTime<Utc>,
}

const OVERDUE_SQL: &str = "(e.last_contact_on < $1 or (e.last_contact_on is null and e.created_at < $2))";

impl OverdueCutoff {
    /// The rule of `OVERDUE_SQL`, for rows already read.
    fn is_overdue(&self, last_contact_on: Option<NaiveDate>, created_at: DateTime<Utc>) -> bool {
        match last_contact_on {
            Some(d) => d < self.date,
            None => created_at < self.at,
        }
    }
}

/// How a name search reads the index. Each entry's number of enterprises is counted first
/// (up to `COUNT_CAP` and one more); the matches are then read from the rarest entry's
/// enterprises in name order, their names checked against the query, until the page is full.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NameSearch {
    /// The query has a word too short for the index: the names are scanned.
    Scan { pattern: String },
    /// Index entries, rarest first, and whether the names must still be checked (the query
    /// is more than one entry, or spans words).
    Terms { terms: Vec<String>, pattern: Option<String>, broad: bool, rarest: i64 },
}

impl NameSearch {
    /// The number of matches when the query is exactly one index entry: its entry count
    /// (up to `COUNT_CAP` and one more), with no statement of its own.
    fn exact_count(&self) -> Option<i64> {
        match self {
            NameSearch::Terms { terms, pattern: None, rarest, .. } if terms.len() == 1 => Some(*rarest),
            _ => None,
        }
    }
}

/// An entry with at least this many enterprises is common.
const BROAD: i64 = 1000;

/// An entry with fewer than this many enterprises is rare: when a query has one, its other
/// entries are counted no further (only the rarest entry is read, and a search with a rare
/// entry is not broad).
const RARE: i64 = 256;

/// Count each entry's enterprises in one statement. The entry of a one-entry query is counted
/// up to `COUNT_CAP` and one more (that is the search's count). The entries of a longer query
/// are counted first up to `RARE`, and only when none is rare again up to `COUNT_CAP` and one
/// more: "帕多瓦精密" has one rare entry ("瓦精", 122 enterprises) beside three common ones, and
/// its counts read about 890 index rows instead of 3 125 (7 200 SQLite steps instead of 25 000).
pub async fn term_counts(db: &Db, terms: &[String]) -> Result<Vec<i64>, sqlx::Error> {
    use sqlx::Row;
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let count = |i: usize, cap: i64| {
        format!("(select count(*) from (select 1 from enterprise_search_terms where term = ${i} limit {cap}) t{i})")
    };
    let numbers = 1..=terms.len();
    let full = crate::domain::COUNT_CAP + 1;
    let sql = if terms.len() == 1 {
        format!("select {}", count(1, full))
    } else {
        let firsts: Vec<String> = numbers.clone().map(|i| format!("{} as s{i}", count(i, RARE))).collect();
        let any_rare: Vec<String> = numbers.clone().map(|i| format!("s{i} < {RARE}")).collect();
        let any_rare = any_rare.join(" or ");
        let columns: Vec<String> =
            numbers.map(|i| format!("case when {any_rare} then s{i} else {} end", count(i, full))).collect();
        // Materialized, so that each first count is read once however often the columns name it.
        format!("with firsts as materialized (select {}) select {} from firsts", firsts.join(", "), columns.join(", "))
    };
    let args: Vec<Arg> = terms.iter().map(|t| Arg::Text(t.clone())).collect();
    let args: Vec<&Arg> = args.iter().collect();
    let here =
        db.sqlite().and_then(|lite| lite.row_here(&sql, &args, |row| (0..terms.len()).map(|i| row.get(i)).collect()));
    if let Some(counts) = here {
        return counts.map(Option::unwrap_or_default);
    }
    on_db!(db, |pool| {
        let mut q = sqlx::query(&sql);
        for t in terms {
            q = q.bind(t);
        }
        let row = q.fetch_one(pool).await?;
        (0..terms.len()).map(|i| row.try_get::<i64, _>(i)).collect::<Result<Vec<i64>, sqlx::Error>>()
    })
}

async fn plan_name_search(db: &Db, q: &str) -> Result<NameSearch, sqlx::Error> {
    let q: String = q.chars().take(MAX_QUERY_CHARS).collect();
    let normalized = search::normalize(&q);
    let pattern = format!("%{}%", crate::db::like_escape(&normalized));
    let Some(terms) = search::query_terms(&q) else {
        return Ok(NameSearch::Scan { pattern });
    };
    // The query is itself one index entry (two Chinese characters, say): every name with
    // that entry holds it, so the names need no check.
    let exact = terms.len() == 1 && terms.first() == Some(&normalized);
    let terms: Vec<String> = terms.into_iter().take(MAX_QUERY_TERMS).collect();
    let counts = term_counts(db, &terms).await?;
    let mut ranked: Vec<(i64, String)> = counts.into_iter().zip(terms).collect();
    ranked.sort();
    let rarest = ranked.first().map(|(n, _)| *n).unwrap_or(0);
    Ok(NameSearch::Terms {
        terms: ranked.into_iter().map(|(_, t)| t).collect(),
        pattern: (!exact).then_some(pattern),
        broad: rarest >= BROAD,
        rarest,
    })
}

/// How a search's page reads the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// The page in name order, straight from the rarest entry's enterprises in their name
    /// order (`t0`, joined to the register).
    InNameOrder,
    /// The register walked in name order, each row checked against the index (a broad
    /// search that may also be a credit code).
    WalkRegister,
    /// The rarest entry's enterprises (for counting, and for the other sort orders).
    Candidates,
}

/// The name-search condition, for `shape`. Only the rarest entry is read: a query of more
/// than one entry has its names checked against the whole query, and a name that holds the
/// query holds each of its entries. A valid credit code matches its enterprise too (never
/// with `InNameOrder`, which reads the index's entries only).
fn search_condition(cond: &mut Where, q: &str, plan: &NameSearch, shape: Shape) {
    let (mut sql, mut values) = match plan {
        NameSearch::Scan { pattern } => {
            ("e.search_name like ? escape '\\'".to_string(), vec![Arg::Text(pattern.clone())])
        }
        NameSearch::Terms { terms, pattern, .. } => {
            let rarest = terms.first().cloned().unwrap_or_default();
            let mut sql = match shape {
                Shape::InNameOrder => "t0.term = ?".to_string(),
                Shape::WalkRegister => {
                    "exists (select 1 from enterprise_search_terms t where t.term = ? and t.enterprise_id = e.id)"
                        .to_string()
                }
                Shape::Candidates => {
                    "e.id in (select t0.enterprise_id from enterprise_search_terms t0 where t0.term = ?)".to_string()
                }
            };
            let mut values = vec![Arg::Text(rarest)];
            if let Some(p) = pattern {
                sql.push_str(" and e.search_name like ? escape '\\'");
                values.push(Arg::Text(p.clone()));
            }
            (sql, values)
        }
    };
    match crate::domain::CreditCode::parse("q", q) {
        Ok(code) if shape != Shape::InNameOrder => {
            values.insert(0, Arg::Text(code.as_str().to_string()));
            sql = format!("(e.credit_code = ? or ({sql}))");
            cond.push(&sql, values);
        }
        _ => cond.push(&sql, values),
    }
}

/// A search uses at most this much of what was typed, and this many index entries.
const MAX_QUERY_CHARS: usize = 100;
const MAX_QUERY_TERMS: usize = 12;

/// The filters other than the name search.
fn filter_conditions(cond: &mut Where, f: &EnterpriseFilter, reader_id: i64, cutoff: OverdueCutoff) {
    if let Some(country) = f.country.as_deref().filter(|s| !s.is_empty()) {
        cond.push("e.country = ?", vec![Arg::Text(country.to_uppercase())]);
    }
    if let Some(chain) = f.industry_chain_id {
        cond.push("e.industry_chain_id = ?", vec![Arg::Int(chain)]);
    }
    if let Some(key) = f.is_key {
        cond.push(if key { "e.is_key = true" } else { "e.is_key = false" }, vec![]);
    }
    if let Some(lifecycle) = f.lifecycle.as_deref().filter(|s| !s.is_empty()) {
        cond.push("e.lifecycle = ?", vec![Arg::Text(lifecycle.to_string())]);
    }
    if let Some(officer) = if f.mine { Some(reader_id) } else { f.liaison_id } {
        cond.push("l.officer_id = ?", vec![Arg::Int(officer)]);
    }
    if f.overdue {
        cond.push(
            "(e.last_contact_on < ? or (e.last_contact_on is null and e.created_at < ?))",
            vec![Arg::Date(cutoff.date), Arg::Time(cutoff.at)],
        );
    }
    if f.gap {
        cond.push("e.is_key = true and l.id is null and e.lifecycle <> 'exited'", vec![]);
    }
}

/// A `PageRow` read with rusqlite, in the order of the page statement's columns.
fn page_row_here(row: &rusqlite::Row) -> rusqlite::Result<PageRow> {
    use crate::db::sqlite::{date_column, time_column};
    Ok(PageRow {
        row: SummaryRow {
            id: row.get(0)?,
            name_zh: row.get(1)?,
            name_original: row.get(2)?,
            credit_code: row.get(3)?,
            country: row.get(4)?,
            industry_chain_id: row.get(5)?,
            lifecycle: row.get(6)?,
            is_key: row.get(7)?,
            liaison_id: row.get(8)?,
            liaison_name: row.get(9)?,
            last_contact_on: date_column(row, 10)?,
            created_at: time_column(row, 11)?,
        },
        total: row.get(12)?,
    })
}

#[derive(sqlx::FromRow)]
struct PageRow {
    #[sqlx(flatten)]
    row: SummaryRow,
    total: i64,
}

/// One page of the list's statement: its rows with the number of matches in each.
struct PageQuery {
    list_sql: String,
    args: Vec<Arg>,
    /// The count on its own, for a page past the last, with `count_args`.
    count_only_sql: String,
    count_args: Vec<Arg>,
    /// It scans the names (not read on the request's thread).
    scans: bool,
}

/// The statement of one page of the list with its filters. A search reads its index entries'
/// sizes first; the page and its count come in one statement.
async fn page_query(
    db: &Db,
    f: &EnterpriseFilter,
    reader_id: i64,
    cutoff: OverdueCutoff,
    per_page: i64,
) -> Result<PageQuery, sqlx::Error> {
    let q = f.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let plan = match q {
        Some(q) => Some((q, plan_name_search(db, q).await?)),
        None => None,
    };
    let by_name = !matches!(f.sort.as_deref(), Some("updated" | "last_contact"));
    let shape = match &plan {
        // A credit code is not in the index: it needs the register.
        Some((q, NameSearch::Terms { broad, .. })) if by_name => {
            if crate::domain::CreditCode::parse("q", q).is_err() {
                Shape::InNameOrder
            } else if *broad {
                Shape::WalkRegister
            } else {
                Shape::Candidates
            }
        }
        _ => Shape::Candidates,
    };
    let mut cond = Where::default();
    if let Some((q, plan)) = &plan {
        search_condition(&mut cond, q, plan, shape);
    }
    filter_conditions(&mut cond, f, reader_id, cutoff);
    let mut count_cond = Where::after(&cond);
    if let Some((q, plan)) = &plan {
        search_condition(&mut count_cond, q, plan, Shape::Candidates);
    }
    filter_conditions(&mut count_cond, f, reader_id, cutoff);

    let order = match f.sort.as_deref() {
        Some("updated") => "e.updated_at desc, e.id desc",
        Some("last_contact") => "coalesce(e.last_contact_on, '0001-01-01') asc, e.id",
        _ => "e.name_zh, e.id",
    };
    // The page's rows: from the index in name order, or from the register.
    let (source, inner_order) = match shape {
        Shape::InNameOrder => {
            ("enterprise_search_terms t0 join enterprises e on e.id = t0.enterprise_id", "t0.name_zh, t0.enterprise_id")
        }
        _ => ("enterprises e", order),
    };
    // Filter, sort and cut the page first; join the officer only for the page's rows.
    let (filters, count_filters) = (cond.sql(), count_cond.sql());
    let liaison_join = "left join enterprise_liaisons l on l.enterprise_id = e.id and l.ended_at is null";
    let inner_join = if filters.contains("l.") { liaison_join } else { "" };
    let count_sql = format!(
        "select count(*) from (select 1 from enterprises e {inner_join}{count_filters} limit {}) matches",
        crate::domain::COUNT_CAP + 1
    );
    // A search that is one index entry and nothing else is counted already.
    let known = match &plan {
        Some((q, p)) if count_cond.len() == 1 && crate::domain::CreditCode::parse("q", q).is_err() => p.exact_count(),
        _ => None,
    };
    let total_sql = match known {
        Some(n) => format!("cast({n} as bigint)"),
        None => format!("({count_sql})"),
    };
    let list_sql = format!(
        "select e.id, e.name_zh, e.name_original, e.credit_code, e.country, e.industry_chain_id, e.lifecycle, \
                e.is_key, l.officer_id as liaison_id, u.display_name as liaison_name, e.last_contact_on, e.created_at, \
                {total_sql} as total \
         from (select e.* from {source} {inner_join}{filters} order by {inner_order} limit {per_page} offset {}) e \
         {liaison_join} left join users u on u.id = l.officer_id order by {order}",
        f.page.clamp(0, crate::domain::MAX_PAGE) * per_page
    );
    let count_only_sql = format!(
        "select count(*) from (select 1 from {source} {inner_join}{filters} limit {}) matches",
        crate::domain::COUNT_CAP + 1
    );
    let args = cond.args.iter().chain(count_cond.args.iter().filter(|_| known.is_none())).cloned().collect();
    Ok(PageQuery {
        list_sql,
        args,
        count_only_sql,
        count_args: cond.args,
        scans: matches!(plan, Some((_, NameSearch::Scan { .. }))),
    })
}

/// One page of the list with its filters, and the number of matches (counted up to
/// `COUNT_CAP` and one more).
pub async fn search(
    db: &Db,
    f: &EnterpriseFilter,
    reader_id: i64,
    cutoff: OverdueCutoff,
    per_page: i64,
) -> Result<(Vec<EnterpriseSummary>, i64), sqlx::Error> {
    let query = page_query(db, f, reader_id, cutoff, per_page).await?;
    let args: Vec<&Arg> = query.args.iter().collect();
    // On SQLite the page is read on the request's thread, unless it scans the names.
    let here =
        db.sqlite().filter(|_| !query.scans).and_then(|lite| lite.rows_here(&query.list_sql, &args, page_row_here));
    let (rows, total): (Vec<SummaryRow>, i64) = on_db!(db, |pool| {
        let rows = match here {
            Some(rows) => rows?,
            None => bind_args!(sqlx::query_as::<_, PageRow>(&query.list_sql), &args).fetch_all(pool).await?,
        };
        let total = match rows.first() {
            Some(r) => r.total,
            // Past the last page: count on its own.
            None if f.page > 0 => {
                bind_args!(sqlx::query_scalar::<_, i64>(&query.count_only_sql), &query.count_args)
                    .fetch_one(pool)
                    .await?
            }
            None => 0,
        };
        (rows.into_iter().map(|r| r.row).collect(), total)
    });
    Ok((rows.into_iter().map(|r| r.into_summary(cutoff)).collect(), total))
}

/// The enterprises matching the filter in the list's order, at most `limit`, sent as they are
/// read (the CSV export; see `Db::stream`, which keeps `hold` while it reads).
pub async fn stream(
    db: &Db,
    f: &EnterpriseFilter,
    reader_id: i64,
    cutoff: OverdueCutoff,
    limit: i64,
    hold: impl crate::db::Holding,
) -> Result<crate::db::Rows<EnterpriseSummary>, sqlx::Error> {
    let f = EnterpriseFilter { page: 0, ..f.clone() };
    let query = page_query(db, &f, reader_id, cutoff, limit).await?;
    Ok(db.stream(query.list_sql, query.args, move |r: PageRow| r.row.into_summary(cutoff), hold))
}

impl SummaryRow {
    fn into_summary(self, cutoff: OverdueCutoff) -> EnterpriseSummary {
        EnterpriseSummary {
            overdue: cutoff.is_overdue(self.last_contact_on, self.created_at),
            id: self.id,
            name_zh: self.name_zh,
            name_original: self.name_original,
            credit_code: self.credit_code,
            country: self.country,
            industry_chain_id: self.industry_chain_id,
            lifecycle: Lifecycle::parse(&self.lifecycle).unwrap_or(Lifecycle::Lead),
            is_key: self.is_key,
            liaison_id: self.liaison_id,
            liaison_name: self.liaison_name,
            last_contact_on: self.last_contact_on,
        }
    }
}

/// Replace an enterprise's search entries, which carry its Chinese name for ordering, after
/// it is saved (in the same transaction).
pub async fn index_names(tx: &mut Tx, id: i64, name_zh: &str, name_original: &str) -> Result<(), sqlx::Error> {
    let terms = search::index_terms(&[name_zh, name_original]);
    let name = search::normalize(&format!("{name_zh} {name_original}"));
    on_tx!(tx, |conn| {
        sqlx::query("delete from enterprise_search_terms where enterprise_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        for chunk in terms.iter().collect::<Vec<_>>().chunks(200) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("(${}, $1, $2)", i + 3)).collect();
            // Two servers back-filling at start-up may meet: the second insert changes nothing.
            let sql = format!(
                "insert into enterprise_search_terms (term, enterprise_id, name_zh) values {} on conflict do nothing",
                marks.join(", ")
            );
            let mut q = sqlx::query(&sql).bind(id).bind(name_zh);
            for t in chunk {
                q = q.bind(t.as_str());
            }
            q.execute(&mut *conn).await?;
        }
        sqlx::query("update enterprises set search_name = $1 where id = $2")
            .bind(&name)
            .bind(id)
            .execute(&mut *conn)
            .await
            .map(|_| ())
    })
}

/// Index the names of enterprises that have no search entries yet (those registered before
/// the index existed); run at start-up, a batch per transaction.
pub async fn index_missing(db: &Db) -> Result<usize, sqlx::Error> {
    let mut done = 0;
    loop {
        let batch: Vec<(i64, String, String)> = on_db!(db, |pool| {
            sqlx::query_as::<_, (i64, String, String)>(
                "select id, name_zh, name_original from enterprises where search_name is null order by id limit 500",
            )
            .fetch_all(pool)
            .await
        })?;
        if batch.is_empty() {
            return Ok(done);
        }
        let mut tx = db.begin().await?;
        for (id, zh, original) in &batch {
            index_names(&mut tx, *id, zh, original).await?;
        }
        tx.commit().await?;
        done += batch.len();
    }
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
    let id = on_tx!(tx, |conn| {
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

pub async fn people(db: &Db, enterprise_id: i64) -> Result<Vec<ContactPerson>, sqlx::Error> {
    let rows: Vec<(i64, String, String, Option<String>, String, String)> = on_db!(db, |pool| {
        sqlx::query_as::<_, (i64, String, String, Option<String>, String, String)>(
            "select id, name, title, email, phone, language from enterprise_people where enterprise_id = $1 order by id",
        )
        .bind(enterprise_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, name, title, email, phone, language)| ContactPerson {
            id,
            name,
            title,
            email,
            phone,
            language: Locale::parse(&language).unwrap_or(Locale::En),
        })
        .collect())
}

pub struct NewPerson<'a> {
    pub enterprise_id: i64,
    pub name: &'a str,
    pub title: &'a str,
    pub email: Option<&'a str>,
    pub phone: &'a str,
    pub language: Locale,
    pub by: i64,
    pub at: DateTime<Utc>,
}

pub async fn insert_person(tx: &mut Tx, p: &NewPerson<'_>) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into enterprise_people (enterprise_id, name, title, email, phone, language, created_by, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
        )
        .bind(p.enterprise_id)
        .bind(p.name)
        .bind(p.title)
        .bind(p.email)
        .bind(p.phone)
        .bind(p.language.tag())
        .bind(p.by)
        .bind(p.at)
        .fetch_one(conn)
        .await
    })
}

/// Remove a person from an enterprise; returns their name, or `None` if they were not there.
pub async fn delete_person(tx: &mut Tx, enterprise_id: i64, person_id: i64) -> Result<Option<String>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, String>(
            "delete from enterprise_people where id = $1 and enterprise_id = $2 returning name",
        )
        .bind(person_id)
        .bind(enterprise_id)
        .fetch_optional(conn)
        .await
    })
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
