//! Exports at the size an office reaches: a long list arrives whole, row after row as the
//! database reads it; a user runs one export at a time, on whichever app server, and a second
//! is refused with a page in their language until the first has finished.

use crate::both;
use crate::common::*;
use reqwest::StatusCode;

/// `n` cases straight into the table (through the pages they would take minutes), the oldest
/// `EX-100001`; every seventh title is one a spreadsheet would run as a formula.
async fn plant_cases(app: &TestApp, n: u32) {
    app.execute(&format!(
        "with recursive k(i) as (select 1 union all select i + 1 from k where i < {n}) \
         insert into cases (reference, case_type, title, description, language, access_code_hash, created_at, \
                            updated_at, source) \
         select 'EX-' || (100000 + i), 'customs', \
                case when i % 7 = 0 then '=SUM(A1), case ' || i else 'Customs clearance, case ' || i end, \
                'planted', 'en', 'k1$00', '2026-11-02T09:00:00+00:00', '2026-11-02T09:00:00+00:00', 'portal' \
         from k"
    ))
    .await;
}

async fn a_long_export_arrives_whole_row_after_row(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    plant_cases(&app, 3000).await;

    let r = app.get("/cases/export.csv").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
    // Streamed: no length known in advance, the file goes out in pieces as it is written.
    assert!(r.headers().get("content-length").is_none(), "{:?}", r.headers());
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "one byte-order mark, at the start");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(!text.contains('\u{FEFF}'), "no byte-order mark between the pieces");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3001, "the header and every case");
    assert!(lines[0].starts_with("受理编号,事由,企业,类型"), "{}", lines[0]);
    // Newest first, each case whole; the last line is the first case planted.
    assert_eq!(lines[1], "EX-103000,\"Customs clearance, case 3000\",,海关,一般,否,已提交,,2026年11月2日 17:00,,");
    assert!(lines[5].starts_with("EX-102996,\"'=SUM(A1), case 2996\",,海关,"), "{}", lines[5]);
    assert_eq!(lines[3000], "EX-100001,\"Customs clearance, case 1\",,海关,一般,否,已提交,,2026年11月2日 17:00,,");
    let neutralised = lines.iter().filter(|l| l.contains("\"'=SUM(A1), case ")).count();
    assert_eq!(neutralised, 3000 / 7, "every formula neutralised");
}
both!(a_long_export_arrives_whole_row_after_row);

async fn one_export_at_a_time_on_every_server(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    plant_cases(&app, 20).await;
    let officer = app.signed_in("officer@liaison.test", "liaison_officer", "").await;

    // An export of the officer's is running on another app server (its lease is in the
    // database): a second one is refused with a page saying why, in the officer's language.
    app.execute(
        "insert into export_leases (user_id, token, expires_ms) \
         select id, 'running elsewhere', 32503680000000 from users where email = 'officer@liaison.test'",
    )
    .await;
    let r = officer.get("/cases/export.csv").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let page = r.text().await.unwrap();
    assert!(page.contains("An export of yours is still being prepared"), "{page}");
    assert!(page.contains("<html lang=\"en\""), "{page}");
    let r = officer.get("/enterprises/export.csv").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "every export, not only the cases'");
    // Nobody else is held up by it.
    let r = app.get("/cases/export.csv").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap().lines().count(), 21);

    // A lease whose server stopped mid-export lapses: the officer may export again.
    app.execute("update export_leases set expires_ms = 0").await;
    let r = officer.get("/cases/export.csv").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap().lines().count(), 21);
    // Once the file has arrived the lease has been given back: the next export starts at once.
    let leases = app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>("select count(*) from export_leases")
        .fetch_one(pool)
        .await)
    .unwrap();
    assert_eq!(leases, 0, "the finished export gave its lease back");
    let r = officer.get("/cases/export.csv").await;
    assert_eq!(r.status(), StatusCode::OK, "and the next export starts at once");
}
both!(one_export_at_a_time_on_every_server);
