//! The pages to measure: every page the administrator's navigation reaches, found by
//! following the links (with a record planted in the lists the generator leaves empty).

use crate::Error;

/// A delegation and a partner city, if there are none yet, planted as the administrator's
/// browser would (the generator writes only enterprises and cases).
pub async fn plant_records(client: &reqwest::Client, base: &str) -> Result<(), Error> {
    let call = |function: &str, form: Vec<(&str, &str)>| {
        client
            .post(format!("{base}/api/{function}"))
            .header("origin", base)
            .header("accept", "application/json")
            .form(&form)
            .send()
    };
    if first_record(client, base, "/delegations").await?.is_none() {
        let form = vec![
            ("direction", "incoming"),
            ("title", "帕多瓦经贸代表团"),
            ("organisation", "Comune di Padova"),
            ("countries[]", "IT"),
            ("language", "en"),
            ("starts_on", "2027-04-01"),
            ("ends_on", "2027-04-03"),
        ];
        check(call("create_delegation", form).await?, "create_delegation").await?;
    }
    if first_record(client, base, "/cities").await?.is_none() {
        let form = vec![
            ("name_zh", "帕多瓦"),
            ("name_original", "Padova"),
            ("name_en", "Padua"),
            ("name_fr", "Padoue"),
            ("country", "IT"),
            ("latitude", "45.4064"),
            ("longitude", "11.8768"),
            ("kind", "prospective"),
            ("first_contact_on", "2025-10-01"),
            ("letter_of_intent_on", "2026-03-15"),
            ("areas[]", "trade"),
        ];
        check(call("register_partner_city", form).await?, "register_partner_city").await?;
    }
    Ok(())
}

async fn check(r: reqwest::Response, what: &str) -> Result<(), Error> {
    if r.status().is_success() {
        Ok(())
    } else {
        Err(format!("{what} answered {}: {}", r.status(), r.text().await?).into())
    }
}

/// The `href`s of local pages in `html` (not files, not the server functions).
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|h| h.replace("&amp;", "&").split('#').next().unwrap_or_default().to_string())
        .filter(|h| h.starts_with('/') && !h.starts_with("//") && !h.starts_with("/pkg/") && !h.starts_with("/api/"))
        .filter(|h| !h.split('?').next().unwrap_or_default().contains('.'))
        .collect()
}

/// The part of `html` inside its first `<tag`…`</tag>`.
fn inside<'a>(html: &'a str, tag: &str) -> &'a str {
    let start = html.find(&format!("<{tag}")).unwrap_or(0);
    let end = html[start..].find(&format!("</{tag}>")).map(|e| start + e).unwrap_or(html.len());
    &html[start..end]
}

async fn first_record(client: &reqwest::Client, base: &str, list: &str) -> Result<Option<String>, Error> {
    let html = client.get(format!("{base}{list}")).send().await?.text().await?;
    Ok(links(inside(&html, "main")).into_iter().find(|h| is_record_of(h, list)))
}

/// Is `path` a record of the list at `list` (its path followed by an id)?
fn is_record_of(path: &str, list: &str) -> bool {
    let list = list.split('?').next().unwrap_or_default();
    path.strip_prefix(list)
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// The pages the administrator's navigation and home page reach (with the pages an area's
/// own navigation names, such as the promotion area's lists beside its policies), each list's
/// first record, and each list's own pages that are not records (calendar, statistics…), as
/// the browser walk finds them (end2end/tests/walk.spec.ts).
pub async fn reachable(client: &reqwest::Client, base: &str) -> Result<Vec<String>, Error> {
    let home = client.get(format!("{base}/")).send().await?.text().await?;
    let mut pages: std::collections::BTreeSet<String> = ["/".to_string(), "/account".to_string()].into();
    pages.extend(links(inside(&home, "nav")));
    pages.extend(links(inside(&home, "main")).into_iter().filter(|h| !h.contains('?')));
    let mut lists: Vec<String> = pages.iter().rev().cloned().collect();
    while let Some(list) = lists.pop() {
        if list == "/" {
            continue;
        }
        let html = client.get(format!("{base}{list}")).send().await?.text().await?;
        let main = inside(&html, "main");
        // An area's own navigation: each of its pages is a list of its own.
        let area = main
            .find("class=\"subnav\"")
            .and_then(|at| main[..at].rfind("<nav"))
            .map(|at| inside(&main[at..], "nav"))
            .unwrap_or_default();
        for h in links(area) {
            let path = h.split('?').next().unwrap_or_default().to_string();
            if pages.insert(path.clone()) {
                lists.push(path);
            }
        }
        let found = links(main);
        let bare = list.split('?').next().unwrap_or_default().to_string();
        if let Some(record) = found.iter().find(|h| is_record_of(h, &bare)) {
            pages.insert(record.clone());
        }
        for h in &found {
            let path = h.split('?').next().unwrap_or_default();
            let own = path.strip_prefix(&format!("{bare}/")).is_some_and(|rest| {
                !rest.is_empty() && !rest.split('/').any(|part| part.bytes().all(|b| b.is_ascii_digit()))
            });
            if own && !path.ends_with("/new") {
                pages.insert(path.to_string());
            }
        }
    }
    Ok(pages.into_iter().collect())
}

/// A path with its record ids as `{id}`, to name it in the report.
pub fn template(path: &str) -> String {
    let path = path.split('?').next().unwrap_or_default();
    path.split('/')
        .map(|part| if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) { "{id}" } else { part })
        .collect::<Vec<_>>()
        .join("/")
}
