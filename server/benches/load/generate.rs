//! The database the benchmark loads: 100 000 enterprises, 1 000 000 cases and 100 000
//! investment projects with their stage logs, written straight
//! into the tables (the data layer's one-row-at-a-time writes with their audit entries would
//! take hours at this size), and the target case's portal credentials.

use crate::{Error, ADMIN_EMAIL, ADMIN_PASSWORD, CASES, ENTERPRISES, OFFICERS};
use app::db::Db;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool};
use std::collections::HashMap;

/// An enterprise as generated: id, Chinese name, original name, country, industry chain,
/// employees, lifecycle, key enterprise, last contact, created.
type EnterpriseRow =
    (i64, String, String, &'static str, i64, i64, &'static str, bool, Option<NaiveDate>, DateTime<Utc>);

/// A case as generated: id, reference, enterprise, type, status, created, the clock's start,
/// working days, due, owner, green channel.
type CaseRow = (i64, String, i64, &'static str, &'static str, DateTime<Utc>, NaiveDate, u32, NaiveDate, i64, bool);

/// Whether the database at `url` holds the generated cases and projects already.
pub async fn generated(url: &str) -> bool {
    let Ok(Db::Sqlite(pool)) = Db::connect(url).await else { return false };
    let cases: Result<i64, _> = sqlx::query_scalar("select count(*) from cases").fetch_one(&pool).await;
    // A database generated before the projects were has no table for them: made again.
    let projects: Result<i64, _> = sqlx::query_scalar("select count(*) from projects").fetch_one(&pool).await;
    matches!(cases, Ok(n) if n >= CASES) && matches!(projects, Ok(n) if n >= crate::PROJECTS)
}

/// A case in progress in the middle of the table.
pub async fn target_case(url: &str) -> Result<i64, Error> {
    let Db::Sqlite(pool) = Db::connect(url).await? else { return Err("not SQLite".into()) };
    let id: i64 =
        sqlx::query_scalar("select id from cases where status = 'in_progress' order by id limit 1 offset 5000")
            .fetch_one(&pool)
            .await?;
    Ok(id)
}

/// Give the target case an access code the benchmark knows (stored as the server stores it,
/// under the installation's key); returns its reference and the code.
pub async fn portal_credentials(url: &str, case_id: i64) -> Result<(String, String), Error> {
    let db = Db::connect(url).await?;
    db.migrate().await?;
    let state = app::state::ServerState::new(db.clone(), app::state::Settings::default());
    let code = "ACDEFGHJKMNP".to_string();
    let hash =
        app::portal::service::code_hash(app::portal::service::keys(&state).await.map_err(|e| format!("{e:?}"))?, &code);
    let Db::Sqlite(pool) = &db else { return Err("not SQLite".into()) };
    sqlx::query("update cases set access_code_hash = $1 where id = $2").bind(&hash).bind(case_id).execute(pool).await?;
    let reference: String =
        sqlx::query_scalar("select reference from cases where id = $1").bind(case_id).fetch_one(pool).await?;
    pool.close().await;
    Ok((reference, code))
}

const CITIES: [&str; 20] = [
    "里尔",
    "帕多瓦",
    "撒马尔罕",
    "汉堡",
    "里昂",
    "米兰",
    "大阪",
    "釜山",
    "新加坡",
    "悉尼",
    "多伦多",
    "鹿特丹",
    "巴塞罗那",
    "苏黎世",
    "维也纳",
    "斯德哥尔摩",
    "曼谷",
    "迪拜",
    "圣保罗",
    "奥克兰",
];
const TRADES: [&str; 40] = [
    "精密",
    "光华",
    "新材料",
    "汽车零部件",
    "生物医药",
    "电子",
    "食品",
    "物流",
    "化工",
    "纺织",
    "模具",
    "机械",
    "能源",
    "环保",
    "半导体",
    "光电",
    "医疗器械",
    "软件",
    "数据",
    "航空",
    "船舶",
    "仪器",
    "家居",
    "包装",
    "冷链",
    "农业",
    "酒店",
    "文旅",
    "咨询",
    "贸易",
    "钢结构",
    "玻璃",
    "陶瓷",
    "涂料",
    "轴承",
    "电池",
    "电机",
    "传感器",
    "机器人",
    "检测",
];
const LATIN: [&str; 10] = [
    "Precision",
    "Composites",
    "Logistics",
    "Pharma",
    "Electronics",
    "Foods",
    "Mechanics",
    "Energy",
    "Materials",
    "Systems",
];
const COUNTRIES: [&str; 12] = ["FR", "IT", "UZ", "DE", "JP", "KR", "SG", "US", "GB", "NL", "ES", "CH"];
const CASE_TYPES: [&str; 12] = [
    "business_registration",
    "customs",
    "tax",
    "foreign_exchange",
    "work_permit",
    "residence_permit",
    "visa",
    "land_utilities",
    "financing",
    "policy_question",
    "complaint",
    "other",
];
const STATUSES: [&str; 7] =
    ["submitted", "accepted", "in_progress", "awaiting_applicant", "resolved", "closed", "rejected"];
const LIFECYCLES: [&str; 4] = ["lead", "established", "expanding", "exited"];

/// Fill the (migrated, empty) database at `url`.
pub async fn generate(url: &str) -> Result<(), Error> {
    let db = Db::connect(url).await?;
    db.migrate().await?;
    let Db::Sqlite(sqlite) = &db else { return Err("not SQLite".into()) };
    let pool = sqlite.pool().clone();
    let mut rng = StdRng::seed_from_u64(2026);
    let now: DateTime<Utc> = Utc::now();
    let officers = users(&pool, now).await?;
    let enterprise_officer = enterprises(&pool, &mut rng, now, &officers).await?;
    cases(&pool, &mut rng, now, &enterprise_officer).await?;
    projects(&pool, &mut rng, now, &officers).await?;
    // What the server keeps on each event as its projects are written (migration 0030).
    app::projects::events::db::recount_all(&db).await?;
    sqlx::query("analyze").execute(&pool).await?;
    pool.close().await;
    Ok(())
}

/// The administrator and the liaison officers, all with the administrator's password; the
/// officers' ids.
async fn users(pool: &SqlitePool, now: DateTime<Utc>) -> Result<Vec<i64>, Error> {
    let hash = app::auth::server::hash_password(ADMIN_PASSWORD.to_string()).await.map_err(|e| format!("{e:?}"))?;
    let mut tx = pool.begin().await?;
    sqlx::query(
        "insert into users (email, display_name, password_hash, role, locale, active, version, created_at, updated_at) \
         values ($1, 'Bench Admin', $2, 'admin', 'zh-CN', true, 1, $3, $3)",
    )
    .bind(ADMIN_EMAIL)
    .bind(&hash)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let mut officers = Vec::new();
    for n in 0..OFFICERS {
        let id: i64 = sqlx::query_scalar(
            "insert into users (email, display_name, password_hash, role, locale, active, version, created_at, updated_at) \
             values ($1, $2, $3, 'liaison_officer', 'zh-CN', true, 1, $4, $4) returning id",
        )
        .bind(format!("officer{n}@liaison.test"))
        .bind(format!("联络员{n:02}"))
        .bind(&hash)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        officers.push(id);
    }
    tx.commit().await?;
    Ok(officers)
}

/// The enterprises, with their search terms and each its liaison officer (the officers in
/// turn); each enterprise's officer, in the order of their ids.
async fn enterprises(
    pool: &SqlitePool,
    rng: &mut StdRng,
    now: DateTime<Utc>,
    officers: &[i64],
) -> Result<Vec<i64>, Error> {
    let mut enterprise_officer = Vec::with_capacity(ENTERPRISES as usize);
    let mut tx = pool.begin().await?;
    for chunk in (1..=ENTERPRISES).collect::<Vec<_>>().chunks(2000) {
        let rows = enterprise_rows(chunk, rng, now);
        let terms: Vec<(String, i64, String)> = rows
            .iter()
            .flat_map(|r| {
                app::domain::search::index_terms(&[&r.1, &r.2]).into_iter().map(move |t| (t, r.0, r.1.clone()))
            })
            .collect();
        insert_enterprises(&mut tx, rows).await?;
        for batch in terms.chunks(10_000) {
            let mut t: QueryBuilder<Sqlite> =
                QueryBuilder::new("insert into enterprise_search_terms (term, enterprise_id, name_zh) ");
            t.push_values(batch, |mut b, (term, id, name)| {
                b.push_bind(term).push_bind(id).push_bind(name);
            });
            t.build().execute(&mut *tx).await?;
        }
        let mut l: QueryBuilder<Sqlite> =
            QueryBuilder::new("insert into enterprise_liaisons (enterprise_id, officer_id, assigned_at) ");
        let assigned: Vec<(i64, i64)> =
            chunk.iter().map(|id| (*id, officers[(*id as usize) % officers.len()])).collect();
        enterprise_officer.extend(assigned.iter().map(|a| a.1));
        l.push_values(assigned, |mut b, (e, o)| {
            b.push_bind(e).push_bind(o).push_bind(now);
        });
        l.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(enterprise_officer)
}

/// The enterprises of ids `chunk`: a city, a trade and a number make each name.
fn enterprise_rows(chunk: &[i64], rng: &mut StdRng, now: DateTime<Utc>) -> Vec<EnterpriseRow> {
    chunk
        .iter()
        .map(|id| {
            let city = CITIES[rng.gen_range(0..CITIES.len())];
            let trade = TRADES[rng.gen_range(0..TRADES.len())];
            let name = format!("{city}{trade}{}有限公司", id);
            let latin = format!("{} {} {}", city_latin(city), LATIN[rng.gen_range(0..LATIN.len())], id);
            let created = now - Duration::days(rng.gen_range(30..3000));
            let contact = (rng.gen_bool(0.7)).then(|| (now - Duration::days(rng.gen_range(0..400))).date_naive());
            (
                *id,
                name,
                latin,
                COUNTRIES[rng.gen_range(0..COUNTRIES.len())],
                rng.gen_range(1..=10i64),
                rng.gen_range(5..3000i64),
                LIFECYCLES[rng.gen_range(0..4)],
                rng.gen_bool(0.2),
                contact,
                created,
            )
        })
        .collect()
}

async fn insert_enterprises(conn: &mut SqliteConnection, rows: Vec<EnterpriseRow>) -> Result<(), Error> {
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
        "insert into enterprises (id, name_zh, name_original, country, industry_chain_id, employees, lifecycle, \
         is_key, last_contact_on, version, created_at, updated_at, search_name) ",
    );
    q.push_values(rows, |mut b, r| {
        let search_name = app::domain::search::normalize(&format!("{} {}", r.1, r.2));
        b.push_bind(r.0)
            .push_bind(r.1)
            .push_bind(r.2)
            .push_bind(r.3)
            .push_bind(r.4)
            .push_bind(r.5)
            .push_bind(r.6)
            .push_bind(r.7)
            .push_bind(r.8)
            .push_bind(1)
            .push_bind(r.9)
            .push_bind(r.9)
            .push_bind(search_name);
    });
    q.build().execute(&mut *conn).await?;
    Ok(())
}

/// The cases, each with its first event, every fifth routed to a department, and the
/// reference counters they leave.
async fn cases(
    pool: &SqlitePool,
    rng: &mut StdRng,
    now: DateTime<Utc>,
    enterprise_officer: &[i64],
) -> Result<(), Error> {
    let calendar = calendar(pool).await?;
    let mut counters: HashMap<i32, i64> = HashMap::new();
    let mut tx = pool.begin().await?;
    for chunk in (1..=CASES).collect::<Vec<_>>().chunks(1000) {
        let rows = case_rows(chunk, rng, now, &calendar, &mut counters, enterprise_officer);
        insert_cases(&mut tx, &rows, &calendar).await?;
        let mut e: QueryBuilder<Sqlite> =
            QueryBuilder::new("insert into case_events (case_id, kind, to_status, note, author_id, created_at) ");
        e.push_values(rows.iter(), |mut b, r| {
            b.push_bind(r.0).push_bind("created").push_bind("submitted").push_bind("").push_bind(r.9).push_bind(r.5);
        });
        e.build().execute(&mut *tx).await?;
        let routed: Vec<_> = rows.iter().filter(|r| r.0 % 5 == 0).collect();
        if !routed.is_empty() {
            let mut t: QueryBuilder<Sqlite> = QueryBuilder::new(
                "insert into case_tasks (case_id, department_id, status, version, created_at, updated_at, assigned_on, \
                 done_on, done_days) ",
            );
            t.push_values(routed, |mut b, r| {
                // A resolved case's task was done the day the case was resolved.
                let done = resolution(r, &calendar);
                b.push_bind(r.0)
                    .push_bind(1 + r.0 % 5)
                    .push_bind(if done.is_some() { "done" } else { "pending" })
                    .push_bind(1)
                    .push_bind(r.5)
                    .push_bind(r.5)
                    .push_bind(r.6)
                    .push_bind(done.map(|d| d.0))
                    .push_bind(done.map(|d| d.1));
            });
            t.build().execute(&mut *tx).await?;
        }
    }
    for (year, n) in counters {
        sqlx::query("insert into case_counters (year, last_number) values ($1, $2)")
            .bind(year)
            .bind(n)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The cases of ids `chunk`, each numbered in its year (`counters`) and owned by its
/// enterprise's officer.
fn case_rows(
    chunk: &[i64],
    rng: &mut StdRng,
    now: DateTime<Utc>,
    calendar: &app::domain::WorkingCalendar,
    counters: &mut HashMap<i32, i64>,
    enterprise_officer: &[i64],
) -> Vec<CaseRow> {
    chunk
        .iter()
        .map(|id| {
            let enterprise = rng.gen_range(1..=ENTERPRISES);
            let created = now - Duration::minutes(rng.gen_range(0..(3 * 365 * 24 * 60)));
            let year = chrono::Datelike::year(&created);
            let n = counters.entry(year).and_modify(|n| *n += 1).or_insert(1);
            let reference = format!("LN-{year}-{n:06}");
            let status = STATUSES[weighted_status(rng)];
            let case_type = CASE_TYPES[rng.gen_range(0..CASE_TYPES.len())];
            let start = (created + Duration::hours(8)).date_naive();
            let days = rng.gen_range(3..15);
            let due = add_working_days(calendar, start, days);
            (
                *id,
                reference,
                enterprise,
                case_type,
                status,
                created,
                start,
                days,
                due,
                enterprise_officer[(enterprise - 1) as usize],
                rng.gen_bool(0.1),
            )
        })
        .collect()
}

/// A resolved case's day of resolution, up to three weeks after its start (some of them
/// late), and the working days it took.
fn resolution(r: &CaseRow, calendar: &app::domain::WorkingCalendar) -> Option<(NaiveDate, i32)> {
    let on = matches!(r.4, "resolved" | "closed").then(|| r.6 + Duration::days(r.0 % 21))?;
    Some((on, calendar.working_days_between(r.6, on) as i32))
}

async fn insert_cases(
    conn: &mut SqliteConnection,
    rows: &[CaseRow],
    calendar: &app::domain::WorkingCalendar,
) -> Result<(), Error> {
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
        "insert into cases (id, reference, enterprise_id, case_type, priority, green_channel, full_agency, title, \
         description, language, status, owner_id, access_code_hash, version, created_at, updated_at, sla_start_on, \
         sla_working_days, due_on, resolved_on, resolution_days) ",
    );
    q.push_values(rows.iter(), |mut b, r| {
        let resolved = resolution(r, calendar);
        b.push_bind(r.0)
            .push_bind(&r.1)
            .push_bind(r.2)
            .push_bind(r.3)
            .push_bind("normal")
            .push_bind(r.10)
            .push_bind(false)
            .push_bind(format!("{} request {}", r.3, r.0))
            .push_bind("Generated for the benchmark.")
            .push_bind("en")
            .push_bind(r.4)
            .push_bind(r.9)
            .push_bind("-")
            .push_bind(1)
            .push_bind(r.5)
            .push_bind(r.5)
            .push_bind(r.6)
            .push_bind(r.7)
            .push_bind(r.8)
            .push_bind(resolved.map(|d| d.0))
            .push_bind(resolved.map(|d| d.1));
    });
    q.build().execute(&mut *conn).await?;
    Ok(())
}

fn city_latin(city: &str) -> &'static str {
    match city {
        "里尔" => "Lille",
        "帕多瓦" => "Padova",
        "撒马尔罕" => "Samarkand",
        _ => "Global",
    }
}

/// Most cases are finished; the rest spread over the open statuses.
fn weighted_status(rng: &mut StdRng) -> usize {
    match rng.gen_range(0..100) {
        0..=4 => 0,
        5..=9 => 1,
        10..=19 => 2,
        20..=24 => 3,
        25..=44 => 4,
        45..=94 => 5,
        _ => 6,
    }
}

async fn calendar(pool: &SqlitePool) -> Result<app::domain::WorkingCalendar, Error> {
    let rows: Vec<(NaiveDate, String)> = sqlx::query_as("select day, kind from calendar_days").fetch_all(pool).await?;
    Ok(app::domain::WorkingCalendar::new(
        rows.into_iter().filter_map(|(d, k)| app::domain::DayKind::parse(&k).map(|k| (d, k))),
    ))
}

fn add_working_days(cal: &app::domain::WorkingCalendar, start: NaiveDate, days: u32) -> NaiveDate {
    cal.add_working_days(start, days)
}

const STAGES: [&str; 6] = ["lead", "negotiating", "signed", "started", "completed", "dropped"];
const EVENT_KINDS: [&str; 5] = ["trade_fair", "campaign", "roadshow", "forum", "leader_visit"];
const SOURCES: [&str; 6] = ["event", "leader_visit", "delegation", "brochure", "portal", "other"];

/// A project as generated: id, name, investor, chain, county, investment in 万元, capital,
/// source, event, officer, leader, stage, its day, created.
type ProjectRow = (
    i64,
    String,
    String,
    i64,
    i64,
    i64,
    &'static str,
    &'static str,
    Option<i64>,
    i64,
    Option<i64>,
    &'static str,
    NaiveDate,
    DateTime<Utc>,
);

/// The investment projects: twelve counties, five leaders, 300 promotion events and
/// `PROJECTS` projects at every stage, each with the log of the moves that brought it there
/// (about three each), spread over the last four years.
pub async fn projects(pool: &SqlitePool, rng: &mut StdRng, now: DateTime<Utc>, officers: &[i64]) -> Result<(), Error> {
    let mut tx = pool.begin().await?;
    for n in 1..=12i64 {
        sqlx::query(
            "insert into counties (id, name_zh, name_en, name_fr, sort_order, created_at) values ($1, $2, $3, $4, $1, $5)",
        )
        .bind(n)
        .bind(format!("第{n}区"))
        .bind(format!("District {n}"))
        .bind(format!("District {n}"))
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    let mut leaders = Vec::new();
    for n in 0..5 {
        let id: i64 = sqlx::query_scalar(
            "insert into users (email, display_name, password_hash, role, locale, active, version, created_at, updated_at) \
             values ($1, $2, 'x', 'leader', 'zh-CN', true, 1, $3, $3) returning id",
        )
        .bind(format!("leader{n}@liaison.test"))
        .bind(format!("领导{n}"))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        leaders.push(id);
    }
    let today = now.date_naive();
    let events = 300i64;
    let mut e: QueryBuilder<Sqlite> = QueryBuilder::new(
        "insert into promotion_events (id, kind, name, starts_on, ends_on, place, leader_id, version, created_at, \
         updated_at) ",
    );
    e.push_values(1..=events, |mut b, id| {
        let starts = today - Duration::days(rng.gen_range(0..1460));
        b.push_bind(id)
            .push_bind(EVENT_KINDS[rng.gen_range(0..EVENT_KINDS.len())])
            .push_bind(format!("投促活动{id}"))
            .push_bind(starts)
            .push_bind(starts + Duration::days(rng.gen_range(0..4)))
            .push_bind(CITIES[rng.gen_range(0..CITIES.len())])
            .push_bind(leaders[rng.gen_range(0..leaders.len())])
            .push_bind(1)
            .push_bind(now)
            .push_bind(now);
    });
    e.build().execute(&mut *tx).await?;
    // 18 values a row: 1 000 rows stay under SQLite's 32 766 variables a statement.
    for chunk in (1..=crate::PROJECTS).collect::<Vec<_>>().chunks(1000) {
        let mut rows = Vec::with_capacity(chunk.len());
        let mut moves: Vec<(i64, Option<&'static str>, &'static str, NaiveDate)> = Vec::new();
        for id in chunk {
            let stage = STAGES[[0, 0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 5][rng.gen_range(0..19)]];
            // The way there: lead, then each stage on to it (a dropped one from a signing).
            let path: &[&'static str] = match stage {
                "lead" => &["lead"],
                "negotiating" => &["lead", "negotiating"],
                "signed" => &["lead", "negotiating", "signed"],
                "started" => &["lead", "signed", "started"],
                "completed" => &["lead", "signed", "started", "completed"],
                _ => &["lead", "signed", "dropped"],
            };
            let mut day = today - Duration::days(rng.gen_range(30..1460));
            let mut from = None;
            for to in path {
                moves.push((*id, from, to, day));
                from = Some(*to);
                day = (day + Duration::days(rng.gen_range(1..200))).min(today);
            }
            let stage_on = moves.last().map(|m| m.3).unwrap_or(today);
            let source = SOURCES[rng.gen_range(0..SOURCES.len())];
            let city = CITIES[rng.gen_range(0..CITIES.len())];
            let trade = TRADES[rng.gen_range(0..TRADES.len())];
            rows.push((
                *id,
                format!("{city}{trade}项目{id}"),
                format!("{} {} Holding", city_latin(city), LATIN[rng.gen_range(0..LATIN.len())]),
                rng.gen_range(1..=10i64),
                rng.gen_range(1..=12i64),
                rng.gen_range(100..500_000i64),
                ["domestic", "foreign", "other"][rng.gen_range(0..3)],
                source,
                (source == "event").then(|| rng.gen_range(1..=events)),
                officers[rng.gen_range(0..officers.len())],
                rng.gen_bool(0.5).then(|| leaders[rng.gen_range(0..leaders.len())]),
                stage,
                stage_on,
                now,
            ));
        }
        insert_projects(&mut tx, rows).await?;
        for batch in moves.chunks(5000) {
            let mut m: QueryBuilder<Sqlite> = QueryBuilder::new(
                "insert into project_moves (project_id, from_stage, to_stage, moved_on, reason, recorded_at) ",
            );
            m.push_values(batch, |mut b, (project, from, to, on)| {
                let reason = if *to == "dropped" { "投资方撤资" } else { "" };
                b.push_bind(project).push_bind(from).push_bind(to).push_bind(on).push_bind(reason).push_bind(now);
            });
            m.build().execute(&mut *tx).await?;
        }
    }
    // What the server keeps with each write (migration 0027): the first signing's day, and
    // for a started project the day of its start (none is checked here).
    sqlx::query(
        "update projects set signed_on = (select min(m.moved_on) from project_moves m \
             where m.project_id = projects.id and m.to_stage = 'signed')",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query("update projects set checked_on = stage_on where stage = 'started'").execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_projects(conn: &mut SqliteConnection, rows: Vec<ProjectRow>) -> Result<(), Error> {
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
        "insert into projects (id, name, investor, industry_chain_id, county_id, total_investment_wan, capital_kind, \
         source, event_id, officer_id, leader_id, stage, stage_on, dropped_from, version, created_by, created_at, \
         updated_at) ",
    );
    q.push_values(rows, |mut b, r| {
        let dropped_from = (r.11 == "dropped").then_some("signed");
        b.push_bind(r.0)
            .push_bind(r.1)
            .push_bind(r.2)
            .push_bind(r.3)
            .push_bind(r.4)
            .push_bind(r.5)
            .push_bind(r.6)
            .push_bind(r.7)
            .push_bind(r.8)
            .push_bind(r.9)
            .push_bind(r.10)
            .push_bind(r.11)
            .push_bind(r.12)
            .push_bind(dropped_from)
            .push_bind(1)
            .push_bind(r.9)
            .push_bind(r.13)
            .push_bind(r.13);
    });
    q.build().execute(&mut *conn).await?;
    Ok(())
}
