//! Lists in pages, and the links between them: where a page stands, and query strings
//! written and read.

use leptos::prelude::*;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What a query value leaves as it is: letters, digits and `-_.~` (RFC 3986's unreserved).
const VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');
/// A path given as a query value (`?next=/cases`) also keeps its slashes, to stay readable.
const PATH_VALUE: &AsciiSet = &VALUE.remove(b'/');

/// Percent-encode a query-string value.
pub fn url_encode(s: &str) -> String {
    utf8_percent_encode(s, VALUE).to_string()
}

/// Percent-encode a path given as a query value (`/login?next=/admin/audit%3Factor%3D…`).
pub fn url_encode_path(s: &str) -> String {
    utf8_percent_encode(s, PATH_VALUE).to_string()
}

/// Where one page of a list stands: its first and last row numbers, whether more rows
/// follow, and whether the total is only a lower bound (counting stops past `COUNT_CAP`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub from: i64,
    pub to: i64,
    pub has_next: bool,
    pub capped: bool,
}

impl Paging {
    pub fn of(page: i64, per_page: i64, shown: usize, total: i64) -> Paging {
        let capped = total > crate::domain::COUNT_CAP;
        let first = page.max(0) * per_page;
        let to = first + shown as i64;
        let to = if capped { to } else { to.min(total) };
        let has_next = if capped { shown as i64 == per_page } else { to < total };
        Paging { from: if shown == 0 { 0 } else { first + 1 }, to, has_next, capped }
    }
}

/// The links to the page before and after this one of a list (none where there is none):
/// `href` writes the address of a page by its number.
pub fn pager(page: i64, per_page: i64, shown: usize, total: i64, href: impl Fn(i64) -> String) -> impl IntoView {
    let paging = Paging::of(page, per_page, shown, total);
    let prev = (page > 0).then(|| href(page - 1));
    let next = paging.has_next.then(|| href(page + 1));
    let (previous_label, next_label) = (tr!("common-previous"), tr!("common-next"));
    view! {
        <nav class="pager" aria-label=tr!("common-pages")>
            {prev.map(|href| view! { <a href=href rel="prev">{previous_label}</a> })}
            {next.map(|href| view! { <a href=href rel="next">{next_label}</a> })}
        </nav>
    }
}

/// A query string (without `?`) of the parameters that have a value.
pub fn query_string(params: &[(&str, Option<String>)]) -> String {
    params
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", url_encode(v))))
        .collect::<Vec<_>>()
        .join("&")
}

/// `path` with a query string, or `path` alone when the query is empty.
pub fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::{url_encode, url_encode_path, Paging};

    #[test]
    fn query_values_and_login_targets_are_encoded() {
        assert_eq!(url_encode("精密 a&b=c/d~"), "%E7%B2%BE%E5%AF%86%20a%26b%3Dc%2Fd~");
        assert_eq!(url_encode_path("/admin/audit?actor=王"), "/admin/audit%3Factor%3D%E7%8E%8B");
    }

    #[test]
    fn pages_past_the_counting_cap_still_lead_on() {
        assert_eq!(Paging::of(0, 50, 50, 120), Paging { from: 1, to: 50, has_next: true, capped: false });
        assert_eq!(Paging::of(2, 50, 20, 120), Paging { from: 101, to: 120, has_next: false, capped: false });
        assert_eq!(Paging::of(0, 50, 0, 0), Paging { from: 0, to: 0, has_next: false, capped: false });
        // 1 001 means "more than 1 000": page 21 still has a next page when it is full.
        assert_eq!(Paging::of(21, 50, 50, 1_001), Paging { from: 1_051, to: 1_100, has_next: true, capped: true });
        assert_eq!(Paging::of(30, 50, 7, 1_001), Paging { from: 1_501, to: 1_507, has_next: false, capped: true });
    }
}
