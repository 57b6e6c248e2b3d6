//! `make bench`: fill a SQLite database with 100 000 enterprises and 1 000 000 cases, serve it
//! with the build asked for, count the SQL queries each page makes (from the server's own
//! query log), then load each page with wrk on loopback at 16 connections, beside a route that
//! returns a static string: the five named scenarios, and every page an administrator's
//! navigation reaches with one record of each list (found by following the links, so a page
//! added later is measured too). Then 16 people export 100 000 cases at once, while the
//! server's memory is watched. Prints a table and writes `target/bench/report.json`; exits
//! non-zero when a staff page's p99 is over 20 ms or an export takes the server over 200 MB.
//!
//! The generator writes straight into the tables (the data layer's one-row-at-a-time writes
//! with their audit entries would take hours at this size); the pages read it back through the
//! real server like any other data.

use app::db::Db;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const ENTERPRISES: i64 = 100_000;
const CASES: i64 = 1_000_000;
const OFFICERS: i64 = 60;
const PORT: u16 = 3199;
const ADMIN_EMAIL: &str = "bench-admin@liaison.test";
const ADMIN_PASSWORD: &str = "bench admin password";
const CONNECTIONS: u32 = 16;
/// wrk's run on each named scenario, and on each page found by following the links.
const SECONDS: u32 = 10;
const SECONDS_PER_PAGE: u32 = 5;
/// The targets the report fails on.
const PAGE_P99_MS: f64 = 20.0;
const EXPORT_PEAK_MB: f64 = 200.0;
/// People exporting at once, each the first 100 000 cases.
const EXPORTERS: i64 = 16;

type Error = Box<dyn std::error::Error>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let db_path = dir.join("liaison.db");
    let url = format!("sqlite://{}", db_path.display());
    let fresh = std::env::args().any(|a| a == "--fresh");
    // `--only TEXT`: measure only the scenarios whose name or path holds TEXT (and the static
    // route beside them); the exports only when TEXT is "export". For working on one page.
    let only = std::env::args().skip_while(|a| a != "--only").nth(1);
    if fresh || !generated(&url).await {
        let _ = std::fs::remove_file(&db_path);
        let _ = std::fs::remove_file(dir.join("liaison.db-wal"));
        let _ = std::fs::remove_file(dir.join("liaison.db-shm"));
        let started = std::time::Instant::now();
        generate(&url).await?;
        println!("generated {ENTERPRISES} enterprises and {CASES} cases in {:.0?}", started.elapsed());
    } else {
        println!("reusing {} (pass --fresh to regenerate)", db_path.display());
    }
    let case_id = target_case(&url).await?;
    let (reference, code) = portal_credentials(&url, case_id).await?;
    let mut scenarios = vec![
        ("static".to_string(), "/livez".to_string()),
        // A city and a trade, as someone looking for one enterprise types it (about 125 match).
        ("enterprise_list_search".to_string(), format!("/enterprises?q={}", app::shell::url_encode("帕多瓦精密"))),
        // One common word of 40, in one name of 40 (about 2 500 match).
        ("enterprise_list_search_broad".to_string(), format!("/enterprises?q={}", app::shell::url_encode("精密"))),
        ("case_list_two_filters".to_string(), "/cases?status=in_progress&case_type=customs".to_string()),
        ("case_page".to_string(), format!("/cases/{case_id}")),
        // The investor's status page, after a lookup with the reference and access code.
        ("public_status".to_string(), "/portal/case".to_string()),
    ];

    // Pass 1: the query log, to count the statements of each page.
    let log_path = dir.join("queries.log");
    let server = start_server(&url, Some(&log_path))?;
    let client = reqwest::Client::builder().cookie_store(true).build()?;
    let base = format!("http://127.0.0.1:{PORT}");
    wait_ready(&client, &base).await?;
    let cookie = login(&client, &base).await?;
    let anonymous = reqwest::Client::new();
    let portal_cookie = portal_session(&base, &reference, &code).await?;
    // Every page the navigation reaches, and a record of each list (a delegation and a partner
    // city planted first if there is none); the case page is one of the named scenarios.
    plant_records(&client, &base).await?;
    for path in reachable(&client, &base).await? {
        let template = template(&path);
        if template != "/cases/{id}" && !scenarios.iter().any(|(_, p)| *p == path) {
            scenarios.push((format!("page {template}"), path));
        }
    }
    if let Some(only) = &only {
        scenarios
            .retain(|(name, path)| name == "static" || name.contains(only.as_str()) || path.contains(only.as_str()));
    }
    println!("measuring {} pages", scenarios.len());
    // Requests go one at a time; the statements logged between one request's start and a
    // short settle after its answer are its own (page renders run in tasks of their own, so
    // the log's spans cannot attribute them).
    let mut queries = HashMap::new();
    for (name, path) in &scenarios {
        let mut counts = Vec::new();
        for _ in 0..5 {
            let before = statements(&log_path)?;
            // The static route is loaded without a session, as wrk does.
            let who = if name == "static" { &anonymous } else { &client };
            let mut request = who.get(format!("{base}{path}"));
            if name == "public_status" {
                request = anonymous.get(format!("{base}{path}")).header("cookie", &portal_cookie);
            }
            let r = request.send().await?;
            if !r.status().is_success() {
                return Err(format!("{name}: {path} answered {}", r.status()).into());
            }
            r.bytes().await?;
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            counts.push(statements(&log_path)? - before);
        }
        // The first view may fill the reference cache; report the steady state.
        queries.insert(name.clone(), counts[1..].iter().copied().max().unwrap_or(0));
    }
    drop(server);

    // Pass 2: the load, with the server logging only warnings.
    let mut server = start_server(&url, None)?;
    wait_ready(&client, &base).await?;
    let portal_cookie = portal_session(&base, &reference, &code).await?;
    let mut report = Vec::new();
    for (name, path) in &scenarios {
        let auth = match name.as_str() {
            "static" => None,
            "public_status" => Some(portal_cookie.as_str()),
            _ => Some(cookie.as_str()),
        };
        // The public status page is loaded as the portal issue asks: at 64 connections.
        let connections = if name == "public_status" { 64 } else { CONNECTIONS };
        let seconds = if name.starts_with("page ") { SECONDS_PER_PAGE } else { SECONDS };
        let (rps, p50, p99) = wrk(&format!("{base}{path}"), auth, connections, seconds)?;
        if let Some(status) = server.try_wait()? {
            return Err(
                format!("the server exited ({status}) while {path} was loaded: see target/bench/server.log").into()
            );
        }
        report.push(json!({
            "name": name,
            "path": path,
            "rps": (rps * 10.0).round() / 10.0,
            "p50_ms": (p50 * 100.0).round() / 100.0,
            "p99_ms": (p99 * 100.0).round() / 100.0,
            "queries_per_request": queries[name],
            "connections": connections,
        }));
    }
    let exports = match &only {
        Some(only) if only != "export" => json!({ "skipped": format!("--only {only}") }),
        _ => exports(&base, &mut server, &cookie).await?,
    };
    drop(server);

    println!();
    println!("{:<40} {:>10} {:>9} {:>9} {:>8}", "scenario", "req/s", "p50 ms", "p99 ms", "queries");
    for r in &report {
        println!(
            "{:<40} {:>10} {:>9} {:>9} {:>8}",
            r["name"].as_str().unwrap_or_default(),
            r["rps"],
            r["p50_ms"],
            r["p99_ms"],
            r["queries_per_request"]
        );
    }
    println!("\nexports: {}", serde_json::to_string_pretty(&exports)?);
    // A staff page is any but the static route and the investor's status page (its own target).
    let mut failures: Vec<String> = report
        .iter()
        .filter(|r| !matches!(r["name"].as_str(), Some("static" | "public_status")))
        .filter(|r| r["p99_ms"].as_f64().unwrap_or(f64::MAX) > PAGE_P99_MS)
        .map(|r| format!("{} ({}): p99 {} ms > {PAGE_P99_MS} ms", r["name"], r["path"], r["p99_ms"]))
        .collect();
    // The server's resident memory, all of it: its own (heap and stacks) and the pages of the
    // database file and of its program it has mapped.
    if let Some(peak) = exports["peak_rss_mb"].as_f64().filter(|&peak| peak > EXPORT_PEAK_MB) {
        failures.push(format!("exports: the server peaked at {peak} MB > {EXPORT_PEAK_MB} MB resident"));
    }
    let doc = json!({
        "machine": format!("{} cores", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)),
        "profile": std::env::var("LIAISON_BENCH_PROFILE").unwrap_or_else(|_| "dist".into()),
        "connections": CONNECTIONS,
        "seconds_per_scenario": SECONDS,
        "seconds_per_page": SECONDS_PER_PAGE,
        "enterprises": ENTERPRISES,
        "cases": CASES,
        "targets": {
            "p99_ms": PAGE_P99_MS,
            "queries_per_request": 3,
            "public_status": { "p99_ms": 10, "share_of_static": 0.3 },
            "export_peak_rss_mb": EXPORT_PEAK_MB,
        },
        "scenarios": report,
        "exports": exports,
        "failures": failures,
    });
    std::fs::write(dir.join("report.json"), serde_json::to_string_pretty(&doc)?)?;
    println!("\nwritten to target/bench/report.json");
    if !failures.is_empty() {
        eprintln!("\nTARGETS MISSED:");
        for f in &failures {
            eprintln!("  {f}");
        }
        std::process::exit(1);
    }
    Ok(())
}

/// A delegation and a partner city, if there are none yet, planted as the administrator's
/// browser would (the generator writes only enterprises and cases).
async fn plant_records(client: &reqwest::Client, base: &str) -> Result<(), Error> {
    let call = |function: &str, form: Vec<(&str, &str)>| {
        client
            .post(format!("{base}/api/{function}"))
            .header("origin", base)
            .header("accept", "application/json")
            .form(&form)
            .send()
    };
    if first_record(client, base, "/delegations").await?.is_none() {
        let form = vec![
            ("direction", "incoming"),
            ("title", "帕多瓦经贸代表团"),
            ("organisation", "Comune di Padova"),
            ("countries[]", "IT"),
            ("language", "en"),
            ("starts_on", "2027-04-01"),
            ("ends_on", "2027-04-03"),
        ];
        check(call("create_delegation", form).await?, "create_delegation").await?;
    }
    if first_record(client, base, "/cities").await?.is_none() {
        let form = vec![
            ("name_zh", "帕多瓦"),
            ("name_original", "Padova"),
            ("name_en", "Padua"),
            ("name_fr", "Padoue"),
            ("country", "IT"),
            ("latitude", "45.4064"),
            ("longitude", "11.8768"),
            ("kind", "prospective"),
            ("first_contact_on", "2025-10-01"),
            ("letter_of_intent_on", "2026-03-15"),
            ("areas[]", "trade"),
        ];
        check(call("register_partner_city", form).await?, "register_partner_city").await?;
    }
    Ok(())
}

async fn check(r: reqwest::Response, what: &str) -> Result<(), Error> {
    if r.status().is_success() {
        Ok(())
    } else {
        Err(format!("{what} answered {}: {}", r.status(), r.text().await?).into())
    }
}

/// The `href`s of local pages in `html` (not files, not the server functions).
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|h| h.replace("&amp;", "&").split('#').next().unwrap_or_default().to_string())
        .filter(|h| h.starts_with('/') && !h.starts_with("//") && !h.starts_with("/pkg/") && !h.starts_with("/api/"))
        .filter(|h| !h.split('?').next().unwrap_or_default().contains('.'))
        .collect()
}

/// The part of `html` inside its first `<tag`…`</tag>`.
fn inside<'a>(html: &'a str, tag: &str) -> &'a str {
    let start = html.find(&format!("<{tag}")).unwrap_or(0);
    let end = html[start..].find(&format!("</{tag}>")).map(|e| start + e).unwrap_or(html.len());
    &html[start..end]
}

async fn first_record(client: &reqwest::Client, base: &str, list: &str) -> Result<Option<String>, Error> {
    let html = client.get(format!("{base}{list}")).send().await?.text().await?;
    Ok(links(inside(&html, "main")).into_iter().find(|h| is_record_of(h, list)))
}

/// Is `path` a record of the list at `list` (its path followed by an id)?
fn is_record_of(path: &str, list: &str) -> bool {
    let list = list.split('?').next().unwrap_or_default();
    path.strip_prefix(list)
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// The pages the administrator's navigation and home page reach, each list's first record,
/// and each list's own pages that are not records (calendar, statistics…), as the browser walk
/// finds them (end2end/tests/walk.spec.ts).
async fn reachable(client: &reqwest::Client, base: &str) -> Result<Vec<String>, Error> {
    let home = client.get(format!("{base}/")).send().await?.text().await?;
    let mut pages: std::collections::BTreeSet<String> = ["/".to_string(), "/account".to_string()].into();
    pages.extend(links(inside(&home, "nav")));
    pages.extend(links(inside(&home, "main")).into_iter().filter(|h| !h.contains('?')));
    for list in pages.clone() {
        if list == "/" {
            continue;
        }
        let html = client.get(format!("{base}{list}")).send().await?.text().await?;
        let found = links(inside(&html, "main"));
        let bare = list.split('?').next().unwrap_or_default().to_string();
        if let Some(record) = found.iter().find(|h| is_record_of(h, &bare)) {
            pages.insert(record.clone());
        }
        for h in &found {
            let path = h.split('?').next().unwrap_or_default();
            let own = path.strip_prefix(&format!("{bare}/")).is_some_and(|rest| {
                !rest.is_empty() && !rest.split('/').any(|part| part.bytes().all(|b| b.is_ascii_digit()))
            });
            if own && !path.ends_with("/new") {
                pages.insert(path.to_string());
            }
        }
    }
    Ok(pages.into_iter().collect())
}

/// A path with its record ids as `{id}`, to name it in the report.
fn template(path: &str) -> String {
    let path = path.split('?').next().unwrap_or_default();
    path.split('/')
        .map(|part| if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) { "{id}" } else { part })
        .collect::<Vec<_>>()
        .join("/")
}

/// The server's resident memory now, in MB: all of it (`VmRSS`, with the database file's
/// pages it has mapped, see `mmap_size`) and its own (`RssAnon`: heap and stacks).
fn memory(server_pid: u32) -> Result<(f64, f64), Error> {
    let status = std::fs::read_to_string(format!("/proc/{server_pid}/status"))?;
    let field = |name: &str| -> Option<f64> {
        status.lines().find_map(|l| l.strip_prefix(name)?.split_whitespace().next()?.parse::<f64>().ok())
    };
    let mb = |kb: f64| (kb / 1024.0 * 10.0).round() / 10.0;
    let rss = field("VmRSS:").ok_or("no VmRSS: has the server exited?")?;
    let anon = field("RssAnon:").ok_or("no RssAnon")?;
    Ok((mb(rss), mb(anon)))
}

/// The peaks of `memory` while `work` runs, sampled every 20 ms.
async fn peaks<T>(server_pid: u32, work: impl std::future::Future<Output = T>) -> Result<(T, f64, f64), Error> {
    let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = {
        let sampling = sampling.clone();
        tokio::spawn(async move {
            let (mut rss, mut anon) = (0f64, 0f64);
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                if let Ok((r, a)) = memory(server_pid) {
                    rss = rss.max(r);
                    anon = anon.max(a);
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            (rss, anon)
        })
    };
    let out = work.await;
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    let (rss, anon) = sampler.await?;
    Ok((out, rss, anon))
}

/// Sign in as one of the generated officers; the `Cookie` header value.
async fn officer_cookie(base: &str, n: i64) -> Result<String, Error> {
    let client = reqwest::Client::new();
    login_as(&client, base, &format!("officer{n}@liaison.test")).await
}

/// Each export once, then `EXPORTERS` officers exporting the first 100 000 cases at once, the
/// server's peak memory over the burst, and its memory a few seconds after.
async fn exports(base: &str, server: &mut Child, admin: &str) -> Result<Value, Error> {
    if let Some(status) = server.try_wait()? {
        return Err(format!("the server exited ({status}) before the exports: see target/bench/server.log").into());
    }
    let mut each = Vec::new();
    for path in ["/cases/export.csv", "/enterprises/export.csv", "/delegations/gifts.csv", "/cities/export.csv"] {
        let started = std::time::Instant::now();
        let (rows, last) = download(base, admin, path).await?;
        each.push(json!({ "path": path, "rows": rows, "last_row": last, "seconds": secs(started) }));
    }
    let mut cookies = Vec::new();
    for n in 0..EXPORTERS {
        cookies.push(officer_cookie(base, n).await?);
    }
    let pid = server.id();
    let (idle_rss, idle_anon) = memory(pid)?;
    let started = std::time::Instant::now();
    let runs = cookies.iter().map(|c| download(base, c, "/cases/export.csv"));
    let (results, peak_rss, peak_anon) = peaks(pid, futures_util::future::join_all(runs)).await?;
    let burst = secs(started);
    let mut rows = Vec::new();
    for r in results {
        let (n, last) = r?;
        if n != 100_000 {
            return Err(format!("an export arrived with {n} rows, not 100 000 (last: {last})").into());
        }
        rows.push(n);
    }
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    let (after_rss, after_anon) = memory(pid)?;
    Ok(json!({
        "each": each,
        "burst": { "exports": EXPORTERS, "rows_each": 100_000, "seconds": burst },
        "idle_rss_mb": idle_rss,
        "idle_anon_mb": idle_anon,
        "peak_rss_mb": peak_rss,
        "peak_anon_mb": peak_anon,
        "rss_5s_after_mb": after_rss,
        "anon_5s_after_mb": after_anon,
    }))
}

fn secs(since: std::time::Instant) -> f64 {
    (since.elapsed().as_secs_f64() * 100.0).round() / 100.0
}

/// Download `path` with `cookie`, counting its rows as they arrive; the count and the last row.
async fn download(base: &str, cookie: &str, path: &str) -> Result<(i64, String), Error> {
    let mut r = reqwest::Client::new().get(format!("{base}{path}")).header("cookie", cookie).send().await?;
    if !r.status().is_success() {
        return Err(format!("{path} answered {}", r.status()).into());
    }
    let (mut lines, mut tail) = (0i64, Vec::new());
    while let Some(piece) = r.chunk().await? {
        lines += piece.iter().filter(|b| **b == b'\n').count() as i64;
        tail.extend_from_slice(&piece);
        if tail.len() > 4096 {
            tail.drain(..tail.len() - 4096);
        }
    }
    let text = String::from_utf8_lossy(&tail);
    let last = text.trim_end().rsplit('\n').next().unwrap_or_default().to_string();
    Ok((lines - 1, last))
}

async fn generated(url: &str) -> bool {
    let Ok(Db::Sqlite(pool)) = Db::connect(url).await else { return false };
    let cases: Result<i64, _> = sqlx::query_scalar("select count(*) from cases").fetch_one(&pool).await;
    matches!(cases, Ok(n) if n >= CASES)
}

/// A case in progress in the middle of the table.
async fn target_case(url: &str) -> Result<i64, Error> {
    let Db::Sqlite(pool) = Db::connect(url).await? else { return Err("not SQLite".into()) };
    let id: i64 =
        sqlx::query_scalar("select id from cases where status = 'in_progress' order by id limit 1 offset 5000")
            .fetch_one(&pool)
            .await?;
    Ok(id)
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

async fn generate(url: &str) -> Result<(), Error> {
    let db = Db::connect(url).await?;
    db.migrate().await?;
    let Db::Sqlite(db) = db else { return Err("not SQLite".into()) };
    let pool = db.pool().clone();
    let mut rng = StdRng::seed_from_u64(2026);
    let now: DateTime<Utc> = Utc::now();
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

    let mut enterprise_officer = Vec::with_capacity(ENTERPRISES as usize);
    let mut tx = pool.begin().await?;
    for chunk in (1..=ENTERPRISES).collect::<Vec<_>>().chunks(2000) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "insert into enterprises (id, name_zh, name_original, country, industry_chain_id, employees, lifecycle, \
             is_key, last_contact_on, version, created_at, updated_at, search_name) ",
        );
        let rows: Vec<_> = chunk
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
            .collect();
        let terms: Vec<(String, i64, String)> = rows
            .iter()
            .flat_map(|r| {
                app::domain::search::index_terms(&[&r.1, &r.2]).into_iter().map(move |t| (t, r.0, r.1.clone()))
            })
            .collect();
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
        q.build().execute(&mut *tx).await?;
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

    let calendar = calendar(&pool).await?;
    let mut counters: HashMap<i32, i64> = HashMap::new();
    let mut tx = pool.begin().await?;
    for chunk in (1..=CASES).collect::<Vec<_>>().chunks(1000) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|id| {
                let enterprise = rng.gen_range(1..=ENTERPRISES);
                let created = now - Duration::minutes(rng.gen_range(0..(3 * 365 * 24 * 60)));
                let year = chrono::Datelike::year(&created);
                let n = counters.entry(year).and_modify(|n| *n += 1).or_insert(1);
                let reference = format!("LN-{year}-{n:06}");
                let status = STATUSES[weighted_status(&mut rng)];
                let case_type = CASE_TYPES[rng.gen_range(0..CASE_TYPES.len())];
                let start = (created + Duration::hours(8)).date_naive();
                let days = rng.gen_range(3..15);
                let due = add_working_days(&calendar, start, days);
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
            .collect();
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "insert into cases (id, reference, enterprise_id, case_type, priority, green_channel, full_agency, title, \
             description, language, status, owner_id, access_code_hash, version, created_at, updated_at, sla_start_on, \
             sla_working_days, due_on) ",
        );
        q.push_values(rows.iter(), |mut b, r| {
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
                .push_bind(r.8);
        });
        q.build().execute(&mut *tx).await?;
        let mut e: QueryBuilder<Sqlite> =
            QueryBuilder::new("insert into case_events (case_id, kind, to_status, note, author_id, created_at) ");
        e.push_values(rows.iter(), |mut b, r| {
            b.push_bind(r.0).push_bind("created").push_bind("submitted").push_bind("").push_bind(r.9).push_bind(r.5);
        });
        e.build().execute(&mut *tx).await?;
        let routed: Vec<_> = rows.iter().filter(|r| r.0 % 5 == 0).collect();
        if !routed.is_empty() {
            let mut t: QueryBuilder<Sqlite> = QueryBuilder::new(
                "insert into case_tasks (case_id, department_id, status, version, created_at, updated_at) ",
            );
            t.push_values(routed, |mut b, r| {
                b.push_bind(r.0).push_bind(1 + r.0 % 5).push_bind("pending").push_bind(1).push_bind(r.5).push_bind(r.5);
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
    sqlx::query("analyze").execute(&pool).await?;
    pool.close().await;
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

fn start_server(url: &str, query_log: Option<&Path>) -> Result<Server, Error> {
    // The production build (`dist`, fat LTO) unless `make bench BENCH_PROFILE=release` asks for
    // the one `make run` serves.
    let profile = std::env::var("LIAISON_BENCH_PROFILE").unwrap_or_else(|_| "dist".into());
    let bin = root().join(format!("target/{profile}/liaison"));
    if !bin.exists() {
        return Err(format!("{} is missing: run `make bench` (it builds it first)", bin.display()).into());
    }
    let mut cmd = Command::new(bin);
    cmd.arg("serve")
        .current_dir(root())
        .env("DATABASE_URL", url)
        .env("LIAISON_ADDR", format!("127.0.0.1:{PORT}"))
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("LEPTOS_OUTPUT_NAME", "liaison")
        // No background work during the load, and no statement of its own in the query count:
        // the deadline notices are off and the outbox is looked at once an hour.
        .env("LIAISON_NOTICES", "off")
        .env("LIAISON_OUTBOX_POLL", "1h")
        // The portal's limits per address would refuse wrk's one address.
        .env("LIAISON_PORTAL_LOOKUPS", "0")
        .stdin(Stdio::null())
        .stderr(Stdio::null());
    match query_log {
        Some(path) => {
            cmd.env("LIAISON_LOG", "warn,sqlx::query=debug")
                .env("LIAISON_LOG_FORMAT", "json")
                .stdout(std::fs::File::create(path)?);
        }
        None => {
            let log = std::fs::File::create(root().join("target/bench/server.log"))?;
            cmd.env("LIAISON_LOG", "error").stdout(log.try_clone()?).stderr(log);
        }
    }
    Ok(Server(cmd.spawn()?))
}

/// The server under test, stopped when dropped: a run that fails half-way must not leave it
/// holding the port for the next run.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl std::ops::Deref for Server {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl std::ops::DerefMut for Server {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

async fn wait_ready(client: &reqwest::Client, base: &str) -> Result<(), Error> {
    for _ in 0..100 {
        if let Ok(r) = client.get(format!("{base}/healthz")).send().await {
            if r.status().is_success() {
                return Ok(());
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err("the server did not start".into())
}

/// Give the target case an access code the benchmark knows (stored as the server stores it,
/// under the installation's key); returns its reference and the code.
async fn portal_credentials(url: &str, case_id: i64) -> Result<(String, String), Error> {
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

/// Look the case up as an investor does; returns the portal session's `Cookie` value.
async fn portal_session(base: &str, reference: &str, code: &str) -> Result<String, Error> {
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build()?;
    let r = client
        .post(format!("{base}/portal/status"))
        .header("origin", base)
        .form(&[("reference", reference), ("access_code", code)])
        .send()
        .await?;
    if r.status() != reqwest::StatusCode::SEE_OTHER {
        return Err(format!("portal lookup answered {}", r.status()).into());
    }
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(app::portal::CASE_COOKIE))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
        .ok_or_else(|| "no portal session cookie".into())
}

/// Sign in as the admin; returns the `Cookie` header value for wrk.
async fn login(client: &reqwest::Client, base: &str) -> Result<String, Error> {
    login_as(client, base, ADMIN_EMAIL).await
}

/// Sign in as `email` (every generated user has the admin's password).
async fn login_as(client: &reqwest::Client, base: &str, email: &str) -> Result<String, Error> {
    let r = client
        .post(format!("{base}/api/login"))
        .header("origin", base)
        .header("accept", "application/json")
        .form(&[("email", email), ("password", ADMIN_PASSWORD)])
        .send()
        .await?;
    if !r.status().is_success() {
        return Err(format!("login answered {}", r.status()).into());
    }
    let cookies: Vec<String> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next().map(str::to_string))
        .collect();
    Ok(cookies.join("; "))
}

/// How many SQL statements the server has logged so far.
fn statements(log: &Path) -> Result<usize, Error> {
    let text = std::fs::read_to_string(log)?;
    Ok(BufReader::new(text.as_bytes())
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<Value>(&line).ok())
        .filter(|v| v["db.statement"].is_string())
        .count())
}

/// Run wrk; returns requests per second, p50 and p99 in milliseconds.
fn wrk(url: &str, cookie: Option<&str>, connections: u32, seconds: u32) -> Result<(f64, f64, f64), Error> {
    let mut cmd = Command::new("wrk");
    cmd.args(["-t2", &format!("-c{connections}"), &format!("-d{seconds}s"), "--latency"]);
    if let Some(c) = cookie {
        cmd.args(["-H", &format!("Cookie: {c}")]);
    }
    let out = cmd.arg(url).output()?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    if !out.status.success() || text.contains("Non-2xx") {
        return Err(format!("wrk on {url} failed:\n{text}").into());
    }
    let rps = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .ok_or("no Requests/sec in wrk's output")?;
    let percentile = |p: &str| -> Option<f64> {
        text.lines().find_map(|l| {
            let mut parts = l.split_whitespace();
            (parts.next()? == p).then_some(())?;
            parse_duration_ms(parts.next()?)
        })
    };
    Ok((rps, percentile("50%").ok_or("no p50")?, percentile("99%").ok_or("no p99")?))
}

/// wrk's durations: `812.00us`, `1.23ms`, `2.01s`.
fn parse_duration_ms(s: &str) -> Option<f64> {
    if let Some(v) = s.strip_suffix("us") {
        v.parse::<f64>().ok().map(|v| v / 1000.0)
    } else if let Some(v) = s.strip_suffix("ms") {
        v.parse().ok()
    } else if let Some(v) = s.strip_suffix('s') {
        v.parse::<f64>().ok().map(|v| v * 1000.0)
    } else {
        None
    }
}
