//! Lists of cases: the filter's conditions, one page with its count, the rows streamed for
//! the CSV export, and the deadlines page's lists in one statement.

use super::{RiskWindow, SummaryRow, COLUMNS, FROM, RUNNING, SUMMARY};
use crate::cases::{CaseFilter, CaseSummary, CaseType};
use crate::db::{Arg, Columns, Db, Record, Where};
use crate::domain::CaseStatus;

/// The conditions of a filter: only those it sets, so each query can use its indexes.
fn conditions(f: &CaseFilter, reader_id: i64, w: RiskWindow) -> Where {
    conditions_after(f, reader_id, w, Where::default())
}

/// `conditions`, added to `cond` (see `Where::after`).
fn conditions_after(f: &CaseFilter, reader_id: i64, w: RiskWindow, mut cond: Where) -> Where {
    let mut push = |clause: &str, values: Vec<Arg>| cond.push(clause, values);
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let q: String = q.chars().take(100).collect();
        let like = format!("%{}%", crate::db::escape_like(&crate::domain::search::normalize(&q)));
        push(
            "(c.reference = ? or lower(c.title) like ? escape '\\' or e.search_name like ? escape '\\' \
              or lower(c.enterprise_name_given) like ? escape '\\')",
            vec![Arg::Text(q.trim().to_uppercase()), Arg::Text(like.clone()), Arg::Text(like.clone()), Arg::Text(like)],
        );
    }
    if let Some(s) = f.status.as_deref().and_then(CaseStatus::parse) {
        push("c.status = ?", vec![Arg::Text(s.as_str().into())]);
    }
    if let Some(t) = f.case_type.as_deref().and_then(CaseType::parse) {
        push("c.case_type = ?", vec![Arg::Text(t.as_str().into())]);
    }
    match f.due.as_deref() {
        Some("overdue") => push(&format!("{RUNNING} and c.due_on < ?"), vec![Arg::Date(w.today)]),
        Some("at_risk") => push(
            &format!("{RUNNING} and c.due_on >= ? and c.due_on <= ?"),
            vec![Arg::Date(w.today), Arg::Date(w.at_risk_until)],
        ),
        _ => {}
    }
    if let Some(id) = f.enterprise_id {
        push("c.enterprise_id = ?", vec![Arg::Int(id)]);
    }
    if f.mine {
        push("c.owner_id = ?", vec![Arg::Int(reader_id)]);
    }
    if f.led {
        push("e.responsible_leader_id = ?", vec![Arg::Int(reader_id)]);
    }
    if f.green_channel {
        push("c.green_channel = true", vec![]);
    }
    if f.intake {
        push(
            "c.owner_id is null and c.source = 'portal' and c.status in ('submitted', 'accepted', 'in_progress', \
            'awaiting_applicant')",
            vec![],
        );
    }
    cond
}

/// Newest first; by deadline when filtered by it.
fn list_order(f: &CaseFilter) -> &'static str {
    if f.due.is_some() {
        "c.due_on, c.id"
    } else {
        "c.id desc"
    }
}

/// The cases matching the filter in the list's order, at most `limit`, sent as they are read
/// (the CSV export; see `Db::stream`, which keeps `hold` while it reads).
pub fn stream(
    db: &Db,
    f: &CaseFilter,
    reader_id: i64,
    w: RiskWindow,
    limit: i64,
    hold: impl crate::db::Holding,
) -> crate::db::Rows<CaseSummary> {
    let cond = conditions(f, reader_id, w);
    let sql = format!("{SUMMARY}{} order by {} limit {limit}", cond.sql(), list_order(f));
    db.stream(sql, cond.args, move |r: SummaryRow| r.into_summary(w), hold)
}

/// One page of cases matching the filter (newest first; by deadline when filtered by it),
/// and the number of matches.
pub async fn search(
    db: &Db,
    f: &CaseFilter,
    reader_id: i64,
    w: RiskWindow,
    per_page: i64,
) -> Result<(Vec<CaseSummary>, i64), sqlx::Error> {
    let cond = conditions(f, reader_id, w);
    let (filters, args) = (cond.sql(), &cond.args);
    let order = list_order(f);
    let offset = f.page.clamp(0, crate::domain::MAX_PAGE) * per_page;
    let list_sql = format!("{SUMMARY}{filters} order by {order} limit {per_page} offset {offset}");
    // Counting stops past COUNT_CAP: "more than 1 000" is all a reader needs, and a count of
    // a million rows is not free.
    let count_sql = format!(
        "select count(*) from (select 1 from cases c{}{filters} limit {}) matches",
        if filters.contains("e.") { " left join enterprises e on e.id = c.enterprise_id" } else { "" },
        crate::domain::COUNT_CAP + 1
    );
    // On SQLite a page is read on the request's thread, unless it searches the text (a scan).
    let scans = f.q.as_deref().is_some_and(|q| !q.trim().is_empty());
    let rows: Vec<SummaryRow> = if scans { db.scan(&list_sql, args).await? } else { db.all(&list_sql, args).await? };
    let total = if f.page == 0 && (rows.len() as i64) < per_page {
        rows.len() as i64
    } else if scans {
        db.scan::<i64>(&count_sql, args).await?.into_iter().next().unwrap_or(0)
    } else {
        db.one::<i64>(&count_sql, args).await?
    };
    Ok((rows.into_iter().map(|r| r.into_summary(w)).collect(), total))
}

/// The deadlines page's lists: the first page of each, with its number of cases.
#[derive(Debug, PartialEq)]
pub struct DeadlineLists {
    pub overdue: (Vec<CaseSummary>, i64),
    pub at_risk: (Vec<CaseSummary>, i64),
    /// The overdue cases of the enterprises the reader leads (leaders only; the first page).
    pub led: Option<Vec<CaseSummary>>,
}

/// A summary with the deadlines list it belongs to and that list's count.
struct DeadlineRow {
    row: SummaryRow,
    list: String,
    total: i64,
}

impl Record for DeadlineRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(DeadlineRow { row: SummaryRow::read(row)?, list: row.get("list")?, total: row.get("total")? })
    }
}

/// The deadlines page in one statement: each list's first `per_page` cases (by due date, from
/// the index of running cases' due dates), each row carrying its list's count (up to
/// `COUNT_CAP` and one more); `led` adds the leader's list.
pub async fn deadlines(
    db: &Db,
    reader_id: i64,
    w: RiskWindow,
    per_page: i64,
    led: bool,
) -> Result<DeadlineLists, sqlx::Error> {
    let due = |due: &str, led: bool| CaseFilter { due: Some(due.into()), led, ..Default::default() };
    let mut lists = vec![("overdue", due("overdue", false)), ("at_risk", due("at_risk", false))];
    if led {
        lists.push(("led", due("overdue", true)));
    }
    let mut cond = Where::default();
    let mut args = Vec::new();
    let mut parts = Vec::new();
    for (name, f) in &lists {
        let list = conditions_after(f, reader_id, w, Where::after(&cond));
        let counted = conditions_after(f, reader_id, w, Where::after(&list));
        let count_join =
            if counted.sql().contains("e.") { " left join enterprises e on e.id = c.enterprise_id" } else { "" };
        parts.push(format!(
            "select * from (select {COLUMNS}, '{name}' as list, \
                (select count(*) from (select 1 from cases c{count_join}{} limit {}) matches) as total \
             {FROM}{} order by {} limit {per_page}) {name}",
            counted.sql(),
            crate::domain::COUNT_CAP + 1,
            list.sql(),
            list_order(f),
        ));
        args.extend(list.args.iter().cloned());
        args.extend(counted.args.iter().cloned());
        cond = counted;
    }
    let sql = parts.join(" union all ");
    let rows: Vec<DeadlineRow> = db.all(&sql, &args).await?;
    let mut out = DeadlineLists { overdue: (Vec::new(), 0), at_risk: (Vec::new(), 0), led: led.then(Vec::new) };
    for r in rows {
        let summary = r.row.into_summary(w);
        let list = match r.list.as_str() {
            "overdue" => &mut out.overdue,
            "at_risk" => &mut out.at_risk,
            _ => {
                out.led.get_or_insert_with(Vec::new).push(summary);
                continue;
            }
        };
        list.0.push(summary);
        list.1 = r.total;
    }
    // Each list in its order (`list_order`), whatever order the union returned its parts in.
    for list in [&mut out.overdue.0, &mut out.at_risk.0].into_iter().chain(out.led.as_mut()) {
        list.sort_by_key(|c| (c.due_on, c.id));
    }
    Ok(out)
}
