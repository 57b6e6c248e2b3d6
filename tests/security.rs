//! Security: what an attacker with a staff account, or with none, tried and must never get.
//! Every page and file of the router, asked for by every role and by nobody, answers a refused
//! caller without a word of the records it guards; sign-in attempts sent at once are counted
//! before any is checked; nobody is sent off-site after signing in; every page carries a
//! policy that runs only this site's scripts; a stranger cannot lock an investor out of their
//! request, nor use the portal to mail a text of their choosing to anybody.

use crate::both;
use crate::cases::{case, move_case, officer_with_enterprise, open_case};
use crate::common::*;
use crate::portal::{look_up, request, submitted};
use reqwest::StatusCode;

/// Planted in every free-text field of the records below.
const MARKER: &str = "ZZLEAK7Q";
/// The delegation member's passport number: whole only for the delegation's officer.
const PASSPORT: &str = "E98765432";

/// The records another person owns, each field carrying the marker; their ids by kind.
struct Planted {
    enterprise: i64,
    case: i64,
    delegation: i64,
    city: i64,
    user: i64,
}

async fn plant(app: &TestApp, owner: &TestApp, enterprise: i64, protocol: &TestApp) -> Planted {
    let r = open_case(owner, enterprise, "VAT refund").await;
    assert_eq!(r.status(), StatusCode::OK);
    let case_id: i64 = r.json().await.unwrap();
    let sid = case_id.to_string();
    assert_eq!(
        owner.call("add_case_note", &[("id", &sid), ("note", &format!("note {MARKER}"))]).await.status(),
        StatusCode::OK
    );
    let customs =
        app::admin::db::departments::list(&app.db).await.unwrap().into_iter().find(|d| d.code == "customs").unwrap().id;
    let r = owner
        .call(
            "route_case",
            &[("id", &sid), ("department_ids[]", &customs.to_string()), ("instructions", &format!("instr {MARKER}"))],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    let form = [
        ("direction", "incoming"),
        ("title", "里尔市代表团"),
        ("organisation", "Métropole Européenne de Lille"),
        ("language", "fr"),
        ("starts_on", "2027-03-02"),
        ("ends_on", "2027-03-04"),
        ("purpose", "Lettre d’intention"),
        ("countries[]", "FR"),
    ];
    let r = protocol.call("create_delegation", &form).await;
    assert_eq!(r.status(), StatusCode::OK);
    let delegation: i64 = r.json().await.unwrap();
    let d = delegation.to_string();
    let member = [
        ("id", d.as_str()),
        ("passport_name", "DUBOIS Marie"),
        ("member_language", "fr"),
        ("passport_number", PASSPORT),
    ];
    assert_eq!(protocol.call("add_delegation_member", &member).await.status(), StatusCode::OK);
    let gift = [
        ("id", d.as_str()),
        ("gift_direction", "received"),
        ("given_on", "2027-03-02"),
        ("gift_description", "Porcelaine"),
        ("value_cny", "300"),
        ("giver", "Mme Aubry"),
        ("receiver", "张市长"),
        ("disposition", "上交"),
    ];
    assert_eq!(protocol.call("add_delegation_gift", &gift).await.status(), StatusCode::OK);
    let city = crate::friendship_cities::city_form("prospective", "2026-03-15", "");
    let r = protocol.call("register_partner_city", &city).await;
    assert_eq!(r.status(), StatusCode::OK);
    let city: i64 = r.json().await.unwrap();

    // The marker goes into every free-text field (after the forms' own checks).
    for sql in [
        format!("update enterprises set name_zh = name_zh || '{MARKER}', name_original = name_original || '{MARKER}'"),
        format!("update cases set title = title || '{MARKER}', description = description || '{MARKER}'"),
        format!(
            "update delegations set title = title || '{MARKER}', organisation = organisation || '{MARKER}', \
             purpose = purpose || '{MARKER}'"
        ),
        format!("update delegation_members set passport_name = passport_name || '{MARKER}'"),
        format!(
            "update delegation_gifts set description = description || '{MARKER}', giver = giver || '{MARKER}', \
             receiver = receiver || '{MARKER}'"
        ),
        format!(
            "update partner_cities set name_zh = name_zh || '{MARKER}', name_original = name_original || '{MARKER}'"
        ),
        format!("update users set display_name = display_name || '{MARKER}' where email = 'officer1@liaison.test'"),
    ] {
        app.execute(&sql).await;
    }
    let user = app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(
        "select id from users where email = 'officer1@liaison.test'"
    )
    .fetch_one(pool)
    .await)
    .unwrap();
    Planted { enterprise, case: case_id, delegation, city, user }
}

/// A path of the router with its parameter filled by the planted record of its kind. A new
/// kind of parameter fails here until the test plants a record for it.
fn fill(path: &str, p: &Planted) -> String {
    if !path.contains('{') {
        return path.to_string();
    }
    let id = if path.starts_with("/enterprises/") {
        p.enterprise
    } else if path.starts_with("/cases/") {
        p.case
    } else if path.starts_with("/delegations/") {
        p.delegation
    } else if path.starts_with("/cities/") {
        p.city
    } else if path.starts_with("/admin/users/") {
        p.user
    } else if path == "/feeds/{file}" {
        return format!("/feeds/{}.ics", "0".repeat(48));
    } else {
        panic!("no planted record for the route {path}: plant one");
    };
    let start = path.find('{').unwrap();
    let end = path.find('}').unwrap();
    format!("{}{id}{}", &path[..start], &path[end + 1..])
}

/// Everyone of the stories below, signed in at a browser of their own, and what they own.
struct Staff {
    owner: TestApp,
    other_officer: TestApp,
    protocol: TestApp,
    other_protocol: TestApp,
    leader: TestApp,
    customs: TestApp,
    tax: TestApp,
    planted: Planted,
}

async fn staff(app: &TestApp) -> Staff {
    app.login_as_admin().await;
    let (owner, enterprise) = officer_with_enterprise(app, 1).await;
    let (other_officer, _) = officer_with_enterprise(app, 2).await;
    let protocol = app.signed_in("protocol1@liaison.test", "protocol_officer", "").await;
    let other_protocol = app.signed_in("protocol2@liaison.test", "protocol_officer", "").await;
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    let tax = app.signed_in("tax@liaison.test", "department_liaison", "tax").await;
    let planted = plant(app, &owner, enterprise, &protocol).await;
    Staff { owner, other_officer, protocol, other_protocol, leader, customs, tax, planted }
}

async fn no_refused_caller_reads_a_word_of_what_a_route_guards(b: Backend) {
    let app = spawn_app(b).await;
    let Staff { owner, other_officer, protocol, other_protocol, leader, customs, tax, planted } = staff(&app).await;
    let nobody = app.another_browser();

    let callers = [
        ("nobody", &nobody),
        ("admin", &app),
        ("owner officer", &owner),
        ("other officer", &other_officer),
        ("delegation's officer", &protocol),
        ("other protocol officer", &other_protocol),
        ("leader", &leader),
        ("customs liaison", &customs),
        ("tax liaison", &tax),
    ];
    let paths = liaison_server::startup::get_paths();
    assert!(paths.iter().any(|p| p == "/cases/export.csv") && paths.iter().any(|p| p == "/cases/{id}"));
    let mut refused = 0;
    for path in &paths {
        let url = fill(path, &planted);
        for (who, caller) in &callers {
            let r = caller.get(&url).await;
            let status = r.status();
            let body = r.text().await.unwrap();
            assert!(status.as_u16() < 500, "{url} for {who}: {status}");
            let to_login = status.is_redirection() && body.is_empty();
            if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN || to_login {
                refused += 1;
                assert!(!body.contains(MARKER), "{url} refused to {who} ({status}) still holds the record: {body}");
            }
            if *who != "delegation's officer" {
                assert!(!body.contains(PASSPORT), "{url} shows the whole passport number to {who}");
            }
        }
    }
    assert!(refused > 100, "refusals were seen ({refused})");
    // The department liaison of the leak: refused, with a page saying so in their language.
    let r = customs.get("/cases/export.csv").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let body = r.text().await.unwrap();
    assert!(body.contains("Not permitted") && !body.contains("VAT refund"), "{body}");
}
both!(no_refused_caller_reads_a_word_of_what_a_route_guards);

async fn server_functions_with_a_rule_per_record_refuse_without_a_word_of_it(b: Backend) {
    let app = spawn_app(b).await;
    let Staff { owner, other_officer, protocol, other_protocol, customs, tax, planted, .. } = staff(&app).await;
    let c = planted.case.to_string();
    let e = planted.enterprise.to_string();
    let task = case(&owner, planted.case).await["tasks"][0]["id"].to_string();

    // (who, function, form): each refused by a rule about this record.
    #[allow(clippy::type_complexity)]
    let refused: Vec<(&TestApp, &str, Vec<(&str, &str)>)> = vec![
        (&other_officer, "add_case_note", vec![("id", &c), ("note", "x")]),
        (&other_officer, "add_public_update", vec![("id", &c), ("public_en", "x")]),
        (&other_officer, "reset_access_code", vec![("id", &c)]),
        (&other_officer, "change_case_status", vec![("id", &c), ("version", "1"), ("to_status", "accepted")]),
        (
            &other_officer,
            "record_contact",
            vec![("id", &e), ("kind", "call"), ("contacted_on", "2026-11-20"), ("notes", "Phoned.")],
        ),
        (&tax, "update_task", vec![("id", &task), ("version", "1"), ("status", "in_progress")]),
        (&tax, "case", vec![("id", &c)]),
        (&customs, "enterprise", vec![("id", &e)]),
    ];
    for (who, function, form) in &refused {
        let r = who.call(function, form).await;
        let status = r.status();
        let body = r.text().await.unwrap();
        assert!(status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND, "{function}: {status} {body}");
        assert!(!body.contains(MARKER), "{function} refused still answers with the record: {body}");
    }
    // Another protocol officer reads the delegation, its passport numbers masked.
    let d = planted.delegation.to_string();
    let r = other_protocol.call("delegation", &[("id", &d)]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let body = r.text().await.unwrap();
    assert!(!body.contains(PASSPORT) && body.contains("DUBOIS"), "{body}");
    let r = protocol.call("delegation", &[("id", &d)]).await;
    assert!(r.text().await.unwrap().contains(PASSPORT), "the delegation's officer reads it whole");
}
both!(server_functions_with_a_rule_per_record_refuse_without_a_word_of_it);

async fn files_taken_are_in_the_audit_log(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    for path in ["/cases/export.csv?status=submitted", "/enterprises/export.csv", "/cities/export.csv"] {
        let r = app.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        // The file is taken whole before the next (one export at a time).
        r.bytes().await.unwrap();
    }
    let logged: Vec<(String, String)> = app::on_db!(&app.db, |pool| sqlx::query_as::<_, (String, String)>(
        "select entity_type, cast(changes as text) from audit_log where action = 'file_downloaded' order by id"
    )
    .fetch_all(pool)
    .await)
    .unwrap();
    let files: Vec<&str> = logged.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["cases.csv", "enterprises.csv", "cities.csv"]);
    assert!(logged[0].1.contains("status=submitted"), "with its filters: {}", logged[0].1);
    // A refused export is not a download.
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    assert_eq!(leader.get("/admin/audit").await.status(), StatusCode::FORBIDDEN);
    let customs = app.signed_in("customs@liaison.test", "department_liaison", "customs").await;
    assert_eq!(customs.get("/cases/export.csv").await.status(), StatusCode::FORBIDDEN);
    let count = app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(
        "select count(*) from audit_log where action = 'file_downloaded'"
    )
    .fetch_one(pool)
    .await)
    .unwrap();
    assert_eq!(count, 3);
}
both!(files_taken_are_in_the_audit_log);

async fn wrong_passwords_sent_at_once_are_checked_no_more_than_the_limit(b: Backend) {
    let app =
        spawn_app_with(b, &[("LIAISON_LOGIN_MAX_FAILURES", "5"), ("LIAISON_LOGIN_MAX_FAILURES_PER_ADDRESS", "1000")])
            .await;
    let mut guesses = Vec::new();
    for i in 0..50 {
        let (client, url, origin) = (client(), app.url("/api/login"), app.address.clone());
        guesses.push(tokio::spawn(async move {
            let password = format!("guess number {i}");
            let form = [("email", ADMIN_EMAIL), ("password", password.as_str())];
            let r = client.post(url).header("origin", origin).header("accept", "application/json").form(&form);
            r.send().await.expect("sign-in").status()
        }));
    }
    let mut answers = Vec::new();
    for g in guesses {
        answers.push(g.await.unwrap());
    }
    let checked = answers.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    assert!(checked <= 5, "{checked} guesses were checked: {answers:?}");
    assert!(answers.iter().all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS));
    let logged_checks = app::on_db!(&app.db, |pool| {
        sqlx::query_scalar::<_, i64>(
        "select count(*) from audit_log where action = 'login_failed' and cast(changes as text) like '%wrong_password%'"
    )
    .fetch_one(pool)
    .await
    })
    .unwrap();
    assert!(logged_checks <= 5, "{logged_checks} passwords were checked");
    // Once the limit is reached the right password waits too (guesses refused as busy were
    // not checked and do not count).
    let expected = if checked == 5 { StatusCode::TOO_MANY_REQUESTS } else { StatusCode::OK };
    assert_eq!(app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.status(), expected, "after {checked} checks");
}
both!(wrong_passwords_sent_at_once_are_checked_no_more_than_the_limit);

/// Where a browser would go from `next` after signing in: `None` when it stays on this site.
fn leaves_the_site(next: &str) -> Option<String> {
    let base = reqwest::Url::parse("http://liaison.test/login").unwrap();
    let target = app::auth::safe_next(Some(next));
    match base.join(&target) {
        Ok(url) if url.host_str() == Some("liaison.test") && url.scheme() == "http" => None,
        Ok(url) => Some(url.to_string()),
        Err(_) => Some(format!("unparseable {target:?}")),
    }
}

async fn nobody_is_sent_off_site_after_signing_in(b: Backend) {
    // The review's two: a tab sent the browser to evil.example, a line break crashed the
    // redirect. Both now land on the overview.
    let app = spawn_app(b).await;
    for next in ["/\t/evil.example", "/\n", "/%0A"] {
        let r = app
            .submit("login", "/login", &[("email", ADMIN_EMAIL), ("password", ADMIN_PASSWORD), ("next", next)])
            .await;
        assert_eq!(r.status(), StatusCode::FOUND, "{next:?}");
        let to = location(&r);
        assert!(to == "/" || to == "/%0A", "{next:?} goes to {to:?}");
        app.logout().await;
    }
    // Fuzzed: pieces browsers read in surprising ways, put together at random.
    let pieces = [
        "/",
        "//",
        "\\",
        "\t",
        "\n",
        "\r",
        " ",
        "\u{3000}",
        "\u{0}",
        "%09",
        "%2F",
        "@",
        ":",
        "evil.example",
        "http:",
        "https:",
        "javascript:",
        ".",
        "..",
        "?",
        "#",
        "王",
        "/admin",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..20_000 {
        let mut next = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        for k in 0..(1 + seed % 6) {
            next.push_str(pieces[((seed >> (8 * k)) % pieces.len() as u64) as usize]);
        }
        assert_eq!(leaves_the_site(&next), None, "{next:?}");
    }
    assert_eq!(leaves_the_site("/cases?status=accepted"), None);
    assert_eq!(app::auth::safe_next(Some("/cases?status=accepted")), "/cases?status=accepted");
}
both!(nobody_is_sent_off_site_after_signing_in);

async fn every_page_runs_only_this_sites_scripts(b: Backend) {
    let app = spawn_app(b).await;
    let r = app.get("/login").await;
    let policy = r.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert_eq!(r.headers()["permissions-policy"].to_str().unwrap(), liaison_server::middleware::PERMISSIONS_POLICY);
    assert!(r.headers().get("strict-transport-security").is_none(), "not on plain http");
    let html = r.text().await.unwrap();
    let nonce = policy.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("a nonce").to_string();
    assert!(nonce.len() >= 16, "{nonce}");
    assert!(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), "{policy}");
    // Every script on the page carries the nonce; none without it.
    let scripts = html.matches("<script").count();
    assert!(scripts > 0);
    assert_eq!(
        html.matches(&format!("<script nonce=\"{nonce}\"")).count()
            + html.matches(&format!("<script type=\"module\" nonce=\"{nonce}\"")).count(),
        scripts,
        "{html}"
    );
    // Also where a page is rendered again by a form post (the portal's refused form).
    let r = app
        .client
        .post(app.url("/portal/request"))
        .header("origin", &app.address)
        .form(&[("request_type", "tax")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let policy = r.headers()["content-security-policy"].to_str().unwrap().to_string();
    let refused = r.text().await.unwrap();
    let n = policy.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("a nonce on a re-rendered page");
    assert!(refused.contains(&format!("nonce=\"{n}\"")), "its scripts carry it");
    // A new nonce for each response.
    let again = app.get("/login").await;
    assert!(!again.headers()["content-security-policy"].to_str().unwrap().contains(&nonce));
    // Files and pages without scripts allow none.
    let r = app.get("/portal/case").await;
    let policy = r.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("script-src 'self';") && !policy.contains("nonce"), "{policy}");
    // Behind https, browsers are told to keep to it.
    let https = spawn_app_with(b, &[("LIAISON_BASE_URL", "https://liaison.example.gov.cn")]).await;
    let r = https.get("/login").await;
    assert!(r.headers()["strict-transport-security"].to_str().unwrap().starts_with("max-age=31536000"));
}
both!(every_page_runs_only_this_sites_scripts);

async fn a_strangers_wrong_codes_do_not_lock_the_investor_out(b: Backend) {
    let app =
        spawn_app_with(b, &[("LIAISON_TRUSTED_PROXIES", "127.0.0.1"), ("LIAISON_PORTAL_MAX_CODE_FAILURES", "3")]).await;
    let investor = app.another_browser();
    let (_, reference, code) = submitted(&investor, "/portal/request", &request("Lille Optique SAS", &[])).await;
    let from = |who: &TestApp, address: &str, code: &str| {
        let (client, url, origin) = (who.client.clone(), who.url("/portal/status"), who.address.clone());
        let form = [("reference", reference.clone()), ("access_code", code.to_string())];
        let address = address.to_string();
        async move {
            client
                .post(url)
                .header("origin", origin)
                .header("x-forwarded-for", address)
                .form(&form)
                .send()
                .await
                .unwrap()
        }
    };
    let attacker = app.another_browser();
    // A well-formed code that is not the right one.
    let alphabet = app::domain::ACCESS_CODE_ALPHABET;
    let other = alphabet.iter().find(|c| **c != code.as_bytes()[0]).copied().unwrap() as char;
    let wrong_code = format!("{other}{}", &code[1..]);
    let wrong = wrong_code.as_str();
    for _ in 0..3 {
        assert_eq!(from(&attacker, "198.51.100.7", wrong).await.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(from(&attacker, "198.51.100.7", wrong).await.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(from(&attacker, "198.51.100.7", &code).await.status(), StatusCode::TOO_MANY_REQUESTS, "locked there");
    // The investor, elsewhere, still gets in with their code.
    assert_eq!(from(&investor, "203.0.113.20", &code).await.status(), StatusCode::SEE_OTHER);
    // An IPv6 visitor is one /64: changing the last bits does not start a new count.
    for _ in 0..3 {
        from(&attacker, "2001:db8:1:2::1", wrong).await;
    }
    assert_eq!(from(&attacker, "2001:db8:1:2::99", wrong).await.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(from(&attacker, "2001:db8:1:3::1", wrong).await.status(), StatusCode::UNAUTHORIZED);
    // Without a trusted proxy the header is the visitor's own words and changes nothing.
    let direct = spawn_app_with(b, &[("LIAISON_PORTAL_MAX_CODE_FAILURES", "3")]).await;
    let (_, reference, _) =
        submitted(&direct.another_browser(), "/portal/request", &request("Lille Optique SAS", &[])).await;
    for i in 0..4 {
        let r = direct
            .client
            .post(direct.url("/portal/status"))
            .header("origin", &direct.address)
            .header("x-forwarded-for", format!("198.51.100.{i}"))
            .form(&[("reference", reference.as_str()), ("access_code", wrong)])
            .send()
            .await
            .unwrap();
        let expected = if i < 3 { StatusCode::UNAUTHORIZED } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(r.status(), expected, "attempt {i}");
    }
}
both!(a_strangers_wrong_codes_do_not_lock_the_investor_out);

async fn the_portal_mails_no_stranger_a_text_of_the_visitors_choosing(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let spam = "Cheap watches at spam.example";
    let visitor = app.another_browser();
    let form =
        request("Lille Optique SAS", &[("contact_name", spam), ("email", "victim@example.org"), ("language", "en")]);
    let (id, reference, code) = submitted(&visitor, "/portal/request", &form).await;
    let mails = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            app::on_db!(&db, |pool| sqlx::query_scalar::<_, String>(
                "select subject || body_text || body_html from outbox where recipient = 'victim@example.org' order by id"
            )
            .fetch_all(pool)
            .await)
            .unwrap()
        }
    };
    // The request's title in the visitor's words too.
    app.execute(&format!("update cases set title = '{spam}' where id = {id}")).await;
    let v = case(&app, id).await["version"].as_i64().unwrap();
    assert_eq!(move_case(&app, id, v, "accepted", "").await.status(), StatusCode::OK);
    let before = mails(&app).await;
    assert!(before.len() >= 2, "the confirmation and the status change: {before:?}");
    for m in &before {
        assert!(m.contains(&reference), "the reference is there");
        assert!(!m.contains("Cheap watches"), "no word of the visitor's reaches an unproven address: {m}");
    }
    // The access code typed back proves the address: from now on the messages are whole.
    assert_eq!(look_up(&visitor, &reference, &code).await.status(), StatusCode::SEE_OTHER);
    let v = case(&app, id).await["version"].as_i64().unwrap();
    assert_eq!(move_case(&app, id, v, "in_progress", "").await.status(), StatusCode::OK);
    let after = mails(&app).await;
    assert!(after.last().unwrap().contains(spam), "{:?}", after.last());
}
both!(the_portal_mails_no_stranger_a_text_of_the_visitors_choosing);

/// The secret a page shows as its key (groups of four), read back as the app would.
fn key_on(page: &str) -> Vec<u8> {
    let at = page.find("id=\"totp-key\"").unwrap_or_else(|| panic!("the key is shown: {page}"));
    let start = at + page[at..].find('>').unwrap() + 1;
    let key: String = page[start..].split('<').next().unwrap().chars().filter(|c| !c.is_whitespace()).collect();
    app::auth::totp::from_base32(&key).expect("base32")
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

async fn a_password_an_admin_set_is_changed_at_the_first_sign_in(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    assert_eq!(app.create_user("li.na@liaison.test", "leader", "", "set by the admin").await.status(), StatusCode::OK);
    let li = app.another_browser();
    assert_eq!(li.login("li.na@liaison.test", "set by the admin").await.status(), StatusCode::OK);
    // Nothing opens until the step is done: pages lead to it, server functions see nobody.
    let r = li.get("/cases").await;
    assert_eq!(location(&r), "/login/step?next=/cases");
    assert_eq!(li.call("cases", &[]).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(li.get("/cases/export.csv").await.status(), StatusCode::SEE_OTHER);
    let (status, page) = li.page("/login/step?next=/cases").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Choose your own password"), "{page}");
    // The admin's password again, a common one, a mismatch: each refused with its reason.
    for (new, confirm, expected) in [
        ("set by the admin", "set by the admin", "Choose a password other than the one the administrator set."),
        ("password123", "password123", "This password is among the most used ones"),
        ("my own good password", "another one", "do not match"),
    ] {
        let r = li.answer_step(&[("new_password", new), ("confirm_password", confirm), ("next", "/cases")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{new}");
        let body = r.text().await.unwrap();
        assert!(body.contains(expected) || body.contains("match"), "{new}: {body}");
    }
    let own =
        [("new_password", "my own good password"), ("confirm_password", "my own good password"), ("next", "/cases")];
    let r = li.answer_step(&own).await;
    assert_eq!((r.status(), location(&r)), (StatusCode::SEE_OTHER, "/cases".to_string()));
    assert_eq!(li.get("/cases").await.status(), StatusCode::OK);
    // A reset by the admin asks again; the password the admin chose at the first start does not.
    let again = app.another_browser();
    again.login("li.na@liaison.test", "my own good password").await;
    assert_eq!(again.get("/").await.status(), StatusCode::OK, "signed in, nothing more asked");
    let admin_again = app.another_browser();
    admin_again.login_as_admin().await;
    assert_eq!(admin_again.get("/").await.status(), StatusCode::OK);
}
both!(a_password_an_admin_set_is_changed_at_the_first_sign_in);

async fn one_time_codes_guard_a_sign_in_once_set_up(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let li = app.signed_in("li.na@liaison.test", "protocol_officer", "").await;
    // Li Na sets codes up from her account: the key, then the app's first code.
    let (status, page) = li.page("/account/two-step").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<svg"), "a QR code");
    let secret = key_on(&page);
    assert_eq!(key_on(&li.page("/account/two-step").await.1), secret, "the same key on a reload");
    let post = |who: &TestApp, path: &str, form: Vec<(&'static str, String)>| {
        let (client, url, origin) = (who.client.clone(), who.url(path), who.address.clone());
        async move { client.post(url).header("origin", origin).form(&form).send().await.unwrap() }
    };
    let r = post(&li, "/account/two-step", vec![("code", "000000".into())]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let first = app::auth::totp::code_at(&secret, now());
    let r = post(&li, "/account/two-step", vec![("code", first.clone())]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    let start = page.find("id=\"recovery-codes\"").expect("recovery codes shown once");
    let recovery: Vec<String> =
        page[start..].split("<li>").skip(1).map(|li| li.split('<').next().unwrap().to_string()).collect();
    assert_eq!(recovery.len(), 10);

    // Now a sign-in asks for a code; the one just used does not work twice.
    let phone = app.another_browser();
    assert_eq!(phone.login("li.na@liaison.test", OWN_PASSWORD).await.status(), StatusCode::OK);
    assert_eq!(location(&phone.get("/delegations").await), "/login/step?next=/delegations");
    let code = |c: &str| vec![("code", c.to_string()), ("next", "/delegations".to_string())];
    let r = post(&phone, "/login/step", code(&first)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "a code works once");
    assert!(r.text().await.unwrap().contains("has been used already"));
    // A recovery code works once too.
    let r = post(&phone, "/login/step", code(&recovery[0].to_uppercase())).await;
    assert_eq!((r.status(), location(&r)), (StatusCode::SEE_OTHER, "/delegations".to_string()));
    assert_eq!(phone.get("/delegations").await.status(), StatusCode::OK);
    let laptop = app.another_browser();
    laptop.login("li.na@liaison.test", OWN_PASSWORD).await;
    assert_eq!(post(&laptop, "/login/step", code(&recovery[0])).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Wrong codes are counted like wrong passwords.
    for _ in 0..5 {
        post(&laptop, "/login/step", code("123456")).await;
    }
    let r = post(&laptop, "/login/step", code(&recovery[1])).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let refused = app::on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(
        "select count(*) from audit_log where action = 'one_time_code_refused'"
    )
    .fetch_one(pool)
    .await)
    .unwrap();
    assert!(refused >= 6, "{refused}");
}
both!(one_time_codes_guard_a_sign_in_once_set_up);

async fn a_role_that_requires_codes_sets_them_up_at_the_next_sign_in(b: Backend) {
    // LIAISON_REQUIRE_MFA at installation; the administrators' page changes it later.
    let app = spawn_app_with(b, &[("LIAISON_REQUIRE_MFA", "admin")]).await;
    app.login_as_admin().await;
    let r = app.get("/").await;
    assert_eq!(location(&r), "/login/step?next=/", "the administrator must set codes up first");
    let (_, page) = app.page("/login/step?next=/").await;
    assert!(page.contains("您的角色要求每次登录时输入身份验证器应用生成的验证码"), "{page}");
    let secret = key_on(&page);
    let r = app.answer_step(&[("code", &app::auth::totp::code_at(&secret, now())), ("next", "/")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("id=\"recovery-codes\""));
    // (The administrator reads Chinese.)
    assert_eq!(app.get("/").await.status(), StatusCode::OK, "signed in");
    // The setting: leaders too. A leader without codes is asked at their next sign-in.
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    assert_eq!(leader.get("/").await.status(), StatusCode::OK, "before the setting");
    let form = [("roles", "admin"), ("roles", "leader")];
    let r =
        app.client.post(app.url("/admin/two-step")).header("origin", &app.address).form(&form).send().await.unwrap();
    assert_eq!((r.status(), location(&r)), (StatusCode::SEE_OTHER, "/admin/two-step?saved=1".to_string()));
    let (_, settings) = app.page("/admin/two-step").await;
    assert!(settings.contains("value=\"leader\" checked"), "{settings}");
    let again = app.another_browser();
    again.login("leader@liaison.test", OWN_PASSWORD).await;
    assert_eq!(location(&again.get("/").await), "/login/step?next=/");
    // The setting is the administrators' alone.
    let r = leader
        .client
        .post(leader.url("/admin/two-step"))
        .header("origin", &leader.address)
        .form(&[("roles", "admin")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app::auth::db::required_roles(&app.db).await.unwrap(), ["admin", "leader"]);
}
both!(a_role_that_requires_codes_sets_them_up_at_the_next_sign_in);

async fn administrators_are_warned_while_one_signs_in_with_a_password_alone(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let warning: Option<i64> = app.call("admins_without_codes", &[]).await.json().await.unwrap();
    assert_eq!(warning, Some(1));
    let leader = app.signed_in("leader@liaison.test", "leader", "").await;
    let none: Option<i64> = leader.call("admins_without_codes", &[]).await.json().await.unwrap();
    assert_eq!(none, None, "only administrators are told");
}
both!(administrators_are_warned_while_one_signs_in_with_a_password_alone);

async fn a_generated_first_password_is_written_for_the_owner_alone(b: Backend) {
    let dir = std::env::temp_dir().join(format!("liaison-secret-{}", uuid::Uuid::new_v4().simple()));
    let file = dir.join("first-admin-password");
    let path = file.display().to_string();
    let app = spawn_app_with(b, &[("LIAISON_ADMIN_PASSWORD", ""), ("LIAISON_FIRST_PASSWORD_FILE", &path)]).await;
    let password = std::fs::read_to_string(&file).expect("the password file").trim().to_string();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "readable by the owner only");
    }
    assert_eq!(password.len(), 16);
    // It signs in, and asks for a password of the administrator's own.
    assert_eq!(app.login(ADMIN_EMAIL, &password).await.status(), StatusCode::OK);
    assert_eq!(location(&app.get("/").await), "/login/step?next=/");
    let _ = std::fs::remove_dir_all(dir);
}
both!(a_generated_first_password_is_written_for_the_owner_alone);

async fn signing_in_again_ends_the_browsers_previous_session(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    let sessions = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            app::on_db!(&db, |pool| sqlx::query_scalar::<_, i64>("select count(*) from sessions").fetch_one(pool).await)
                .unwrap()
        }
    };
    assert_eq!(sessions(&app).await, 1);
    app.login_as_admin().await;
    assert_eq!(sessions(&app).await, 1, "the earlier session ended");
    assert_eq!(app.get("/admin/users").await.status(), StatusCode::OK, "the new one works");
}
both!(signing_in_again_ends_the_browsers_previous_session);

async fn leaving_the_portal_ends_its_session_on_the_server(b: Backend) {
    let app = spawn_app(b).await;
    let investor = app.another_browser();
    let (_, reference, code) = submitted(&investor, "/portal/request", &request("Lille Optique SAS", &[])).await;
    let r = look_up(&investor, &reference, &code).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // The session's cookie, as someone who copied it from this browser would keep it.
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("liaison_portal="))
        .and_then(|v| v.split(';').next())
        .expect("the portal session cookie")
        .to_string();
    let copied = |cookie: String| {
        let url = app.url("/portal/case");
        async move { client().get(url).header("cookie", cookie).send().await.unwrap().text().await.unwrap() }
    };
    assert!(copied(cookie.clone()).await.contains("id=\"case-status\""), "the copy opens the case");
    let r =
        investor.client.post(investor.url("/portal/leave")).header("origin", &investor.address).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(!copied(cookie.clone()).await.contains("id=\"case-status\""), "after leaving, the copy opens nothing");
    // A new sign-in works again; a forged cookie opens nothing.
    assert_eq!(look_up(&investor, &reference, &code).await.status(), StatusCode::SEE_OTHER);
    assert!(investor.page("/portal/case").await.1.contains("id=\"case-status\""));
    let forged = cookie.replacen("liaison_portal=1.", "liaison_portal=2.", 1);
    assert!(!copied(forged).await.contains("id=\"case-status\""));
}
both!(leaving_the_portal_ends_its_session_on_the_server);

async fn a_huge_page_number_or_a_wildcard_is_a_clear_answer_not_a_failure(b: Backend) {
    let app = spawn_app(b).await;
    app.login_as_admin().await;
    for (function, form) in [
        ("audit", vec![("filter[page]", "9223372036854775807")]),
        ("cases", vec![("filter[page]", "9223372036854775807")]),
        ("enterprises", vec![("filter[page]", "-1")]),
        ("outbox", vec![("page", "99999999999")]),
    ] {
        let (status, e) = app_error(app.call(function, &form).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{function}");
        assert_eq!(e, app::error::AppError::field("page", app::error::FieldCode::PageOutOfRange));
    }
    // The pages themselves answer too (no 500).
    for path in ["/admin/audit?page=9223372036854775807", "/cases?page=9223372036854775807"] {
        assert!(app.get(path).await.status().as_u16() < 500, "{path}");
    }
    // `%` and `_` in the audit log's name filter are letters, not wildcards.
    let everyone: serde_json::Value = app.call("audit", &[("filter[actor]", "admin")]).await.json().await.unwrap();
    assert!(!everyone["entries"].as_array().unwrap().is_empty());
    let wildcard: serde_json::Value = app.call("audit", &[("filter[actor]", "%")]).await.json().await.unwrap();
    assert!(wildcard["entries"].as_array().unwrap().is_empty(), "{wildcard}");
    let one: serde_json::Value = app.call("audit", &[("filter[actor]", "_dmin")]).await.json().await.unwrap();
    assert!(one["entries"].as_array().unwrap().is_empty(), "{one}");
}
both!(a_huge_page_number_or_a_wildcard_is_a_clear_answer_not_a_failure);
