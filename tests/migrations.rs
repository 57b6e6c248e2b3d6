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
