//! The SQLite and PostgreSQL migrations stay twins: the same versions and names, and the
//! same tables with the same columns once applied.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;

fn files(dir: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir);
    let mut names: Vec<String> =
        std::fs::read_dir(root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn both_folders_hold_the_same_migrations() {
    let sqlite = files("migrations/sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, files("migrations/postgres"));
}

async fn sqlite_schema(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    let app::db::Db::Sqlite(pool) = &app.db else { unreachable!() };
    let rows: Vec<(String, String)> = sqlx::query_as(
        "select m.name, p.name from sqlite_master m join pragma_table_info(m.name) p \
         where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like '_sqlx%' order by m.name, p.name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    group(rows)
}

async fn postgres_schema(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    let app::db::Db::Postgres(pool) = &app.db else { unreachable!() };
    let rows: Vec<(String, String)> = sqlx::query_as(
        "select table_name::text, column_name::text from information_schema.columns \
         where table_schema = 'public' and table_name not like '_sqlx%' order by 1, 2",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    group(rows)
}

fn group(rows: Vec<(String, String)>) -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (t, c) in rows {
        m.entry(t).or_default().push(c);
    }
    m
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_databases_get_the_same_tables_and_columns() {
    let lite = spawn_app(Backend::Sqlite).await;
    let pg = spawn_app(Backend::Postgres).await;
    let a = sqlite_schema(&lite).await;
    let b = postgres_schema(&pg).await;
    assert!(a.contains_key("users") && a.contains_key("audit_log"));
    assert_eq!(a, b);
    // Migrating again is a no-op.
    lite.db.migrate().await.unwrap();
    pg.db.migrate().await.unwrap();
}

/// Upgrading an SQLite database with cases to the portal's schema (which rebuilds the cases
/// and timeline tables) keeps every row and every reference to them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upgrading_sqlite_to_the_portal_keeps_cases_and_their_references() {
    let dir = tempfile_dir();
    let url = format!("sqlite://{}/old.db", dir.display());
    let app::db::Db::Sqlite(pool) = app::db::Db::connect(&url).await.unwrap() else { unreachable!() };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations/sqlite");
    let mut before = sqlx::migrate::Migrator::new(root).await.unwrap();
    before.migrations = before.migrations.iter().filter(|m| m.version <= 9).cloned().collect::<Vec<_>>().into();
    before.run(pool.pool()).await.unwrap();
    for sql in [
        "insert into enterprises (id, name_zh, name_original, country, created_at, updated_at) \
         values (1, '里尔光学', 'Lille Optique', 'FR', '2026-01-01', '2026-01-01')",
        "insert into cases (id, reference, enterprise_id, case_type, title, description, language, access_code_hash, \
             created_at, updated_at, due_on, applicant_name) \
         values (7, 'LN-2026-000007', 1, 'tax', 'VAT', 'VAT refund', 'fr', '$argon2id$x', '2026-01-02', '2026-01-02', \
             '2026-01-09', 'Marie')",
        "insert into case_events (case_id, kind, note, created_at) values (7, 'internal_note', 'kept', '2026-01-02')",
        "insert into case_tasks (case_id, department_id, created_at, updated_at) \
         values (7, (select min(id) from departments), '2026-01-02', '2026-01-02')",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    let db = app::db::Db::Sqlite(pool.clone());
    db.migrate().await.unwrap();
    let (reference, due, name, source): (String, String, String, String) =
        sqlx::query_as("select reference, due_on, applicant_name, source from cases where id = 7")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        (reference.as_str(), due.as_str(), name.as_str(), source.as_str()),
        ("LN-2026-000007", "2026-01-09", "Marie", "staff")
    );
    let notes: Vec<String> =
        sqlx::query_scalar("select note from case_events where case_id = 7").fetch_all(&pool).await.unwrap();
    assert_eq!(notes, vec!["kept".to_string()]);
    let broken: Vec<(String,)> =
        sqlx::query_as("select \"table\" from pragma_foreign_key_check").fetch_all(&pool).await.unwrap();
    assert!(broken.is_empty(), "{broken:?}");
    // Portal requests may now wait without an enterprise.
    sqlx::query(
        "insert into cases (reference, case_type, title, description, language, access_code_hash, created_at, updated_at, source) \
         values ('LN-2026-000008', 'visa', 'Visa', 'Visa', 'en', 'k1$00', '2026-01-03', '2026-01-03', 'portal')",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// Upgrading an SQLite database with staff to the county officers' role (which remakes the
/// accounts table, see `SqliteDb::widen_role_checks`) keeps every account, session, recovery
/// code and required step, and every reference to them; the checks then take the new role
/// and still refuse what they refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upgrading_sqlite_to_county_officers_keeps_accounts_and_their_sessions() {
    let dir = tempfile_dir();
    let url = format!("sqlite://{}/old.db", dir.display());
    let app::db::Db::Sqlite(pool) = app::db::Db::connect(&url).await.unwrap() else { unreachable!() };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations/sqlite");
    let mut before = sqlx::migrate::Migrator::new(root).await.unwrap();
    before.migrations = before.migrations.iter().filter(|m| m.version <= 27).cloned().collect::<Vec<_>>().into();
    before.run(pool.pool()).await.unwrap();
    for sql in [
        "insert into users (id, email, display_name, password_hash, role, locale, created_at, updated_at, totp_enabled) \
         values (5, 'wang@fao.test', '王丽', '$argon2id$x', 'leader', 'zh-CN', '2026-01-01', '2026-01-01', true)",
        "insert into sessions (id, user_id, created_at, last_seen_at) values ('s1', 5, '2026-01-02', '2026-01-02')",
        "insert into recovery_codes (user_id, code_hash) values (5, 'h')",
        "insert into roles_requiring_two_step (role) values ('leader')",
        "insert into audit_log (actor_id, action, entity_type, entity_id, at) values (5, 'login', 'user', '5', '2026-01-02')",
        "insert into counties (id, name_zh, name_en, name_fr, created_at) values (3, '西城区', 'West district', 'District Ouest', '2026-01-01')",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    let db = app::db::Db::Sqlite(pool.clone());
    db.migrate().await.unwrap();
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!(count("select count(*) from users where id = 5 and totp_enabled and role = 'leader'").await, 1);
    assert_eq!(count("select count(*) from sessions where user_id = 5").await, 1);
    assert_eq!(count("select count(*) from recovery_codes where user_id = 5").await, 1);
    assert_eq!(count("select count(*) from roles_requiring_two_step").await, 1);
    let broken: Vec<(String,)> =
        sqlx::query_as("select \"table\" from pragma_foreign_key_check").fetch_all(&pool).await.unwrap();
    assert!(broken.is_empty(), "{broken:?}");
    let account = |role: &str, county: &str| {
        format!(
            "insert into users (email, display_name, password_hash, role, county_id, created_at, updated_at) \
             values ('{role}{county}@fao.test', 'X', 'h', '{role}', {county}, '2026-01-03', '2026-01-03')"
        )
    };
    let insert = |sql: String| {
        let pool = pool.clone();
        async move { sqlx::query(&sql).execute(&pool).await.map(|_| ()) }
    };
    assert!(insert(account("county_officer", "3")).await.is_ok());
    assert!(insert(account("county_officer", "null")).await.is_err(), "a county officer has a county");
    assert!(insert(account("chief", "null")).await.is_err(), "an unknown role is still refused");
    assert!(insert(account("leader", "99")).await.is_err(), "a county that does not exist");
    assert!(insert("insert into roles_requiring_two_step (role) values ('county_officer')".into()).await.is_ok());
    // Migrating again changes nothing.
    db.migrate().await.unwrap();
    assert_eq!(count("select count(*) from sessions where user_id = 5").await, 1);
    pool.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("liaison-upgrade-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
