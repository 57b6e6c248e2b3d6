//! Cases, their yearly reference counter and their timeline; their department tasks in
//! `tasks`.

pub mod tasks;

use crate::cases::{CaseEvent, CaseFilter, CaseSummary, CaseType, Deadline, EventKind, Priority, PublicText};
use crate::db::{Arg, Db, Tx, Where};
use crate::domain::{CaseStatus, Locale};
use crate::{bind_args, on_db, on_tx};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::types::Json;

/// The next number of `year`, counted inside the caller's transaction: the counter row is
/// locked until commit (PostgreSQL row lock; SQLite's write lock), so concurrent creations
/// get distinct numbers.
pub async fn next_number(tx: &mut Tx, year: i32) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into case_counters (year, last_number) values ($1, 1) \
             on conflict (year) do update set last_number = case_counters.last_number + 1 \
             returning last_number",
        )
        .bind(year)
        .fetch_one(conn)
        .await
    })
}

pub struct NewCase<'a> {
    pub reference: &'a str,
    /// None for a portal request naming an enterprise the office does not know.
    pub enterprise_id: Option<i64>,
    pub case_type: CaseType,
    pub priority: Priority,
    pub green_channel: bool,
    pub full_agency: bool,
    pub title: &'a str,
    pub description: &'a str,
    pub language: Locale,
    pub applicant_name: &'a str,
    pub applicant_email: Option<&'a str>,
    pub owner_id: Option<i64>,
    pub access_code_hash: &'a str,
    /// None for a request submitted through the portal.
    pub created_by: Option<i64>,
    pub at: DateTime<Utc>,
    pub source: &'a str,
    pub applicant_phone: Option<&'a str>,
    pub enterprise_name_given: Option<&'a str>,
    pub credit_code_given: Option<&'a str>,
}

pub async fn insert(tx: &mut Tx, c: &NewCase<'_>) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "insert into cases (reference, enterprise_id, case_type, priority, green_channel, full_agency, title, \
                 description, language, status, owner_id, access_code_hash, version, created_by, created_at, updated_at, \
                 applicant_name, applicant_email, source, applicant_phone, enterprise_name_given, credit_code_given, \
                 applicant_email_verified) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'submitted', $10, $11, 1, $12, $13, $13, $14, $15, $16, $17, \
                 $18, $19, $16 <> 'portal') returning id",
        )
        .bind(c.reference)
        .bind(c.enterprise_id)
        .bind(c.case_type.as_str())
        .bind(c.priority.as_str())
        .bind(c.green_channel)
        .bind(c.full_agency)
        .bind(c.title)
        .bind(c.description)
        .bind(c.language.tag())
        .bind(c.owner_id)
        .bind(c.access_code_hash)
        .bind(c.created_by)
        .bind(c.at)
        .bind(c.applicant_name)
        .bind(c.applicant_email)
        .bind(c.source)
        .bind(c.applicant_phone)
        .bind(c.enterprise_name_given)
        .bind(c.credit_code_given)
        .fetch_one(conn)
        .await
    })
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    reference: String,
    enterprise_id: Option<i64>,
    enterprise_name: String,
    case_type: String,
    priority: String,
    green_channel: bool,
    title: String,
    status: String,
    owner_name: Option<String>,
    created_at: DateTime<Utc>,
    due_on: Option<NaiveDate>,
}

/// Today and the last day that counts as "at risk" (the next working day).
#[derive(Debug, Clone, Copy)]
pub struct RiskWindow {
    pub today: NaiveDate,
    pub at_risk_until: NaiveDate,
}

impl SummaryRow {
    fn into_summary(self, w: RiskWindow) -> CaseSummary {
        let status = CaseStatus::parse(&self.status).unwrap_or(CaseStatus::Submitted);
        CaseSummary {
            id: self.id,
            reference: self.reference,
            enterprise_id: self.enterprise_id,
            enterprise_name: self.enterprise_name,
            case_type: CaseType::parse(&self.case_type).unwrap_or(CaseType::Other),
            priority: Priority::parse(&self.priority).unwrap_or(Priority::Normal),
            green_channel: self.green_channel,
            title: self.title,
            status,
            owner_name: self.owner_name,
            created_at: self.created_at,
            due_on: self.due_on,
            deadline: Deadline::of(status, self.due_on, w.today, w.at_risk_until),
        }
    }
}

/// A `SummaryRow` read with rusqlite, in the order of `SUMMARY`'s columns.
fn summary_row_here(row: &rusqlite::Row) -> rusqlite::Result<SummaryRow> {
    use crate::db::sqlite::{date_column, time_column};
    Ok(SummaryRow {
        id: row.get(0)?,
        reference: row.get(1)?,
        enterprise_id: row.get(2)?,
        enterprise_name: row.get(3)?,
        case_type: row.get(4)?,
        priority: row.get(5)?,
        green_channel: row.get(6)?,
        title: row.get(7)?,
        status: row.get(8)?,
        owner_name: row.get(9)?,
        created_at: time_column(row, 10)?,
        due_on: date_column(row, 11)?,
    })
}

/// A summary's columns (`SummaryRow`, in its order) and where they come from.
macro_rules! summary_columns {
    () => {
        "c.id, c.reference, c.enterprise_id, coalesce(e.name_zh, c.enterprise_name_given, '') as enterprise_name, \
        c.case_type, c.priority, c.green_channel, c.title, c.status, u.display_name as owner_name, c.created_at, c.due_on"
    };
}
macro_rules! summary_from {
    () => {
        " from cases c left join enterprises e on e.id = c.enterprise_id left join users u on u.id = c.owner_id"
    };
}
const COLUMNS: &str = summary_columns!();
const FROM: &str = summary_from!();
const SUMMARY: &str = concat!("select ", summary_columns!(), summary_from!());

/// The statuses in which a case's deadline runs.
const RUNNING: &str = "c.status in ('submitted', 'accepted', 'in_progress')";

/// The conditions of a filter: only those it sets, so each query can use its indexes.
fn conditions(f: &CaseFilter, reader_id: i64, w: RiskWindow) -> Where {
    conditions_after(f, reader_id, w, Where::default())
}

/// `conditions`, added to `cond` (see `Where::after`).
fn conditions_after(f: &CaseFilter, reader_id: i64, w: RiskWindow, mut cond: Where) -> Where {
    let mut push = |clause: &str, values: Vec<Arg>| cond.push(clause, values);
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let q: String = q.chars().take(100).collect();
        let like = format!("%{}%", crate::db::like_escape(&crate::domain::search::normalize(&q)));
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
    let here_args: Vec<&Arg> = args.iter().collect();
    let lite = db.sqlite().filter(|_| f.q.as_deref().is_none_or(|q| q.trim().is_empty()));
    let rows_here = lite.and_then(|lite| lite.rows_here(&list_sql, &here_args, summary_row_here));
    let (rows, total): (Vec<SummaryRow>, i64) = on_db!(db, |pool| {
        let rows = match rows_here {
            Some(rows) => rows?,
            None => bind_args!(sqlx::query_as::<_, SummaryRow>(&list_sql), args).fetch_all(pool).await?,
        };
        let total = if f.page == 0 && (rows.len() as i64) < per_page {
            rows.len() as i64
        } else {
            let count_here = lite.and_then(|lite| lite.row_here(&count_sql, &here_args, |row| row.get(0)));
            match count_here {
                Some(count) => count?.unwrap_or(0),
                None => bind_args!(sqlx::query_scalar::<_, i64>(&count_sql), args).fetch_one(pool).await?,
            }
        };
        (rows, total)
    });
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

#[derive(sqlx::FromRow)]
struct DeadlineRow {
    #[sqlx(flatten)]
    row: SummaryRow,
    list: String,
    total: i64,
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
    let here_args: Vec<&Arg> = args.iter().collect();
    let here = db.sqlite().and_then(|lite| {
        lite.rows_here(&sql, &here_args, |row| {
            Ok(DeadlineRow { row: summary_row_here(row)?, list: row.get(12)?, total: row.get(13)? })
        })
    });
    let rows = match here {
        Some(rows) => rows?,
        None => on_db!(db, |pool| bind_args!(sqlx::query_as::<_, DeadlineRow>(&sql), &args).fetch_all(pool).await?),
    };
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

/// What the case page needs beyond the summary.
pub struct CaseRow {
    pub description: String,
    pub language: String,
    pub full_agency: bool,
    pub version: i32,
    pub owner_id: Option<i64>,
    pub paused_on: Option<NaiveDate>,
    pub applicant_name: String,
    pub applicant_email: Option<String>,
    pub source: String,
    pub applicant_phone: Option<String>,
    pub enterprise_name_given: Option<String>,
    pub credit_code_given: Option<String>,
    pub rating: Option<i32>,
    pub rating_comment: Option<String>,
    pub foreign_staff: Option<crate::portal::db::ForeignStaffRow>,
    pub tasks: Vec<crate::cases::tasks::CaseTask>,
    pub messages: Vec<crate::domain::CaseMessage>,
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    description: String,
    language: String,
    full_agency: bool,
    version: i32,
    owner_id: Option<i64>,
    paused_on: Option<NaiveDate>,
    applicant_name: String,
    applicant_email: Option<String>,
    source: String,
    applicant_phone: Option<String>,
    enterprise_name_given: Option<String>,
    credit_code_given: Option<String>,
    rating: Option<i32>,
    rating_comment: Option<String>,
    passport_name: Option<String>,
    nationality: Option<String>,
    passport_number: Option<String>,
    position: Option<String>,
    arrival_date: Option<NaiveDate>,
    tasks: Json<Vec<tasks::TaskJson>>,
    messages: Json<Vec<crate::db::outbox::MessageJson>>,
}

/// A case with its department tasks, in one query.
pub async fn get(db: &Db, id: i64, w: RiskWindow) -> Result<Option<(CaseSummary, CaseRow)>, sqlx::Error> {
    let sql = format!(
        "select c.id, c.reference, c.enterprise_id, coalesce(e.name_zh, c.enterprise_name_given, '') as enterprise_name, \
            c.case_type, c.priority, \
            c.green_channel, c.title, c.status, u.display_name as owner_name, c.created_at, c.due_on, \
            c.description, c.language, c.full_agency, c.version, c.owner_id, c.paused_on, \
            c.applicant_name, c.applicant_email, c.source, c.applicant_phone, c.enterprise_name_given, \
            c.credit_code_given, c.rating, c.rating_comment, fs.passport_name, fs.nationality, fs.passport_number, \
            fs.position, fs.arrival_date, {}, {} \
         from cases c left join enterprises e on e.id = c.enterprise_id left join users u on u.id = c.owner_id \
         left join case_foreign_staff fs on fs.case_id = c.id \
         where c.id = $1",
        tasks::json_column(db),
        crate::db::outbox::json_column(db)
    );
    let row: Option<DetailRow> =
        on_db!(db, |pool| sqlx::query_as::<_, DetailRow>(&sql).bind(id).fetch_optional(pool).await)?;
    Ok(row.map(|r| {
        let detail = CaseRow {
            description: r.description,
            language: r.language,
            full_agency: r.full_agency,
            version: r.version,
            owner_id: r.owner_id,
            paused_on: r.paused_on,
            applicant_name: r.applicant_name,
            applicant_email: r.applicant_email,
            source: r.source,
            applicant_phone: r.applicant_phone,
            enterprise_name_given: r.enterprise_name_given,
            credit_code_given: r.credit_code_given,
            rating: r.rating,
            rating_comment: r.rating_comment,
            foreign_staff: match (r.passport_name, r.nationality, r.passport_number) {
                (Some(passport_name), Some(nationality), Some(passport_number)) => {
                    Some(crate::portal::db::ForeignStaffRow {
                        passport_name,
                        nationality,
                        passport_number,
                        position: r.position.unwrap_or_default(),
                        arrival_date: r.arrival_date,
                    })
                }
                _ => None,
            },
            tasks: tasks::from_json(r.tasks.0),
            messages: crate::db::outbox::from_json(r.messages.0),
        };
        (r.summary.into_summary(w), detail)
    }))
}

/// Status, version and owner, read inside a write transaction.
pub async fn state_in(tx: &mut Tx, id: i64) -> Result<Option<(String, i32, Option<i64>)>, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query_as::<_, (String, i32, Option<i64>)>("select status, version, owner_id from cases where id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await
    })
}

/// Move a case to `to` if it is still at `version`; `Ok(false)` if someone moved it first.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    version: i32,
    to: CaseStatus,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update cases set status = $1, updated_at = $2, version = version + 1 where id = $3 and version = $4",
        )
        .bind(to.as_str())
        .bind(at)
        .bind(id)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

pub async fn set_access_code_hash(tx: &mut Tx, id: i64, hash: &str, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query("update cases set access_code_hash = $1, updated_at = $2 where id = $3")
            .bind(hash)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

pub struct NewEvent<'a> {
    pub case_id: i64,
    pub kind: EventKind,
    pub from_status: Option<CaseStatus>,
    pub to_status: Option<CaseStatus>,
    pub note: &'a str,
    pub public: Option<&'a PublicText>,
    /// None for the applicant (through the portal).
    pub author_id: Option<i64>,
    pub at: DateTime<Utc>,
}

fn kind_str(k: EventKind) -> &'static str {
    match k {
        EventKind::Created => "created",
        EventKind::StatusChanged => "status_changed",
        EventKind::InternalNote => "internal_note",
        EventKind::PublicUpdate => "public_update",
        EventKind::AccessCodeReset => "access_code_reset",
        EventKind::ApplicantReply => "applicant_reply",
        EventKind::Rated => "rated",
        EventKind::Routed => "routed",
    }
}

pub async fn add_event(tx: &mut Tx, e: &NewEvent<'_>) -> Result<(), sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "insert into case_events (case_id, kind, from_status, to_status, note, public_zh, public_en, public_fr, \
                 author_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(e.case_id)
        .bind(kind_str(e.kind))
        .bind(e.from_status.map(|s| s.as_str()))
        .bind(e.to_status.map(|s| s.as_str()))
        .bind(e.note)
        .bind(e.public.and_then(|p| p.zh.as_deref()))
        .bind(e.public.and_then(|p| p.en.as_deref()))
        .bind(e.public.and_then(|p| p.fr.as_deref()))
        .bind(e.author_id)
        .bind(e.at)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: i64,
    kind: String,
    from_status: Option<String>,
    to_status: Option<String>,
    note: String,
    public_zh: Option<String>,
    public_en: Option<String>,
    public_fr: Option<String>,
    author_name: Option<String>,
    created_at: DateTime<Utc>,
}

pub async fn events(db: &Db, case_id: i64) -> Result<Vec<CaseEvent>, sqlx::Error> {
    let rows: Vec<EventRow> = on_db!(db, |pool| {
        sqlx::query_as::<_, EventRow>(
            "select ev.id, ev.kind, ev.from_status, ev.to_status, ev.note, ev.public_zh, ev.public_en, ev.public_fr, \
                    u.display_name as author_name, ev.created_at \
             from case_events ev left join users u on u.id = ev.author_id where ev.case_id = $1 order by ev.id",
        )
        .bind(case_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| CaseEvent {
            id: r.id,
            kind: match r.kind.as_str() {
                "created" => EventKind::Created,
                "status_changed" => EventKind::StatusChanged,
                "public_update" => EventKind::PublicUpdate,
                "access_code_reset" => EventKind::AccessCodeReset,
                "applicant_reply" => EventKind::ApplicantReply,
                "rated" => EventKind::Rated,
                "routed" => EventKind::Routed,
                _ => EventKind::InternalNote,
            },
            from_status: r.from_status.as_deref().and_then(CaseStatus::parse),
            to_status: r.to_status.as_deref().and_then(CaseStatus::parse),
            note: r.note,
            public: (r.kind == "public_update").then_some(PublicText {
                zh: r.public_zh,
                en: r.public_en,
                fr: r.public_fr,
            }),
            author_name: r.author_name,
            created_at: r.created_at,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    id: i64,
    reference: String,
    title: String,
    enterprise_name: String,
    case_type: String,
    due_on: Option<NaiveDate>,
    language: String,
    applicant_name: String,
    applicant_email: Option<String>,
    applicant_email_verified: bool,
}

/// What e-mails about a case say, read inside the transaction that sends them.
pub async fn facts_in(tx: &mut Tx, id: i64) -> Result<Option<crate::mail::compose::CaseFacts>, sqlx::Error> {
    let row: Option<FactsRow> = on_tx!(tx, |conn| {
        sqlx::query_as::<_, FactsRow>(
            "select c.id, c.reference, c.title, coalesce(e.name_zh, c.enterprise_name_given, '') as enterprise_name, \
                    c.case_type, c.due_on, c.language, c.applicant_name, c.applicant_email, \
                    c.applicant_email_verified \
             from cases c left join enterprises e on e.id = c.enterprise_id where c.id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    })?;
    Ok(row.map(|r| crate::mail::compose::CaseFacts {
        id: r.id,
        reference: r.reference,
        title: r.title,
        enterprise_name: r.enterprise_name,
        case_type: CaseType::parse(&r.case_type).unwrap_or(CaseType::Other),
        due_on: r.due_on,
        language: Locale::parse(&r.language).unwrap_or(Locale::En),
        applicant_name: r.applicant_name,
        applicant_email: r.applicant_email,
        applicant_email_verified: r.applicant_email_verified,
    }))
}

/// A running case due by some day, as the deadline notices need it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueCase {
    pub id: i64,
    pub due_on: NaiveDate,
    pub owner_id: Option<i64>,
    pub leader_id: Option<i64>,
}

/// Running cases due between `since` and `until` (inclusive) whose notice has not gone yet
/// (`mail_notices` key `case:<id>:<overdue|at_risk>:<due date>`, overdue meaning due before
/// `today`), soonest first, at most `limit`.
pub async fn due_unnoticed(
    db: &Db,
    since: NaiveDate,
    until: NaiveDate,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<DueCase>, sqlx::Error> {
    let sql = format!(
        "select c.id, c.due_on, c.owner_id, e.responsible_leader_id as leader_id \
         from cases c left join enterprises e on e.id = c.enterprise_id \
         where {RUNNING} and c.due_on >= $1 and c.due_on <= $2 \
           and not exists (select 1 from mail_notices n where n.key = 'case:' || c.id || ':' \
                 || (case when c.due_on < $3 then 'overdue' else 'at_risk' end) || ':' || c.due_on) \
         order by c.due_on, c.id limit $4"
    );
    on_db!(db, |pool| {
        sqlx::query_as::<_, DueCase>(&sql).bind(since).bind(until).bind(today).bind(limit).fetch_all(pool).await
    })
}

/// An officer's open cases (those still being worked or waiting for the applicant), soonest
/// due first, for the daily digest.
pub async fn open_owned(db: &Db, owner_id: i64, w: RiskWindow, limit: i64) -> Result<Vec<CaseSummary>, sqlx::Error> {
    let sql = format!(
        "{SUMMARY} where c.owner_id = $1 and c.status in ('submitted', 'accepted', 'in_progress', 'awaiting_applicant') \
         order by coalesce(c.due_on, '9999-12-31'), c.id limit $2"
    );
    let rows: Vec<SummaryRow> =
        on_db!(db, |pool| sqlx::query_as::<_, SummaryRow>(&sql).bind(owner_id).bind(limit).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(|r| r.into_summary(w)).collect())
}

/// Give a case from the intake queue its enterprise and officer, if it is still at `version`
/// and still has no officer; `Ok(false)` otherwise.
pub async fn route(
    tx: &mut Tx,
    id: i64,
    version: i32,
    enterprise_id: i64,
    owner_id: i64,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |conn| {
        sqlx::query(
            "update cases set enterprise_id = $1, owner_id = $2, updated_at = $3, version = version + 1 \
             where id = $4 and version = $5 and owner_id is null and source = 'portal'",
        )
        .bind(enterprise_id)
        .bind(owner_id)
        .bind(at)
        .bind(id)
        .bind(version)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}
