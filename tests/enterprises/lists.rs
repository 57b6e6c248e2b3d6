//! Finding enterprises: the list's CSV export, the name search and its index, and lists read
//! under load and on the request's own thread.

use super::{enterprise_form, list, names, register, staff, VALID_CODE};
use crate::both;
use crate::common::*;
use futures_util::future::join_all;
use reqwest::StatusCode;

async fn the_list_exports_to_csv_with_the_filters_and_localized_headers(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    register(&officer, "光华复合材料有限公司", VALID_CODE, "FR").await;
    register(&officer, "=HYPERLINK(\"http://evil\")", "", "IT").await;
    register(&officer, "帕多瓦机械有限公司", "", "IT").await;

    let r = officer.get_with("/enterprises/export.csv?country=FR", &[("accept-language", "fr")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "a byte-order mark for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // The officer's own language (English, set by the admin) wins over Accept-Language.
    assert!(lines[0]
        .starts_with("Name in Chinese,Name in the original language,Unified social credit code,Country of origin"));
    assert_eq!(lines.len(), 2, "only the French enterprise: {text}");
    assert!(lines[1].starts_with("光华复合材料有限公司,Lumière Composites SAS,91350100M000100Y43,France"));

    let all = officer.get("/enterprises/export.csv").await.text().await.unwrap();
    assert_eq!(all.lines().count(), 4);
    assert!(all.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "formula neutralised: {all}");

    // In Chinese for a Chinese-speaking reader; refused to a department liaison.
    let (_, zh) = app.page("/enterprises/export.csv?country=IT").await;
    assert!(
        zh.trim_start_matches('\u{FEFF}').starts_with("中文名称,原文名称,统一社会信用代码,来源国家（地区）"),
        "{zh}"
    );
    assert!(zh.contains("意大利"));
    let department = staff(&app, "department_liaison", 1).await;
    assert_eq!(department.get("/enterprises/export.csv").await.status(), StatusCode::FORBIDDEN);
}
both!(the_list_exports_to_csv_with_the_filters_and_localized_headers);

async fn the_list_shows_each_enterprise_as_its_text_with_its_badges(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let id = register(&officer, "<img src=x onerror=alert(1)> & \"光华\"", "", "FR").await;
    let html = officer.get("/enterprises").await.text().await.unwrap();
    let row = html
        .split(&format!("<a href=\"/enterprises/{id}\">"))
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap_or_else(|| panic!("a row linking to the enterprise: {html}"));
    // The name is text, never markup, wherever it is written on the page.
    assert!(row.starts_with("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;光华&quot;</a>"), "{row}");
    assert!(!html.contains("<img src=x"), "{html}");
    // A key enterprise with its officer (the one who registered it), never visited yet: in
    // the officer's language.
    let cells: Vec<String> = row.split("<td>").map(|cell| cell.replace("</td>", "").replace("<br/>", " | ")).collect();
    assert!(cells[0].contains("<span class=\"badge badge-key\">Key</span>"), "{row}");
    assert!(cells[0].contains("<span class=\"muted small\">Lumière Composites SAS</span>"), "{row}");
    assert_eq!(cells[1..], ["France", "Advanced materials", "Established", "Test Person", "never"], "{row}");
}
both!(the_list_shows_each_enterprise_as_its_text_with_its_badges);

async fn the_name_search_finds_any_part_of_either_name_in_any_case(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    register(&officer, "里尔光华复合材料有限公司", "", "FR").await;
    register(&officer, "帕多瓦光明机械有限公司", "", "IT").await;
    let found = |q: &'static str| {
        let officer = &officer;
        async move { names(&list(officer, &[("q", q)]).await) }
    };
    assert_eq!(found("光华").await, vec!["里尔光华复合材料有限公司"]);
    assert_eq!(found("光").await.len(), 2, "one character: every name holding it");
    // Both were registered with the original name "Lumière Composites SAS".
    assert_eq!(found("LUMIÈRE comp").await.len(), 2, "any case, across words");
    assert_eq!(found("material").await, Vec::<String>::new(), "parts of words in order only");
    assert_eq!(found("100%_").await, Vec::<String>::new());
    // Wildcard characters are searched for as themselves.
    register(&officer, "ACME_CN精密有限公司", "", "SG").await;
    assert_eq!(found("acme_cn").await, vec!["ACME_CN精密有限公司"]);
    assert_eq!(found("acme%cn").await, Vec::<String>::new());
    assert_eq!(found("acmexcn").await, Vec::<String>::new());

    // Enterprises registered before the search index existed are indexed when the server starts.
    app.execute("delete from enterprise_search_terms").await;
    app.execute("update enterprises set search_name = null").await;
    assert!(found("光华").await.is_empty());
    app.db.migrate().await.expect("migrations and the index back-fill");
    assert_eq!(found("光华").await, vec!["里尔光华复合材料有限公司"]);
}
both!(the_name_search_finds_any_part_of_either_name_in_any_case);

async fn search_results_come_in_name_order_and_follow_a_rename(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let b_id = register(&officer, "B帕多瓦精密有限公司", "", "IT").await;
    register(&officer, "A帕多瓦精密有限公司", "", "IT").await;
    register(&officer, "C精密有限公司", "", "FR").await;
    register(&officer, "D帕多瓦机械有限公司", "", "IT").await;
    let found = |q: &'static str, country: &'static str| {
        let officer = &officer;
        async move {
            let mut filter = vec![("q", q)];
            if !country.is_empty() {
                filter.push(("country", country));
            }
            names(&list(officer, &filter).await)
        }
    };
    // (Names that sort alike in every collation.)
    assert_eq!(found("精密", "").await, vec!["A帕多瓦精密有限公司", "B帕多瓦精密有限公司", "C精密有限公司"]);
    assert_eq!(found("帕多瓦精密", "").await, vec!["A帕多瓦精密有限公司", "B帕多瓦精密有限公司"]);
    assert_eq!(found("精密", "FR").await, vec!["C精密有限公司"]);

    // Renamed, it moves to its new place in the results, and its old name finds nothing.
    let mut form = enterprise_form("E精密有限公司", "", "IT");
    let id = b_id.to_string();
    form.push(("id", &id));
    form.push(("version", "1"));
    assert_eq!(officer.call::<app::enterprises::api::UpdateEnterprise>(&form).await.status(), StatusCode::OK);
    assert_eq!(found("精密", "").await, vec!["A帕多瓦精密有限公司", "C精密有限公司", "E精密有限公司"]);
    assert_eq!(found("b帕多瓦", "").await, Vec::<String>::new());
}
both!(search_results_come_in_name_order_and_follow_a_rename);

async fn a_search_counts_its_index_entries_no_further_than_it_needs(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    // 300 precision firms of Padua (written straight into the register, indexed when the server
    // starts, as an import would be) and three machine makers among them.
    let first = register(&officer, "帕多瓦精密0号", "", "IT").await;
    app.execute(&format!(
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 299) \
         insert into enterprises (name_zh, name_original, country, created_at, updated_at) \
         select '帕多瓦精密' || n.i || '号', e.name_original, e.country, e.created_at, e.updated_at \
         from n, enterprises e where e.id = {first}"
    ))
    .await;
    app.execute(
        "update enterprises set name_zh = name_zh || '机械', search_name = null where name_zh like '%精密1_号'",
    )
    .await;
    app.db.migrate().await.expect("the new names are indexed");
    let counts = |terms: &[&str]| {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let db = &app.db;
        async move { app::enterprises::db::term_counts(db, &terms).await.expect("counted") }
    };

    // With a rare entry among them, the common ones are counted only far enough to know that
    // they are not the rarest.
    assert_eq!(counts(&["精密", "帕多", "机械"]).await, vec![256, 256, 10]);
    // With none rare, each is counted on (up to a thousand and one).
    assert_eq!(counts(&["精密", "帕多"]).await, vec![300, 300]);
    assert_eq!(counts(&["精密"]).await, vec![300]);
    assert_eq!(counts(&["精密", "不在"]).await, vec![256, 0]);

    // Whichever entry is read, the search finds the same enterprises.
    let total = |q: &'static str| {
        let officer = &officer;
        async move { list(officer, &[("q", q)]).await["total"].as_i64().expect("a total") }
    };
    assert_eq!(total("帕多瓦精密").await, 300);
    assert_eq!(total("精密1").await, 111, "1, 10 to 19, 100 to 199");
    assert_eq!(total("精密1_号机械").await, 0, "the wildcard is a character like any other");
    assert_eq!(total("号机械").await, 10);
    assert_eq!(total("精密机械").await, 0, "in order, side by side only");
}
both!(a_search_counts_its_index_entries_no_further_than_it_needs);

/// An office running several servers on one database may give each server a single database
/// connection: registrations and searches arriving together are all answered, and saved.
async fn a_server_with_one_database_connection_answers_many_people_at_once(b: Backend) {
    let app = spawn_app_with(b, &[("LIAISON_DB_CONNECTIONS", "1")]).await;
    assert_eq!(app.db.connections(), 1);
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let registered: Vec<String> = (1..=6).map(|i| format!("{i}号精密有限公司")).collect();
    let registrations = join_all(registered.iter().map(|name| register(&officer, name, "", "IT")));
    let searches = join_all((0..12).map(|_| list(&officer, &[("q", "精密")])));
    let (ids, pages) = tokio::join!(registrations, searches);
    assert_eq!(ids.len(), 6);
    assert!(pages.iter().all(|p| p["items"].is_array()));
    assert_eq!(names(&list(&officer, &[("q", "精密")]).await), registered);
}
both!(a_server_with_one_database_connection_answers_many_people_at_once);

/// On SQLite the session, the two lists and the status page are read on the request's own
/// thread (rusqlite, `SqliteDb::read_here`): filter by filter, the lists hold what sqlx's pool
/// reads. A read that runs past its budget there is interrupted and read through the pool.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_read_on_the_requests_thread_hold_what_the_pool_reads() {
    use app::cases::db::RiskWindow;
    use app::cases::CaseFilter;
    use app::db::{sqlite::SqliteDb, Db};
    use app::enterprises::EnterpriseFilter;
    let app = spawn_app(Backend::Sqlite).await;
    app.login_as_admin().await;
    let officer = staff(&app, "liaison_officer", 1).await;
    let mut ids = Vec::new();
    for (name, country) in
        [("帕多瓦精密机械", "IT"), ("里尔精密部件", "FR"), ("撒马尔罕贸易", "UZ"), ("里尔食品", "FR")]
    {
        ids.push(register(&officer, name, "", country).await);
    }
    let long_ago = (chrono::Utc::now().date_naive() - chrono::Duration::days(120)).to_string();
    let (id, notes) = (ids[1].to_string(), "年度走访");
    let visit = [("id", id.as_str()), ("kind", "visit"), ("contacted_on", &long_ago), ("notes", notes)];
    assert_eq!(officer.call::<app::enterprises::api::RecordContact>(&visit).await.status(), StatusCode::OK);
    for (i, id) in ids.iter().enumerate() {
        for n in 0..=i {
            let r = crate::cases::open_case(&officer, *id, &format!("报关 {n}")).await;
            assert_eq!(r.status(), StatusCode::OK);
        }
    }

    let Db::Sqlite(lite) = &app.db else { panic!("an SQLite server") };
    let pooled = Db::Sqlite(SqliteDb::new(lite.pool().clone()));
    let cutoff = app::enterprises::service::cutoff();
    let text = |q: &str| Some(q.to_string());
    let filters = [
        EnterpriseFilter::default(),
        EnterpriseFilter { q: text("精密"), ..Default::default() },
        EnterpriseFilter { q: text("里尔精密"), ..Default::default() },
        EnterpriseFilter { q: text("精"), ..Default::default() },
        EnterpriseFilter { q: text("精密"), country: text("FR"), ..Default::default() },
        EnterpriseFilter { overdue: true, sort: text("last_contact"), ..Default::default() },
        EnterpriseFilter { page: 1, ..Default::default() },
    ];
    for f in &filters {
        let here = app::enterprises::db::search(&app.db, f, 1, cutoff, 2).await.unwrap();
        let pool = app::enterprises::db::search(&pooled, f, 1, cutoff, 2).await.unwrap();
        assert_eq!(here, pool, "{f:?}");
    }
    let all = app::enterprises::db::search(&app.db, &filters[0], 1, cutoff, 50).await.unwrap();
    assert_eq!(all.1, 4);
    assert!(all.0.iter().any(|e| e.last_contact_on.is_some()), "a date was read");

    let today = chrono::Utc::now().date_naive();
    let w = RiskWindow { today, at_risk_until: today + chrono::Duration::days(30) };
    let filters = [
        CaseFilter::default(),
        CaseFilter { status: text("submitted"), case_type: text("customs"), ..Default::default() },
        CaseFilter { q: text("帕多瓦"), ..Default::default() },
        CaseFilter { due: text("at_risk"), ..Default::default() },
        CaseFilter { enterprise_id: Some(ids[3]), page: 1, ..Default::default() },
    ];
    for f in &filters {
        let here = app::cases::db::search(&app.db, f, 1, w, 3).await.unwrap();
        let pool = app::cases::db::search(&pooled, f, 1, w, 3).await.unwrap();
        assert_eq!(here, pool, "{f:?}");
    }
    let (cases, total) = app::cases::db::search(&app.db, &filters[0], 1, w, 3).await.unwrap();
    assert_eq!((cases.len(), total), (3, 10));
    // The deadlines page's one statement, read here and through the pool alike.
    let here = app::cases::db::deadlines(&app.db, 1, w, 3, true).await.unwrap();
    assert_eq!(here, app::cases::db::deadlines(&pooled, 1, w, 3, true).await.unwrap());
    assert_eq!((here.at_risk.0.len(), here.led.as_ref().map(Vec::len)), (3, Some(0)));
    assert!(cases.iter().all(|c| c.due_on.is_some()), "the deadlines were read");

    // A statement that would run long is interrupted on the request's thread, and read through
    // the pool instead; a quick one is read here.
    let long = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 100000000) \
                select count(*) from n";
    assert!(lite.read_here(long, |s| s.query_row([], |r| r.get::<_, i64>(0))).is_none());
    let quick = lite.read_here("select count(*) from enterprises", |s| s.query_row([], |r| r.get::<_, i64>(0)));
    assert_eq!(quick.map(Result::unwrap), Some(4));

    // A `like ?` is planned without its pattern, so a statement keeps its plan from one
    // pattern to the next (SQLite would otherwise prepare it again at each run).
    let like = "select count(*) from enterprises where search_name like ?1";
    for (pattern, found) in [("%精密%", 2), ("%里尔%", 2), ("%撒马尔罕%", 1)] {
        let read = lite.read_here(like, |s| {
            let n = s.query_row([pattern], |r| r.get::<_, i64>(0))?;
            Ok((n, s.get_status(rusqlite::StatementStatus::RePrepare)))
        });
        assert_eq!(read.map(Result::unwrap), Some((found, 0)), "{pattern}: found, prepared again");
    }
}
