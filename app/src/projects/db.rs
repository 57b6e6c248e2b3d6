//! Projects, the log of their stage moves and their reviews.

use crate::auth::SessionUser;
use crate::db::record::{Column, Value};
use crate::db::{Arg, Columns, Db, Record, Tx, Where};
use crate::projects::{
    Aspect, CapitalKind, DelegationLead, LoggedMove, ProjectDetails, ProjectFilter, ProjectSort, ProjectSummary,
    ReviewEntry, Source, Stage, StageMove, Wan,
};
use chrono::{DateTime, NaiveDate, Utc};

crate::code_column!(Stage, Aspect, CapitalKind, Source);

impl Column for Wan {
    fn from_value(value: Value<'_>) -> Result<Self, String> {
        i64::from_value(value).map(Wan)
    }
}

impl Record for ProjectSummary {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(ProjectSummary {
            id: row.get("id")?,
            name: row.get("name")?,
            investor: row.get("investor")?,
            industry_chain_id: row.get("industry_chain_id")?,
            county_id: row.get("county_id")?,
            total_investment: row.get("total_investment_wan")?,
            capital_kind: row.get("capital_kind")?,
            stage: row.get("stage")?,
            stage_on: row.get("stage_on")?,
            officer_id: row.get("officer_id")?,
            officer_name: row.get("officer_name")?,
        })
    }
}

const SUMMARY: &str = "p.id, p.name, p.investor, p.industry_chain_id, p.county_id, p.total_investment_wan, \
     p.capital_kind, p.stage, p.stage_on, p.officer_id, u.display_name as officer_name";

/// A project as stored: its line of the register and the rest.
pub struct ProjectRow {
    pub summary: ProjectSummary,
    pub details: ProjectDetails,
}

impl Record for ProjectDetails {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(ProjectDetails {
            investor_country: row.get("investor_country")?,
            investor_province: row.get("investor_province")?,
            source: row.get("source")?,
            enterprise_id: row.get("enterprise_id")?,
            enterprise_name: row.get("enterprise_name")?,
            event_id: row.get("event_id")?,
            event_name: row.get("event_name")?,
            sub_chain_id: row.get("sub_chain_id")?,
            lead: match row.get::<Option<i64>>("lead_outcome_id")? {
                None => None,
                Some(_) => Some(DelegationLead::read(row)?),
            },
            park: row.get("park")?,
            enclave_partner: row.get("enclave_partner")?,
            enclave_share_pct: row.get("enclave_share_pct")?,
            leader_id: row.get("leader_id")?,
            leader_name: row.get("leader_name")?,
            dropped_from: row.get("dropped_from")?,
            notes: row.get("notes")?,
            version: row.get("version")?,
        })
    }
}

impl Record for ProjectRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(ProjectRow { summary: ProjectSummary::read(row)?, details: ProjectDetails::read(row)? })
    }
}

/// A delegation's lead (`lo`), its delegation (`ld2`) and enterprise (`le`), as `DelegationLead` reads them.
const LEAD: &str =
    "lo.id as lead_outcome_id, lo.delegation_id as lead_delegation_id, ld2.title as lead_delegation_title, \
     lo.description as lead_description, le.credit_code as lead_credit_code";

/// The investment lead `outcome_id` of a delegation, and the project it became if any.
pub async fn delegation_lead(db: &Db, outcome_id: i64) -> Result<Option<(DelegationLead, Option<i64>)>, sqlx::Error> {
    let sql = format!(
        "select {LEAD}, (select p.id from projects p where p.delegation_outcome_id = lo.id) as project_id \
         from delegation_outcomes lo join delegations ld2 on ld2.id = lo.delegation_id \
              left join enterprises le on le.id = lo.enterprise_id \
         where lo.id = $1 and lo.kind = 'lead'"
    );
    let row: Option<LeadRow> = db.optional(&sql, &[outcome_id.into()]).await?;
    Ok(row.map(|r| (r.lead, r.project_id)))
}

/// The delegations' investment leads no project came from yet, the latest delegations' first
/// (at most `OPEN_LEADS`), and `keep` (a project's own lead) whatever it is.
pub async fn open_leads(db: &Db, keep: Option<i64>) -> Result<Vec<DelegationLead>, sqlx::Error> {
    let sql = format!(
        "select {LEAD} from delegation_outcomes lo join delegations ld2 on ld2.id = lo.delegation_id \
              left join enterprises le on le.id = lo.enterprise_id \
         where lo.kind = 'lead' and (lo.id = $1 or not exists \
               (select 1 from projects p where p.delegation_outcome_id = lo.id)) \
         order by ld2.starts_on desc, lo.id desc limit {OPEN_LEADS}"
    );
    db.all(&sql, &[keep.unwrap_or(0).into()]).await
}

/// How many open leads a project's form offers.
pub const OPEN_LEADS: i64 = 200;

struct LeadRow {
    lead: DelegationLead,
    project_id: Option<i64>,
}

impl Record for LeadRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(LeadRow { lead: DelegationLead::read(row)?, project_id: row.get("project_id")? })
    }
}

/// A lead as `LEAD` selects it.
impl Record for DelegationLead {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(DelegationLead {
            outcome_id: row.get("lead_outcome_id")?,
            delegation_id: row.get("lead_delegation_id")?,
            delegation_title: row.get("lead_delegation_title")?,
            description: row.get("lead_description")?,
            credit_code: row.get("lead_credit_code")?,
        })
    }
}

/// Projects with everything `ProjectRow` reads, `tail` choosing them (a `where` on `p`, an
/// order, a limit).
fn select_rows(tail: &str) -> String {
    format!(
        "select {SUMMARY}, p.investor_country, p.investor_province, p.source, p.enterprise_id, ent.name_zh as enterprise_name, p.event_id, \
                ev.name as event_name, \
                p.park, p.enclave_partner, p.enclave_share_pct, p.leader_id, ld.display_name as leader_name, \
                p.dropped_from, p.notes, p.version, p.sub_chain_id, {LEAD} \
         from projects p join users u on u.id = p.officer_id left join users ld on ld.id = p.leader_id \
              left join promotion_events ev on ev.id = p.event_id left join enterprises ent on ent.id = p.enterprise_id \
              left join delegation_outcomes lo on lo.id = p.delegation_outcome_id \
              left join delegations ld2 on ld2.id = lo.delegation_id left join enterprises le on le.id = lo.enterprise_id \
         {tail}"
    )
}

fn select_one() -> String {
    select_rows("where p.id = $1")
}

/// Whether the project `id` is registered.
pub async fn exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = db.optional("select id from projects where id = $1", &[id.into()]).await?;
    Ok(found.is_some())
}

pub async fn get(db: &Db, id: i64) -> Result<Option<ProjectRow>, sqlx::Error> {
    db.optional(&select_one(), &[id.into()]).await
}

pub async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<ProjectRow>, sqlx::Error> {
    tx.optional(&select_one(), &[id.into()]).await
}

/// A page's row, with the number and the total investment of every match.
struct PageRow {
    summary: ProjectSummary,
    total: i64,
    total_wan: i64,
}

impl Record for PageRow {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(PageRow { summary: ProjectSummary::read(row)?, total: row.get("total")?, total_wan: row.get("total_wan")? })
    }
}

/// The filter's conditions on the register (`p`), within what the reader may see (a county
/// officer, their county's projects).
fn conditions(f: &ProjectFilter, reader: &SessionUser) -> Where {
    conditions_on(f, reader, "p.stage_on")
}

/// `conditions`, with the year's bounds on `day` (the stage's day, as an expression).
fn conditions_on(f: &ProjectFilter, reader: &SessionUser, day: &str) -> Where {
    let mut cond = Where::default();
    if let Some(county) = crate::auth::project_scope(reader) {
        cond.push("p.county_id = ?", vec![Arg::Int(county)]);
    }
    if let Some(stage) = f.stage {
        cond.push("p.stage = ?", vec![stage.as_str().into()]);
    }
    if let Some((from, to)) = f.year.and_then(crate::domain::year_bounds) {
        cond.push(&format!("{day} >= ? and {day} <= ?"), vec![from.into(), to.into()]);
    }
    let ids = [
        ("p.industry_chain_id = ?", f.industry_chain_id),
        ("p.county_id = ?", f.county_id),
        ("p.event_id = ?", f.event_id),
        ("p.leader_id = ?", f.leader_id),
        ("p.officer_id = ?", f.officer_id),
        ("p.officer_id = ?", f.mine.then_some(reader.id)),
    ];
    for (clause, id) in ids {
        if let Some(id) = id {
            cond.push(clause, vec![Arg::Int(id)]);
        }
    }
    if let Some(source) = f.source {
        cond.push("p.source = ?", vec![source.as_str().into()]);
    }
    cond
}

/// The register's order (`p`), the id last so that pages never overlap.
fn order(sort: ProjectSort) -> &'static str {
    match sort {
        ProjectSort::Latest => "p.stage_on desc, p.id desc",
        ProjectSort::Investment => "p.total_investment_wan desc, p.id desc",
        ProjectSort::Name => "p.name, p.id",
    }
}

/// One page of the register, in the filter's order, with the number of projects the
/// filter finds and their total investment (both in the same statement), each exact up to
/// `COUNT_CAP` projects; past it, the number is `COUNT_CAP` and one (a lower bound, as every
/// list says) and the total that of the projects counted, which the page does not show. The
/// page's projects are chosen by id first, so that sorting the matches reads an index
/// (`projects_by_stage…`) rather than every matching row.
pub async fn page(
    db: &Db,
    f: &ProjectFilter,
    reader: &SessionUser,
    per_page: i64,
) -> Result<(Vec<ProjectSummary>, i64, Wan), sqlx::Error> {
    let cond = conditions(f, reader);
    let filters = cond.sql();
    // Sorted by investment, a year's page would be read by SQLite through the day's range of
    // `projects_by_stage` and every match sorted; with the day kept off the index (a unary
    // plus) it reads `projects_by_stage_investment` in order and stops at the page. The same
    // placeholders, the same arguments. PostgreSQL plans this itself.
    let ordered = match (f.sort, db.sqlite()) {
        (ProjectSort::Investment, Some(_)) => conditions_on(f, reader, "+p.stage_on").sql(),
        _ => filters.clone(),
    };
    let count = format!(
        "select count(*) as total, cast(coalesce(sum(c.total_investment_wan), 0) as bigint) as total_wan \
         from (select p.total_investment_wan from projects p{filters} limit {}) c",
        crate::domain::COUNT_CAP + 1
    );
    let sql = format!(
        "select {SUMMARY}, m.total, m.total_wan \
         from ({count}) m \
         join (select p.* from projects p where p.id in \
                   (select p.id from projects p{ordered} order by {order} limit {per_page} offset {})) p \
              on true \
         join users u on u.id = p.officer_id \
         order by {order}",
        f.page.clamp(0, crate::domain::MAX_PAGE) * per_page,
        order = order(f.sort),
    );
    let rows: Vec<PageRow> = db.all(&sql, &cond.args).await?;
    match rows.first() {
        Some(first) => {
            let (total, sum) = (first.total, Wan(first.total_wan));
            Ok((rows.into_iter().map(|r| r.summary).collect(), total, sum))
        }
        None => {
            let (total, sum): (i64, i64) = db.one(&count, &cond.args).await?;
            Ok((Vec::new(), total, Wan(sum)))
        }
    }
}

/// A project's fields as its form sets them.
pub struct Fields<'a> {
    pub name: &'a str,
    pub investor: &'a str,
    pub investor_country: &'a str,
    pub investor_province: &'a str,
    pub industry_chain_id: Option<i64>,
    pub county_id: Option<i64>,
    pub park: &'a str,
    pub total_investment: Wan,
    pub capital_kind: CapitalKind,
    pub source: Source,
    pub event_id: Option<i64>,
    pub enterprise_id: Option<i64>,
    pub enclave_partner: &'a str,
    pub enclave_share_pct: Option<i32>,
    pub leader_id: Option<i64>,
    pub notes: &'a str,
    pub delegation_outcome_id: Option<i64>,
    pub sub_chain_id: Option<i64>,
}

/// The form's fields as `$1`…`$18` of the insert and the update, in their columns' order.
fn field_args(f: &Fields<'_>) -> Vec<Arg> {
    vec![
        f.name.into(),
        f.investor.into(),
        f.investor_country.into(),
        f.investor_province.into(),
        f.industry_chain_id.into(),
        f.total_investment.0.into(),
        f.capital_kind.as_str().into(),
        f.source.as_str().into(),
        f.leader_id.into(),
        f.notes.into(),
        f.county_id.into(),
        f.park.into(),
        f.event_id.into(),
        f.enclave_partner.into(),
        f.enclave_share_pct.into(),
        f.enterprise_id.into(),
        f.delegation_outcome_id.into(),
        f.sub_chain_id.into(),
    ]
}

/// The columns `field_args` sets, in its order.
const FIELD_COLUMNS: &str = "name, investor, investor_country, investor_province, industry_chain_id, \
     total_investment_wan, capital_kind, source, leader_id, notes, county_id, park, event_id, enclave_partner, \
     enclave_share_pct, enterprise_id, delegation_outcome_id, sub_chain_id";
/// How many columns `FIELD_COLUMNS` names: the insert's and the update's next arguments follow.
const FIELDS: usize = 18;

/// One move of a project's stage, as the log keeps it.
pub struct NewMove<'a> {
    pub project_id: i64,
    /// None for the stage a project is registered at.
    pub from: Option<Stage>,
    pub to: Stage,
    pub on: NaiveDate,
    pub reason: &'a str,
    pub by: i64,
}

/// Register a project at its first stage (on `on`), logged as its first move.
pub async fn insert(
    tx: &mut Tx,
    f: &Fields<'_>,
    stage: Stage,
    on: NaiveDate,
    officer_id: i64,
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let fields = crate::db::marks(1, FIELDS);
    let (officer, stage_at, on_at, now) = (FIELDS + 1, FIELDS + 2, FIELDS + 3, FIELDS + 4);
    let sql = format!(
        "insert into projects ({FIELD_COLUMNS}, officer_id, stage, stage_on, created_by, created_at, updated_at) \
             values ({fields}, ${officer}, ${stage_at}, ${on_at}, ${officer}, ${now}, ${now}) returning id"
    );
    let id: i64 = tx
        .one(
            &sql,
            &[field_args(f).as_slice(), &[officer_id.into(), stage.as_str().into(), on.into(), at.into()]].concat(),
        )
        .await?;
    let first = NewMove { project_id: id, from: None, to: stage, on, reason: "", by: officer_id };
    log_move(tx, &first, at).await?;
    touch(tx).await?;
    recount_events(tx, &[f.event_id]).await?;
    Ok(id)
}

/// Save the fields if nobody saved since `version`; false otherwise. `was_event`: the event
/// it named before, whose figures change too.
pub async fn update(
    tx: &mut Tx,
    id: i64,
    version: i32,
    f: &Fields<'_>,
    was_event: Option<i64>,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let sets: Vec<String> =
        FIELD_COLUMNS.split(',').enumerate().map(|(i, column)| format!("{} = ${}", column.trim(), i + 1)).collect();
    let sql = format!(
        "update projects set {}, updated_at = ${}, version = version + 1 where id = ${} and version = ${} returning id",
        sets.join(", "),
        FIELDS + 1,
        FIELDS + 2,
        FIELDS + 3
    );
    let updated: Option<i64> =
        tx.optional(&sql, &[field_args(f).as_slice(), &[at.into(), id.into(), version.into()]].concat()).await?;
    if updated.is_some() {
        touch(tx).await?;
        recount_events(tx, &[was_event, f.event_id]).await?;
    }
    Ok(updated.is_some())
}

/// Make the move if nobody saved the project since `version` (false otherwise), and log it.
pub async fn move_stage(tx: &mut Tx, version: i32, m: &NewMove<'_>, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let dropped_from = match (m.to, m.from) {
        (Stage::Dropped, Some(from)) => Some(from.as_str()),
        _ => None,
    };
    let moved: Option<Option<i64>> = tx
        .optional(
            "update projects set stage = $1, stage_on = $2, dropped_from = $3, updated_at = $4, \
                     version = version + 1, \
                     signed_on = case when $1 = 'signed' and (signed_on is null or signed_on > $2) then $2 \
                                      else signed_on end, \
                     checked_on = case when $1 = 'started' then $2 else checked_on end \
                 where id = $5 and version = $6 returning event_id",
            &[m.to.as_str().into(), m.on.into(), dropped_from.into(), at.into(), m.project_id.into(), version.into()],
        )
        .await?;
    let Some(event) = moved else { return Ok(false) };
    log_move(tx, m, at).await?;
    touch(tx).await?;
    recount_events(tx, &[event]).await?;
    Ok(true)
}

/// Count again the figures of the events among `events` (each once), after `touch`.
async fn recount_events(tx: &mut Tx, events: &[Option<i64>]) -> Result<(), sqlx::Error> {
    let mut ids: Vec<i64> = events.iter().flatten().copied().collect();
    ids.sort_unstable();
    ids.dedup();
    super::events::db::recount(tx, &ids).await
}

/// Mark the register changed: the rates a server keeps are of the version it read (see
/// `state::FiguresCache`). Every write to the projects, their stage log or their capital calls it in
/// its transaction.
pub async fn touch(tx: &mut Tx) -> Result<(), sqlx::Error> {
    let _: i64 = tx
        .one("update project_settings set register_version = register_version + 1 where id = 1 returning id", &[])
        .await?;
    Ok(())
}

/// The register's version (see `touch`).
pub async fn version(db: &Db) -> Result<i64, sqlx::Error> {
    db.one("select cast(register_version as bigint) from project_settings where id = 1", &[]).await
}

async fn log_move(tx: &mut Tx, m: &NewMove<'_>, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let _: i64 = tx
        .one(
            "insert into project_moves (project_id, from_stage, to_stage, moved_on, reason, moved_by, recorded_at) \
                 values ($1, $2, $3, $4, $5, $6, $7) returning id",
            &[
                m.project_id.into(),
                m.from.map(Stage::as_str).into(),
                m.to.as_str().into(),
                m.on.into(),
                m.reason.into(),
                m.by.into(),
                at.into(),
            ],
        )
        .await?;
    Ok(())
}

impl Record for StageMove {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(StageMove {
            from_stage: row.get("from_stage")?,
            to_stage: row.get("to_stage")?,
            moved_on: row.get("moved_on")?,
            reason: row.get("reason")?,
            moved_by: row.get("moved_by")?,
            recorded_at: row.get("recorded_at")?,
        })
    }
}

/// A project's stage log, the latest first.
pub async fn moves(db: &Db, project_id: i64) -> Result<Vec<StageMove>, sqlx::Error> {
    db.all(
        "select m.from_stage, m.to_stage, m.moved_on, m.reason, u.display_name as moved_by, m.recorded_at \
         from project_moves m left join users u on u.id = m.moved_by \
         where m.project_id = $1 order by m.moved_on desc, m.id desc",
        &[project_id.into()],
    )
    .await
}

impl Record for LoggedMove {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(LoggedMove { project_id: row.get("project_id")?, to: row.get("to_stage")?, on: row.get("moved_on")? })
    }
}

/// The whole stage log, in the order it was written, for the rates.
pub async fn stage_log(db: &Db) -> Result<Vec<LoggedMove>, sqlx::Error> {
    db.all("select project_id, to_stage, moved_on from project_moves order by id", &[]).await
}

impl Record for ReviewEntry {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(ReviewEntry {
            aspect: row.get("aspect")?,
            passed: row.get("passed")?,
            finding: row.get("finding")?,
            reviewed_on: row.get("reviewed_on")?,
            reviewer: row.get("reviewer")?,
        })
    }
}

const REVIEWS: &str = "select r.aspect, r.passed, r.finding, r.reviewed_on, u.display_name as reviewer \
     from project_reviews r left join users u on u.id = r.reviewer_id \
     where r.project_id = $1 order by r.id";

/// A project's reviews, in the order they were recorded.
pub async fn reviews(db: &Db, project_id: i64) -> Result<Vec<ReviewEntry>, sqlx::Error> {
    db.all(REVIEWS, &[project_id.into()]).await
}

/// The same, in a transaction that is about to sign the project.
pub async fn reviews_in(tx: &mut Tx, project_id: i64) -> Result<Vec<ReviewEntry>, sqlx::Error> {
    tx.all(REVIEWS, &[project_id.into()]).await
}

/// Record one review of one aspect.
pub async fn insert_review(
    tx: &mut Tx,
    project_id: i64,
    review: &ReviewEntry,
    reviewer_id: i64,
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    tx.one(
        "insert into project_reviews (project_id, aspect, passed, finding, reviewed_on, reviewer_id, recorded_at) \
             values ($1, $2, $3, $4, $5, $6, $7) returning id",
        &[
            project_id.into(),
            review.aspect.as_str().into(),
            review.passed.into(),
            review.finding.as_str().into(),
            review.reviewed_on.into(),
            reviewer_id.into(),
            at.into(),
        ],
    )
    .await
}

/// The projects the filter finds, in its order, at most `limit`, as a stream for the CSV
/// export (`hold` is kept until the last row is read).
pub async fn stream(
    db: &Db,
    f: &ProjectFilter,
    reader: &SessionUser,
    limit: i64,
    hold: impl crate::db::Holding,
) -> Result<crate::db::Rows<ProjectRow>, sqlx::Error> {
    let cond = conditions(f, reader);
    let sql = select_rows(&format!("{} order by {} limit {limit}", cond.sql(), order(f.sort)));
    Ok(db.stream(sql, cond.args, |r: ProjectRow| r, hold))
}

/// A cohort's counts by industry chain and county, one line per pair that has any: the stage
/// of each member on the cohort's day is that of its last logged move on or before it (the
/// later one of two on the same day), as `projects::rates` reads the log. Only the members are
/// read, through `projects_by_signing` (each was first signed on or before that day); the log
/// only for those that moved after it (no move is dated before the one it follows).
pub async fn rates(
    db: &Db,
    cohort: crate::projects::Cohort,
) -> Result<Vec<(Option<i64>, Option<i64>, crate::projects::Rates)>, sqlx::Error> {
    use crate::projects::Cohort;
    let (members, on_list, args): (&str, &str, Vec<Arg>) = match cohort {
        Cohort::SignedBetween(from, to) => {
            ("p.signed_on >= $2 and p.signed_on <= $1", "", vec![to.into(), from.into()])
        }
        Cohort::OnListAt(day) => {
            ("p.signed_on <= $1", " where s.stage in ('signed', 'started', 'completed')", vec![day.into()])
        }
    };
    let sql = format!(
        "select s.industry_chain_id, s.county_id, count(*) as signed, \
                cast(sum(case when s.stage in ('started', 'completed') then 1 else 0 end) as bigint) as started, \
                cast(sum(case when s.stage = 'completed' then 1 else 0 end) as bigint) as completed \
         from (select p.industry_chain_id, p.county_id, \
                      case when p.stage_on <= $1 then p.stage \
                           else (select m.to_stage from project_moves m \
                                 where m.project_id = p.id and m.moved_on <= $1 \
                                 order by m.moved_on desc, m.id desc limit 1) end as stage \
               from projects p where {members}) s{on_list} \
         group by s.industry_chain_id, s.county_id"
    );
    let lines: Vec<CohortLine> = db.all(&sql, &args).await?;
    Ok(lines.into_iter().map(|l| (l.chain, l.county, l.rates)).collect())
}

/// A cohort's counts for one chain and county.
struct CohortLine {
    chain: Option<i64>,
    county: Option<i64>,
    rates: crate::projects::Rates,
}

impl Record for CohortLine {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        let count = |column: &str| row.get::<i64>(column).map(|n| u64::try_from(n).unwrap_or(0));
        Ok(CohortLine {
            chain: row.get("industry_chain_id")?,
            county: row.get("county_id")?,
            rates: crate::projects::Rates {
                signed: count("signed")?,
                started: count("started")?,
                completed: count("completed")?,
            },
        })
    }
}
