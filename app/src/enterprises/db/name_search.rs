//! The name search: how a query reads the index of name entries (planned from each entry's
//! number of enterprises), and keeping each enterprise's entries in step with its names.

use crate::db::{Arg, Db, Tx, Where};
use crate::domain::search;
use crate::on_tx;

/// How a name search reads the index. Each entry's number of enterprises is counted first
/// (up to `COUNT_CAP` and one more); the matches are then read from the rarest entry's
/// enterprises in name order, their names checked against the query, until the page is full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum NameSearch {
    /// The query has a word too short for the index: the names are scanned.
    Scan { pattern: String },
    /// Index entries, rarest first, and whether the names must still be checked (the query
    /// is more than one entry, or spans words).
    Terms { terms: Vec<String>, pattern: Option<String>, broad: bool, rarest: i64 },
}

impl NameSearch {
    /// The number of matches when the query is exactly one index entry: its entry count
    /// (up to `COUNT_CAP` and one more), with no statement of its own.
    pub(super) fn exact_count(&self) -> Option<i64> {
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
    db.one(&sql, &args).await
}

pub(super) async fn plan_name_search(db: &Db, q: &str) -> Result<NameSearch, sqlx::Error> {
    let q: String = q.chars().take(MAX_QUERY_CHARS).collect();
    let normalized = search::normalize(&q);
    let pattern = format!("%{}%", crate::db::escape_like(&normalized));
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
pub(super) enum Shape {
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
pub(super) fn search_condition(cond: &mut Where, q: &str, plan: &NameSearch, shape: Shape) {
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
        let batch: Vec<(i64, String, String)> = db
            .all::<(i64, String, String)>(
                "select id, name_zh, name_original from enterprises where search_name is null order by id limit 500",
                &[],
            )
            .await?;
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
