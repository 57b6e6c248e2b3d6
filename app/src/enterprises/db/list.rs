//! The register's list: one page with its filters and its count, and the same rows streamed
//! for the CSV export.

use super::name_search::{plan_name_search, search_condition, NameSearch, Shape};
use super::OverdueCutoff;
use crate::db::{Arg, Columns, Db, Record, Where};
use crate::enterprises::{EnterpriseFilter, EnterpriseSummary, Lifecycle};
use chrono::{DateTime, NaiveDate, Utc};

/// A line of the list as read: its `created_at`, which `EnterpriseSummary` does not hold,
/// judges with the cutoff whether it is overdue (`into_summary`).
struct SummaryRow {
    id: i64,
    name_zh: String,
    name_original: String,
    credit_code: Option<String>,
    country: String,
    industry_chain_id: Option<i64>,
    lifecycle: Lifecycle,
    is_key: bool,
    liaison_id: Option<i64>,
    liaison_name: Option<String>,
    last_contact_on: Option<NaiveDate>,
    created_at: DateTime<Utc>,
}

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

crate::code_column!(Lifecycle);

impl Record for SummaryRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(SummaryRow {
            id: row.get("id")?,
            name_zh: row.get("name_zh")?,
            name_original: row.get("name_original")?,
            credit_code: row.get("credit_code")?,
            country: row.get("country")?,
            industry_chain_id: row.get("industry_chain_id")?,
            lifecycle: row.get("lifecycle")?,
            is_key: row.get("is_key")?,
            liaison_id: row.get("liaison_id")?,
            liaison_name: row.get("liaison_name")?,
            last_contact_on: row.get("last_contact_on")?,
            created_at: row.get("created_at")?,
        })
    }
}

/// A page's row, with the number of matches.
struct PageRow {
    row: SummaryRow,
    total: i64,
}

impl Record for PageRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(PageRow { row: SummaryRow::read(row)?, total: row.get("total")? })
    }
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
    let shape = page_shape(&plan, by_name);
    let (cond, count_cond) = page_conditions(&plan, shape, f, reader_id, cutoff);

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

/// How the page reads the index for a name search.
fn page_shape(plan: &Option<(&str, NameSearch)>, by_name: bool) -> Shape {
    match plan {
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
    }
}

/// The page's conditions, and its count's (numbered after the page's): the count reads the
/// name search from its candidates, whatever the page's shape.
fn page_conditions(
    plan: &Option<(&str, NameSearch)>,
    shape: Shape,
    f: &EnterpriseFilter,
    reader_id: i64,
    cutoff: OverdueCutoff,
) -> (Where, Where) {
    let mut cond = Where::default();
    if let Some((q, plan)) = plan {
        search_condition(&mut cond, q, plan, shape);
    }
    filter_conditions(&mut cond, f, reader_id, cutoff);
    let mut count_cond = Where::after(&cond);
    if let Some((q, plan)) = plan {
        search_condition(&mut count_cond, q, plan, Shape::Candidates);
    }
    filter_conditions(&mut count_cond, f, reader_id, cutoff);
    (cond, count_cond)
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
    // On SQLite the page is read on the request's thread, unless it scans the names.
    let rows: Vec<PageRow> = if query.scans {
        db.scan(&query.list_sql, &query.args).await?
    } else {
        db.all(&query.list_sql, &query.args).await?
    };
    let total = match rows.first() {
        Some(r) => r.total,
        // Past the last page: count on its own.
        None if f.page > 0 && query.scans => {
            db.scan(&query.count_only_sql, &query.count_args).await?.into_iter().next().unwrap_or(0)
        }
        None if f.page > 0 => db.one(&query.count_only_sql, &query.count_args).await?,
        None => 0,
    };
    Ok((rows.into_iter().map(|r| r.row.into_summary(cutoff)).collect(), total))
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
            lifecycle: self.lifecycle,
            is_key: self.is_key,
            liaison_id: self.liaison_id,
            liaison_name: self.liaison_name,
            last_contact_on: self.last_contact_on,
        }
    }
}
