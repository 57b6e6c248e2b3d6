//! A bad configuration stops the real binary with exit code 2 and one line naming the
//! variable; the CLI creates users from a password on standard input and backs up SQLite.

use crate::common::*;
use std::io::Write;
use std::process::{Command, Stdio};

fn liaison() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_liaison"));
    c.env_clear().env("PATH", std::env::var("PATH").unwrap_or_default()).env("LIAISON_LOG", "error");
    c
}

#[test]
fn a_bad_setting_stops_start_up_with_one_clear_line() {
    for (var, value) in [
        ("LIAISON_ADDR", "localhost"),
        ("DATABASE_URL", "mysql://db/liaison"),
        ("LIAISON_SESSION_IDLE", "forever"),
        ("LIAISON_BASE_URL", "liaison.example.cn"),
        ("LIAISON_LOG", "loud[["),
    ] {
        let out = liaison().env(var, value).output().expect("run liaison");
        assert_eq!(out.status.code(), Some(2), "{var}={value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(stderr.starts_with(&format!("configuration error: {var}: ")), "{stderr}");
        assert!(!stderr.contains("panicked"));
    }
}

#[tokio::test]
async fn create_user_reads_the_password_from_stdin_and_backup_copies_sqlite() {
    let db = TestDatabase::create(Backend::Sqlite).await;
    let mut child = liaison()
        .env("DATABASE_URL", &db.url)
        .args([
            "create-user",
            "--email",
            "Chen@FAO.gov.cn",
            "--name",
            "陈静",
            "--role",
            "department_liaison",
            "--department",
            "customs",
            "--language",
            "fr",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().unwrap().write_all(b"a password from stdin\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let app = spawn_app_with(Backend::Sqlite, &[("DATABASE_URL", &db.url)]).await;
    assert_eq!(app.login("chen@fao.gov.cn", "a password from stdin").await.status(), 200);
    assert_eq!(app.user_count().await, 1, "no first admin once an account exists");

    // A bad account is refused with exit code 2 and nothing is stored.
    let mut child = liaison()
        .env("DATABASE_URL", &db.url)
        .args(["create-user", "--email", "x@y.cn", "--name", "X", "--role", "department_liaison"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"short\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(app.user_count().await, 1);

    // Backup while the app is running.
    let copy = std::env::temp_dir().join(format!("liaison-backup-{}.db", uuid::Uuid::new_v4()));
    let out = liaison().env("DATABASE_URL", &db.url).arg("backup").arg(&copy).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let copy_url = format!("sqlite://{}", copy.display());
    let restored = app::db::Db::connect(&copy_url).await.unwrap();
    assert_eq!(app::admin::db::users::count(&restored).await.unwrap(), 1, "the copy holds the data");
    restored.close().await;
    let again = liaison().env("DATABASE_URL", &db.url).arg("backup").arg(&copy).output().unwrap();
    assert_eq!(again.status.code(), Some(2), "an existing file is never overwritten");
    let _ = std::fs::remove_file(&copy);
}

#[tokio::test]
async fn backup_on_postgres_points_to_pg_dump() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let out = liaison().env("DATABASE_URL", &db.url).args(["backup", "/tmp/never-written.db"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
}
