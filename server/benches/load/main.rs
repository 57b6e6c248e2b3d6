//! `make bench`: fill a SQLite database with 100 000 enterprises and 1 000 000 cases, serve it
//! with the build asked for, count the SQL queries each page makes (from the server's own
//! query log), then load each page with wrk on loopback at 16 connections, beside a route that
//! returns a static string: the five named scenarios, and every page an administrator's
//! navigation reaches with one record of each list (found by following the links, so a page
//! added later is measured too). Then 16 people export 100 000 cases at once, while the
//! server's memory is watched. Prints a table and writes `target/bench/report.json`; exits
//! non-zero when a staff page's p99 is over 20 ms (in a second run, when the first missed) or
//! an export takes the server over 200 MB.
//!
//! The generator writes straight into the tables (the data layer's one-row-at-a-time writes
//! with their audit entries would take hours at this size); the pages read it back through the
//! real server like any other data.
//!
//! Its files: `generate` fills the database, `server` starts the server under test and signs
//! in, `pages` finds the pages to measure, `measure` counts their statements and runs wrk,
//! and `exports` watches the server's memory while many export at once.

mod exports;
mod generate;
mod measure;
mod pages;
mod server;

use serde_json::{json, Value};
use server::{login, portal_session, start_server, wait_ready};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const ENTERPRISES: i64 = 100_000;
const CASES: i64 = 1_000_000;
const PROJECTS: i64 = 100_000;
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
/// The rates page reads a cohort out of the whole stage log: its own target.
const RATES_P99_MS: f64 = 50.0;
/// The leaders' dashboard reads every area's figures for a period and the year before.
const DASHBOARD_P99_MS: f64 = 100.0;

/// The p99 a staff page must keep to.
fn target_ms(path: &str) -> f64 {
    if path.starts_with("/projects/rates") {
        RATES_P99_MS
    } else if path == "/dashboard" || path.starts_with("/dashboard?") {
        DASHBOARD_P99_MS
    } else {
        PAGE_P99_MS
    }
}
const EXPORT_PEAK_MB: f64 = 200.0;
/// People exporting at once, each the first 100 000 cases.
const EXPORTERS: i64 = 16;

type Error = Box<dyn std::error::Error>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A scenario: its name in the report, and the path it loads.
type Scenario = (String, String);

/// The target case's reference and access code, for the investor's status page.
type Portal = (String, String);

#[tokio::main]
async fn main() -> Result<(), Error> {
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let fresh = std::env::args().any(|a| a == "--fresh");
    // `--only TEXT`: measure only the scenarios whose name or path holds TEXT (and the static
    // route beside them); the exports only when TEXT is "export". For working on one page.
    let only = std::env::args().skip_while(|a| a != "--only").nth(1);
    let url = prepare_database(&dir, fresh).await?;
    let case_id = generate::target_case(&url).await?;
    let portal = generate::portal_credentials(&url, case_id).await?;
    let counted = count_queries(&url, &dir, named_scenarios(case_id), only.as_deref(), &portal).await?;
    let (report, exports) = load(&url, &counted, &portal, only.as_deref()).await?;

    print_table(&report, &exports)?;
    let failures = missed_targets(&report, &exports);
    write_report(&dir, &report, &exports, &failures)?;
    if !failures.is_empty() {
        eprintln!("\nTARGETS MISSED:");
        for f in &failures {
            eprintln!("  {f}");
        }
        std::process::exit(1);
    }
    Ok(())
}

/// The database in `dir`: generated unless it is there already (or `fresh` asks for a new
/// one). Its URL.
async fn prepare_database(dir: &Path, fresh: bool) -> Result<String, Error> {
    let db_path = dir.join("liaison.db");
    let url = format!("sqlite://{}", db_path.display());
    if fresh || !generate::generated(&url).await {
        let _ = std::fs::remove_file(&db_path);
        let _ = std::fs::remove_file(dir.join("liaison.db-wal"));
        let _ = std::fs::remove_file(dir.join("liaison.db-shm"));
        let started = std::time::Instant::now();
        generate::generate(&url).await?;
        println!(
            "generated {ENTERPRISES} enterprises, {CASES} cases and {PROJECTS} projects in {:.0?}",
            started.elapsed()
        );
    } else {
        println!("reusing {} (pass --fresh to regenerate)", db_path.display());
    }
    Ok(url)
}

/// The named scenarios, beside the static route.
fn named_scenarios(case_id: i64) -> Vec<Scenario> {
    vec![
        ("static".to_string(), "/livez".to_string()),
        // A city and a trade, as someone looking for one enterprise types it (about 125 match).
        ("enterprise_list_search".to_string(), format!("/enterprises?q={}", app::shell::url_encode("帕多瓦精密"))),
        // One common word of 40, in one name of 40 (about 2 500 match).
        ("enterprise_list_search_broad".to_string(), format!("/enterprises?q={}", app::shell::url_encode("精密"))),
        ("case_list_two_filters".to_string(), "/cases?status=in_progress&case_type=customs".to_string()),
        ("case_page".to_string(), format!("/cases/{case_id}")),
        // The investor's status page, after a lookup with the reference and access code.
        ("public_status".to_string(), "/portal/case".to_string()),
        // The three lists with a filter: the started list of one chain (about 5 000 of 100 000),
        // this year's signings by investment, one county's completed projects.
        ("project_list_filter".to_string(), "/projects?stage=started&industry_chain_id=3".to_string()),
        ("project_list_year".to_string(), "/projects?stage=signed&year=2025&sort=investment".to_string()),
        ("project_list_county".to_string(), "/projects?stage=completed&county_id=5".to_string()),
        // The rates of a year's signings, by chain and county (its target is `RATES_P99_MS`).
        ("project_rates".to_string(), "/projects/rates?cohort=signed&from=2025-01-01&to=2025-12-31".to_string()),
        // The leaders' dashboard of a whole year, every section (its target is `DASHBOARD_P99_MS`).
        ("dashboard_year".to_string(), "/dashboard?year=2025".to_string()),
    ]
}

fn base() -> String {
    format!("http://127.0.0.1:{PORT}")
}

/// What the first pass leaves to the second: the scenarios, the statements of each, and the
/// administrator's client and session.
struct Counted {
    scenarios: Vec<Scenario>,
    queries: HashMap<String, usize>,
    client: reqwest::Client,
    cookie: String,
}

/// Pass 1: the query log, to count the statements of each page. Every page the navigation
/// reaches joins the named scenarios (those `--only` asks for stay).
async fn count_queries(
    url: &str,
    dir: &Path,
    mut scenarios: Vec<Scenario>,
    only: Option<&str>,
    portal: &Portal,
) -> Result<Counted, Error> {
    let log_path = dir.join("queries.log");
    let server = start_server(url, Some(&log_path))?;
    let client = reqwest::Client::builder().cookie_store(true).build()?;
    let base = base();
    wait_ready(&client, &base).await?;
    let cookie = login(&client, &base).await?;
    let anonymous = reqwest::Client::new();
    let portal_cookie = portal_session(&base, &portal.0, &portal.1).await?;
    // Every page the navigation reaches, and a record of each list (a delegation and a partner
    // city planted first if there is none); the case page is one of the named scenarios.
    pages::plant_records(&client, &base).await?;
    for path in pages::reachable(&client, &base).await? {
        let template = pages::template(&path);
        if template != "/cases/{id}" && !scenarios.iter().any(|(_, p)| *p == path) {
            scenarios.push((format!("page {template}"), path));
        }
    }
    if let Some(only) = only {
        scenarios.retain(|(name, path)| name == "static" || name.contains(only) || path.contains(only));
    }
    println!("measuring {} pages", scenarios.len());
    let mut queries = HashMap::new();
    for (name, path) in &scenarios {
        let page = format!("{base}{path}");
        // The static route is loaded without a session, as wrk does.
        let request = || match name.as_str() {
            "static" => anonymous.get(page.as_str()),
            "public_status" => anonymous.get(page.as_str()).header("cookie", &portal_cookie),
            _ => client.get(page.as_str()),
        };
        queries.insert(name.clone(), measure::statements_per_request(&log_path, request, name, path).await?);
    }
    drop(server);
    Ok(Counted { scenarios, queries, client, cookie })
}

/// Pass 2: the load, with the server logging only warnings; then the exports, unless `--only`
/// names something else. The report's rows, and the exports' figures.
async fn load(url: &str, counted: &Counted, portal: &Portal, only: Option<&str>) -> Result<(Vec<Value>, Value), Error> {
    let mut server = start_server(url, None)?;
    let base = base();
    wait_ready(&counted.client, &base).await?;
    let portal_cookie = portal_session(&base, &portal.0, &portal.1).await?;
    let mut report = Vec::new();
    for (name, path) in &counted.scenarios {
        let auth = match name.as_str() {
            "static" => None,
            "public_status" => Some(portal_cookie.as_str()),
            _ => Some(counted.cookie.as_str()),
        };
        // The public status page is loaded as the portal issue asks: at 64 connections.
        let connections = if name == "public_status" { 64 } else { CONNECTIONS };
        let seconds = if name.starts_with("page ") { SECONDS_PER_PAGE } else { SECONDS };
        let mut run = measure::wrk(&format!("{base}{path}"), auth, connections, seconds)?;
        // A staff page over its target is loaded once more: on a shared machine one burst of
        // another's work can stretch a single run's slowest hundredth. Both runs are reported,
        // and the page fails when the second misses too.
        let staff = !matches!(name.as_str(), "static" | "public_status");
        let first_p99 = (staff && run.2 > target_ms(path)).then_some(run.2);
        if first_p99.is_some() {
            run = measure::wrk(&format!("{base}{path}"), auth, connections, seconds)?;
        }
        let (rps, p50, p99) = run;
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
            "queries_per_request": counted.queries[name],
            "connections": connections,
            "first_p99_ms": first_p99.map(|p| (p * 100.0).round() / 100.0),
        }));
    }
    let exports = match only {
        Some(only) if only != "export" => json!({ "skipped": format!("--only {only}") }),
        _ => exports::run(&base, &mut server, &counted.cookie).await?,
    };
    drop(server);
    Ok((report, exports))
}

fn print_table(report: &[Value], exports: &Value) -> Result<(), Error> {
    println!();
    println!("{:<40} {:>10} {:>9} {:>9} {:>8}", "scenario", "req/s", "p50 ms", "p99 ms", "queries");
    for r in report {
        let again = r["first_p99_ms"].as_f64().map(|p| format!("  (loaded again: the first run's p99 was {p} ms)"));
        println!(
            "{:<40} {:>10} {:>9} {:>9} {:>8}{}",
            r["name"].as_str().unwrap_or_default(),
            r["rps"],
            r["p50_ms"],
            r["p99_ms"],
            r["queries_per_request"],
            again.unwrap_or_default()
        );
    }
    println!("\nexports: {}", serde_json::to_string_pretty(exports)?);
    Ok(())
}

/// The targets missed: a staff page's p99, or the server's memory during the exports.
fn missed_targets(report: &[Value], exports: &Value) -> Vec<String> {
    // A staff page is any but the static route and the investor's status page (its own target).
    let mut failures: Vec<String> = report
        .iter()
        .filter(|r| !matches!(r["name"].as_str(), Some("static" | "public_status")))
        .filter(|r| r["p99_ms"].as_f64().unwrap_or(f64::MAX) > target_ms(r["path"].as_str().unwrap_or_default()))
        .map(|r| {
            let path = r["path"].as_str().unwrap_or_default();
            format!("{} ({path}): p99 {} ms > {} ms", r["name"], r["p99_ms"], target_ms(path))
        })
        .collect();
    // The server's resident memory, all of it: its own (heap and stacks) and the pages of the
    // database file and of its program it has mapped.
    if let Some(peak) = exports["peak_rss_mb"].as_f64().filter(|&peak| peak > EXPORT_PEAK_MB) {
        failures.push(format!("exports: the server peaked at {peak} MB > {EXPORT_PEAK_MB} MB resident"));
    }
    failures
}

/// `target/bench/report.json`: the run's settings and targets, the scenarios, the exports and
/// the targets missed.
fn write_report(dir: &Path, report: &[Value], exports: &Value, failures: &[String]) -> Result<(), Error> {
    let doc = json!({
        "machine": format!("{} cores", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)),
        "profile": std::env::var("LIAISON_BENCH_PROFILE").unwrap_or_else(|_| "dist".into()),
        "connections": CONNECTIONS,
        "seconds_per_scenario": SECONDS,
        "seconds_per_page": SECONDS_PER_PAGE,
        "enterprises": ENTERPRISES,
        "cases": CASES,
        "projects": PROJECTS,
        "targets": {
            "p99_ms": PAGE_P99_MS,
            "project_rates_p99_ms": RATES_P99_MS,
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
    Ok(())
}
