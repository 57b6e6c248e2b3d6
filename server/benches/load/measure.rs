//! The measures: the statements a page makes (from the server's query log) and wrk's load.

use crate::Error;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Command;

/// The statements a page makes: it is loaded five times, one request at a time, and the
/// statements logged between one request's start and a short settle after its answer are its
/// own (page renders run in tasks of their own, so the log's spans cannot attribute them). The
/// first view may fill the reference cache: the most of the other four, the steady state.
pub async fn statements_per_request(
    log: &Path,
    request: impl Fn() -> reqwest::RequestBuilder,
    name: &str,
    path: &str,
) -> Result<usize, Error> {
    let mut counts = Vec::new();
    for _ in 0..5 {
        let before = statements(log)?;
        let r = request().send().await?;
        if !r.status().is_success() {
            return Err(format!("{name}: {path} answered {}", r.status()).into());
        }
        r.bytes().await?;
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        counts.push(statements(log)? - before);
    }
    Ok(counts[1..].iter().copied().max().unwrap_or(0))
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
pub fn wrk(url: &str, cookie: Option<&str>, connections: u32, seconds: u32) -> Result<(f64, f64, f64), Error> {
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
    // wrk gives up on a request after two seconds and leaves it out of its percentiles: a run
    // with any such request (or none answered at all) has no p99 worth the name, and misses
    // every target (serialised as null, read back as the largest number).
    let timeouts = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Socket errors:"))
        .and_then(|l| l.split(',').find_map(|part| part.trim().strip_prefix("timeout ")))
        .and_then(|n| n.trim().parse::<u64>().ok())
        .unwrap_or(0);
    if timeouts > 0 || rps == 0.0 {
        return Ok((rps, f64::INFINITY, f64::INFINITY));
    }
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
