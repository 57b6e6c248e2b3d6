//! The exports under load: each export once, then many at once while the server's resident
//! memory is sampled.

use crate::server::login_as;
use crate::{Error, EXPORTERS};
use serde_json::{json, Value};
use std::process::Child;

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
pub async fn run(base: &str, server: &mut Child, admin: &str) -> Result<Value, Error> {
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
