//! The server under test: started from the build asked for, stopped when dropped, and signed
//! in to as the administrator, an officer or an investor.

use crate::{root, Error, ADMIN_EMAIL, ADMIN_PASSWORD, PORT};
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub fn start_server(url: &str, query_log: Option<&Path>) -> Result<Server, Error> {
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
pub struct Server(Child);

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

pub async fn wait_ready(client: &reqwest::Client, base: &str) -> Result<(), Error> {
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

/// Look the case up as an investor does; returns the portal session's `Cookie` value.
pub async fn portal_session(base: &str, reference: &str, code: &str) -> Result<String, Error> {
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
pub async fn login(client: &reqwest::Client, base: &str) -> Result<String, Error> {
    login_as(client, base, ADMIN_EMAIL).await
}

/// Sign in as `email` (every generated user has the admin's password).
pub async fn login_as(client: &reqwest::Client, base: &str, email: &str) -> Result<String, Error> {
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
