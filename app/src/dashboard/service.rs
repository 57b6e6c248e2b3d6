//! The dashboard's figures (server only): each area's for the period and for the same period
//! a year before, in the sections the reader's role may read, each figure with its list.

use super::db as data;
use super::{
    Amount, Chart, ColumnName as C, Dashboard, EventLine, Figure, FigureName as F, Label, Period, PeriodKind, Section,
    SectionName, Table, TableName, TableRow, TargetsView, Unit,
};
use crate::auth::{allows, Action, Ctx, SessionUser};
use crate::db::audit;
use crate::domain::office_day_start;
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::friendship_cities::CityKind;
use crate::promotion::Written;
use crate::state::ServerState;
use chrono::{Datelike, NaiveDate};

pub async fn read(
    state: &ServerState,
    user: &SessionUser,
    period: Period,
    today: NaiveDate,
) -> Result<Dashboard, AppError> {
    let before = period.year_before();
    let mut sections = Vec::new();
    let (mut events, mut new_cities) = (Vec::new(), Vec::new());
    let may = |action| allows(user.role, action);
    if may(Action::ReadProjects) {
        sections.push(projects(state, period, before).await?);
        events = crate::projects::events::db::between(&state.db, period.from, period.to)
            .await?
            .into_iter()
            .map(|e| EventLine {
                href: format!("/projects/events/{}", e.id),
                name: e.name,
                starts_on: e.starts_on,
                signed: e.produced.signed,
                investment: e.produced.investment.0,
            })
            .collect();
    }
    if may(Action::ReadPromotion) {
        sections.push(promotion(state, period, before, today).await?);
    }
    if may(Action::ReadDelegations) {
        sections.push(delegations(state, period, before).await?);
    }
    if may(Action::ReadCities) {
        sections.push(cities(state, period, before).await?);
        let (from, until) = instants(period);
        let entered = crate::friendship_cities::db::entered_between(&state.db, CityKind::Prospective, from, until);
        new_cities = entered.await?.into_iter().map(|(zh, en, fr)| Written { zh, en, fr }).collect();
    }
    if may(Action::ReadEnterprises) {
        sections.push(enterprises(state, period, before).await?);
    }
    if may(Action::ReadCases) {
        sections.push(cases(state, period, before, today).await?);
    }
    // A year's targets stand beside that year, whole or to date.
    let target_year = matches!(period.kind, PeriodKind::Year | PeriodKind::YearToDate).then(|| period.from.year());
    if let Some(year) = target_year {
        let targets = data::targets(&state.db, year).await?;
        for f in sections.iter_mut().flat_map(|s| s.figures.iter_mut()) {
            f.target = targets.iter().find(|(code, _)| code == f.name.as_str()).map(|(_, v)| f.name.unit().amount(*v));
        }
    }
    let sets_targets = may(Action::ManageReference);
    Ok(Dashboard { period, before, today, target_year, sets_targets, sections, events, new_cities })
}

/// The year-end review of `year`, written in `language`, of the sections the reader may read.
pub async fn review(
    state: &ServerState,
    user: &SessionUser,
    year: i32,
    language: crate::domain::Locale,
    today: NaiveDate,
) -> Result<super::review::Review, AppError> {
    let asked = super::PeriodQuery { year: year.to_string(), ..Default::default() };
    let period = Period::read(&asked, today).map_err(AppError::Invalid)?;
    let d = read(state, user, period, today).await?;
    Ok(super::review::write(&d, language))
}

/// One of the dashboard's tables for the period the query names, as CSV in `locale`'s words;
/// a table the reader's role does not see is not found.
pub async fn table_csv(
    state: &ServerState,
    user: &SessionUser,
    query: &super::PeriodQuery,
    table: &str,
    locale: crate::domain::Locale,
) -> Result<(String, Vec<u8>), AppError> {
    let today = crate::domain::office_today(crate::db::now());
    let name = super::TableName::parse(table).ok_or(AppError::NotFound)?;
    let period = Period::read(query, today).map_err(AppError::Invalid)?;
    let d = read(state, user, period, today).await?;
    let t = d.sections.into_iter().flat_map(|s| s.tables).find(|t| t.name == name).ok_or(AppError::NotFound)?;
    let (headings, rows) = t.csv_rows(locale);
    let file = format!("{}-{}-{}", name.as_str(), period.from, period.to);
    Ok((file, crate::export::csv_bytes(&headings, rows)?))
}

/// A year's targets as the form shows them.
pub async fn targets(state: &ServerState, year: i32) -> Result<TargetsView, AppError> {
    let set = data::targets(&state.db, year).await?;
    let targets = F::TARGETED
        .iter()
        .map(|f| {
            let value =
                set.iter().find(|(code, _)| code == f.as_str()).map(|(_, v)| TargetsView::written(f.unit(), *v));
            (*f, value.unwrap_or_default())
        })
        .collect();
    Ok(TargetsView { year, targets })
}

/// A target as typed, in its figure's unit: a whole count, 亿元 (to 万元), dollars and cents,
/// a per cent with up to two decimals (at most 100), stars (at most 5).
fn parse_target(unit: Unit, raw: &str) -> Result<Option<i64>, FieldCode> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let hundredths = || crate::enterprises::service::parse_cents(raw).ok().flatten();
    let value = match unit {
        Unit::Count => raw.replace(',', "").parse::<i64>().ok().filter(|n| (0..=100_000_000).contains(n)),
        Unit::Wan => crate::projects::Wan::parse_yi(raw).map(|w| w.0),
        Unit::UsdCents => hundredths(),
        Unit::Percent => hundredths().filter(|p| *p <= 10_000),
        Unit::Stars => hundredths().filter(|s| *s <= 500),
        Unit::Days => hundredths(),
    };
    value.map(Some).ok_or(match unit {
        Unit::Wan => FieldCode::InvalidYiAmount,
        _ => FieldCode::InvalidNumber,
    })
}

/// Set a year's targets, all or none: an empty field takes a target away. Audited.
pub async fn set_targets(
    cx: &Ctx,
    year: &str,
    typed: &std::collections::HashMap<String, String>,
) -> Result<i32, AppError> {
    cx.permit(Action::ManageReference)?;
    let mut v = Validator::default();
    let year = year.trim().parse::<i32>().ok().filter(|y| super::YEARS.contains(y));
    if year.is_none() {
        v.push(FieldError::new("year", FieldCode::InvalidNumber));
    }
    let mut values = Vec::new();
    for f in F::TARGETED {
        let raw = typed.get(f.as_str()).map(String::as_str).unwrap_or_default();
        match parse_target(f.unit(), raw) {
            Ok(value) => values.push((f, value)),
            Err(code) => v.push(FieldError::new(f.as_str(), code)),
        }
    }
    v.finish()?;
    let Some(year) = year else { return Err(AppError::Internal) };
    let mut tx = cx.state.db.begin().await?;
    let before = data::targets_in(&mut tx, year).await?;
    let mut changes = audit::Changes::new().fact("year", year);
    for (f, value) in values {
        let was = before.iter().find(|(code, _)| code == f.as_str()).map(|(_, v)| *v);
        if was != value {
            data::set(&mut tx, year, f.as_str(), value, cx.user.id, crate::db::now()).await?;
            changes = changes.diff(f.as_str(), was, value);
        }
    }
    audit::record(&mut tx, cx.entry("figure_targets_set", "figure_targets", i64::from(year), changes)).await?;
    tx.commit().await?;
    Ok(year)
}

/// A figure of the period beside the year before's.
fn compared(name: F, now: Amount, before: Amount, href: impl Into<String>) -> Figure {
    Figure { name, now, before: Some(before), target: None, href: href.into() }
}

/// A figure as things stand today.
fn today_only(name: F, now: Amount, href: impl Into<String>) -> Figure {
    Figure { name, now, before: None, target: None, href: href.into() }
}

/// The instants a period runs between, in the office's days: its first day's start and the
/// start of the day after its last.
fn instants(p: Period) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    (office_day_start(p.from), office_day_start(p.to + chrono::Days::new(1)))
}

async fn projects(state: &ServerState, p: Period, b: Period) -> Result<Section, AppError> {
    use crate::projects::figures::of_period;
    let (now, was) = (of_period(state, p.from, p.to).await?, of_period(state, b.from, b.to).await?);
    let signed = format!("/projects/rates?from={}&to={}", p.from, p.to);
    let list = format!("/projects/rates?cohort=on_list&at={}", p.to);
    let count = |n: u64| Amount::Count(n as i64);
    let mut tables = vec![
        Table {
            name: TableName::ProjectsByMonth,
            chart: Some(Chart::Months),
            label: C::Month,
            columns: vec![C::Projects, C::Investment],
            rows: months(p)
                .into_iter()
                .map(|(first, last)| {
                    let days = now.signed_by_day.iter().filter(|d| d.0 >= first && d.0 <= last);
                    let (n, wan) = days.fold((0, 0), |(n, w), d| (n + d.1, w + d.2 .0));
                    TableRow {
                        label: Label::Month(first),
                        values: vec![Amount::Count(n), Amount::Wan(wan)],
                        href: Some(format!("/projects/rates?from={first}&to={last}")),
                    }
                })
                .collect(),
        },
        Table {
            name: TableName::Funnel,
            chart: Some(Chart::Bars),
            label: C::Stage,
            columns: vec![C::Projects],
            rows: [
                (Label::Column(C::OnList), now.on_list.overall.signed, list.clone()),
                (Label::Column(C::Started), now.on_list.overall.started, "/projects?stage=started".into()),
                (Label::Column(C::Completed), now.on_list.overall.completed, "/projects?stage=completed".into()),
            ]
            .into_iter()
            .map(|(label, n, href)| TableRow { label, values: vec![count(n)], href: Some(href) })
            .collect(),
        },
    ];
    let chains = chains(state).await?;
    let counties = state.reference.get_or_load("counties", || crate::db::counties::all(&state.db)).await?;
    let chain_names: Vec<(i64, Written)> =
        chains.iter().map(|c| (c.id, written(&c.name_zh, &c.name_en, &c.name_fr))).collect();
    let county_names: Vec<(i64, Written)> =
        counties.iter().map(|c| (c.id, written(&c.name_zh, &c.name_en, &c.name_fr))).collect();
    for (name, label, names, lines, filter) in [
        (TableName::Chains, C::Chain, &chain_names, &now.on_list.by_chain, "industry_chain_id"),
        (TableName::Counties, C::County, &county_names, &now.on_list.by_county, "county_id"),
    ] {
        let mut rows: Vec<TableRow> = lines
            .iter()
            .filter(|l| l.rates.signed > 0)
            .map(|l| {
                let named = l.key.and_then(|id| names.iter().find(|(k, _)| *k == id));
                let r = l.rates;
                TableRow {
                    label: named.map_or(Label::None, |(_, w)| Label::Named(w.clone())),
                    values: vec![
                        count(r.signed),
                        count(r.started),
                        count(r.completed),
                        Amount::Percent(r.start_rate()),
                    ],
                    href: l.key.map(|id| format!("/projects?{filter}={id}")),
                }
            })
            .collect();
        largest_first(&mut rows);
        tables.push(Table {
            name,
            chart: Some(Chart::Bars),
            label,
            columns: vec![C::Projects, C::Started, C::Completed, C::StartRate],
            rows,
        });
    }
    if matches!(p.kind, PeriodKind::Year | PeriodKind::YearToDate) {
        let year = p.from.year();
        let tasks = crate::projects::tasks::data::of_year(&state.db, year, (p.from, p.to)).await?;
        tables.push(Table {
            name: TableName::LeaderTasks,
            chart: None,
            label: C::Leader,
            columns: vec![C::TargetProjects, C::Projects, C::TargetInvestment, C::Investment],
            rows: tasks
                .into_iter()
                .map(|t| TableRow {
                    label: Label::Named(Written {
                        zh: t.leader_name.clone(),
                        en: t.leader_name.clone(),
                        fr: t.leader_name,
                    }),
                    values: vec![
                        Amount::Count(t.target_projects),
                        Amount::Count(t.signed),
                        Amount::Wan(t.target_investment.0),
                        Amount::Wan(t.investment.0),
                    ],
                    href: Some(format!("/projects/tasks?year={year}")),
                })
                .collect(),
        });
    }
    Ok(Section {
        name: SectionName::Projects,
        tables,
        figures: vec![
            compared(
                F::CapitalDomestic,
                Amount::Wan(now.capital.domestic.0),
                Amount::Wan(was.capital.domestic.0),
                &signed,
            ),
            compared(
                F::CapitalForeign,
                Amount::UsdCents(now.capital.foreign_usd_cents),
                Amount::UsdCents(was.capital.foreign_usd_cents),
                &signed,
            ),
            compared(F::ProjectsOnList, count(now.on_list.overall.signed), count(was.on_list.overall.signed), &list),
            compared(
                F::StartRate,
                Amount::Percent(now.on_list.overall.start_rate()),
                Amount::Percent(was.on_list.overall.start_rate()),
                &list,
            ),
            compared(
                F::CompletionRate,
                Amount::Percent(now.on_list.overall.completion_rate()),
                Amount::Percent(was.on_list.overall.completion_rate()),
                &list,
            ),
            compared(F::ProjectsSigned, Amount::Count(now.signed.0), Amount::Count(was.signed.0), &signed),
            compared(F::InvestmentSigned, Amount::Wan(now.signed.1 .0), Amount::Wan(was.signed.1 .0), &signed),
            compared(
                F::SignedThroughVisits,
                Amount::Count(now.through_visits.0),
                Amount::Count(was.through_visits.0),
                "/projects?source=leader_visit",
            ),
            compared(
                F::InvestmentThroughVisits,
                Amount::Wan(now.through_visits.1 .0),
                Amount::Wan(was.through_visits.1 .0),
                "/projects?source=leader_visit",
            ),
        ],
    })
}

/// The rows with the largest first value first.
fn largest_first(rows: &mut [TableRow]) {
    rows.sort_by_key(|r| std::cmp::Reverse(r.values.first().and_then(|a| a.value())));
}

/// A record's name in the three languages, as a label.
fn written(zh: &str, en: &str, fr: &str) -> Written {
    Written { zh: zh.into(), en: en.into(), fr: fr.into() }
}

/// The industry chains, as the reference cache keeps them.
async fn chains(state: &ServerState) -> Result<std::sync::Arc<Vec<crate::enterprises::IndustryChain>>, AppError> {
    Ok(state.reference.get_or_load("industry_chains", || crate::enterprises::db::industry_chains(&state.db)).await?)
}

/// The months a period runs over, each as its first and last day within the period.
fn months(p: Period) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut first = p.from;
    while first <= p.to {
        let next = first.with_day(1).and_then(|d| d.checked_add_months(chrono::Months::new(1)));
        let last = next.and_then(|n| n.pred_opt()).map_or(p.to, |l| l.min(p.to));
        out.push((first, last));
        match next {
            Some(n) => first = n,
            None => break,
        }
    }
    out
}

async fn promotion(state: &ServerState, p: Period, b: Period, today: NaiveDate) -> Result<Section, AppError> {
    use crate::promotion::figures::of_period;
    let standing = crate::promotion::figures::today(&state.db, today).await?;
    let now = of_period(&state.db, p.from, p.to).await?;
    let was = of_period(&state.db, b.from, b.to).await?;
    let chains = chains(state).await?;
    let mut rows: Vec<TableRow> = crate::promotion::figures::firms_by_chain(&state.db)
        .await?
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(chain, n)| {
            let named = chain.and_then(|id| chains.iter().find(|c| c.id == id));
            TableRow {
                label: named.map_or(Label::None, |c| Label::Named(written(&c.name_zh, &c.name_en, &c.name_fr))),
                values: vec![Amount::Count(n)],
                href: Some("/promotion/firms".into()),
            }
        })
        .collect();
    largest_first(&mut rows);
    let firms = Table {
        name: TableName::FirmsByChain,
        chart: Some(Chart::Bars),
        label: C::Chain,
        columns: vec![C::Firms],
        rows,
    };
    Ok(Section {
        name: SectionName::Promotion,
        tables: vec![firms],
        figures: vec![
            today_only(F::TargetFirms, Amount::Count(standing.target_firms), "/promotion/firms"),
            today_only(F::PromotedPublished, Amount::Count(standing.published), "/promotion/projects?status=published"),
            today_only(F::LeadsOpen, Amount::Count(standing.leads_open), "/promotion/leads?status=open"),
            today_only(F::LeadsOverdue, Amount::Count(standing.leads_overdue), "/promotion/leads?overdue=1"),
            compared(
                F::LeadsOpened,
                Amount::Count(now.leads_opened),
                Amount::Count(was.leads_opened),
                "/promotion/leads",
            ),
            compared(
                F::BrochureIssues,
                Amount::Count(now.brochure_issues),
                Amount::Count(was.brochure_issues),
                "/promotion/brochures",
            ),
            compared(
                F::BrochurePresented,
                Amount::Count(now.brochure_presented),
                Amount::Count(was.brochure_presented),
                "/promotion/brochures",
            ),
            compared(
                F::BrochureSigned,
                Amount::Count(now.brochure_signed),
                Amount::Count(was.brochure_signed),
                "/promotion/brochures",
            ),
            today_only(F::SubChains, Amount::Count(standing.sub_chains), "/promotion/chains"),
            compared(
                F::PoliciesWithdrawn,
                Amount::Count(now.policies_withdrawn),
                Amount::Count(was.policies_withdrawn),
                "/promotion/policies?status=withdrawn",
            ),
        ],
    })
}

async fn delegations(state: &ServerState, p: Period, b: Period) -> Result<Section, AppError> {
    use crate::delegations::{db::counted_between, totals, Direction};
    let counted = counted_between(&state.db, p.from, p.to).await?;
    let (now_in, now_out) = totals(&counted);
    let (was_in, was_out) = totals(&counted_between(&state.db, b.from, b.to).await?);
    // Received (delegations, people), then sent, among some of the period's delegations.
    let split = |ds: &mut dyn Iterator<Item = &crate::delegations::Counted>| {
        ds.fold([0_i64; 4], |mut v, d| {
            let at = if d.direction == Direction::Incoming { 0 } else { 2 };
            v[at] += 1;
            v[at + 1] += d.members;
            v
        })
    };
    let columns = vec![C::DelegationsReceived, C::VisitorsReceived, C::DelegationsSent, C::PeopleSent];
    let by_month = Table {
        name: TableName::DelegationsByMonth,
        chart: Some(Chart::Months),
        label: C::Month,
        columns: columns.clone(),
        rows: months(p)
            .into_iter()
            .map(|(first, last)| TableRow {
                label: Label::Month(first),
                values: split(&mut counted.iter().filter(|d| d.starts_on >= first && d.starts_on <= last))
                    .map(Amount::Count)
                    .to_vec(),
                href: None,
            })
            .collect(),
    };
    let mut codes: Vec<&str> = counted.iter().flat_map(|d| d.countries.iter().map(String::as_str)).collect();
    codes.sort_unstable();
    codes.dedup();
    let mut by_country: Vec<TableRow> = codes
        .into_iter()
        .map(|code| TableRow {
            label: Label::Country(code.to_string()),
            values: split(&mut counted.iter().filter(|d| d.countries.iter().any(|c| c == code)))
                .map(Amount::Count)
                .to_vec(),
            href: None,
        })
        .collect();
    by_country.sort_by_key(|r| std::cmp::Reverse(r.values.iter().filter_map(|a| a.value()).step_by(2).sum::<i64>()));
    let countries = Table {
        name: TableName::DelegationCountries,
        chart: Some(Chart::Map),
        label: C::Country,
        columns,
        rows: by_country,
    };
    let year = p.from.year();
    let received = format!("/delegations?direction=incoming&year={year}");
    let sent = format!("/delegations?direction=outgoing&year={year}");
    Ok(Section {
        name: SectionName::Delegations,
        tables: vec![by_month, countries],
        figures: vec![
            compared(
                F::DelegationsReceived,
                Amount::Count(now_in.delegations),
                Amount::Count(was_in.delegations),
                &received,
            ),
            compared(F::VisitorsReceived, Amount::Count(now_in.people), Amount::Count(was_in.people), &received),
            compared(F::DelegationsSent, Amount::Count(now_out.delegations), Amount::Count(was_out.delegations), &sent),
            compared(F::PeopleSent, Amount::Count(now_out.people), Amount::Count(was_out.people), &sent),
        ],
    })
}

async fn cities(state: &ServerState, p: Period, b: Period) -> Result<Section, AppError> {
    use crate::friendship_cities::db::kinds;
    let (from, until) = instants(p);
    let now = kinds(&state.db, from, until).await?;
    let (from, until) = instants(b);
    let was = kinds(&state.db, from, until).await?;
    let of = |rows: &[(CityKind, i64, i64)], kind: CityKind| {
        rows.iter().find(|r| r.0 == kind).map_or((0, 0), |r| (r.1, r.2))
    };
    let kind_figure = |name, kind: CityKind, code: &str| {
        today_only(name, Amount::Count(of(&now, kind).0), format!("/cities?kind={code}"))
    };
    Ok(Section {
        name: SectionName::Cities,
        tables: Vec::new(),
        figures: vec![
            kind_figure(F::SisterCities, CityKind::Sister, "sister"),
            kind_figure(F::ProspectiveCities, CityKind::Prospective, "prospective"),
            kind_figure(F::ExchangeCities, CityKind::Exchange, "exchange"),
            compared(
                F::NewProspectiveCities,
                Amount::Count(of(&now, CityKind::Prospective).1),
                Amount::Count(of(&was, CityKind::Prospective).1),
                "/cities?kind=prospective",
            ),
        ],
    })
}

async fn enterprises(state: &ServerState, p: Period, b: Period) -> Result<Section, AppError> {
    use crate::enterprises::{db::figures, db::registered_in, service::cutoff};
    let (all, key, new, overdue) = figures(&state.db, p.from, p.to, cutoff()).await?;
    let new_before = registered_in(&state.db, b.from, b.to).await?;
    let countries = Table {
        name: TableName::EnterpriseCountries,
        chart: Some(Chart::Map),
        label: C::Country,
        columns: vec![C::Enterprises],
        rows: crate::enterprises::db::by_country(&state.db)
            .await?
            .into_iter()
            .map(|(code, n)| TableRow {
                href: Some(format!("/enterprises?country={code}")),
                label: Label::Country(code),
                values: vec![Amount::Count(n)],
            })
            .collect(),
    };
    Ok(Section {
        name: SectionName::Enterprises,
        tables: vec![countries],
        figures: vec![
            today_only(F::Enterprises, Amount::Count(all), "/enterprises"),
            today_only(F::KeyEnterprises, Amount::Count(key), "/enterprises?is_key=true"),
            compared(F::NewEnterprises, Amount::Count(new), Amount::Count(new_before), "/enterprises?sort=updated"),
            today_only(F::VisitsOverdue, Amount::Count(overdue), "/enterprises?overdue=true"),
        ],
    })
}

async fn cases(state: &ServerState, p: Period, b: Period, today: NaiveDate) -> Result<Section, AppError> {
    use crate::cases::figures::{departments, overdue_now, resolutions};
    let now = resolutions(&state.db, p.from, p.to, today).await?;
    let was = resolutions(&state.db, b.from, b.to, today).await?;
    let overdue = overdue_now(&state.db, today).await?;
    // Hundredths of a per cent, rounded half up like the projects' rates.
    let share =
        |part: i64, whole: i64| Amount::Percent((whole > 0).then(|| ((part * 10_000 + whole / 2) / whole) as u64));
    let average = |sum: i64, n: i64| Amount::Stars((n > 0).then(|| sum * 100 / n));
    let by_month = Table {
        name: TableName::CasesByMonth,
        chart: Some(Chart::Months),
        label: C::Month,
        columns: vec![C::Opened, C::Resolved],
        rows: months(p)
            .into_iter()
            .map(|(first, _)| {
                let month = first.with_day(1).unwrap_or(first);
                let (opened, resolved) = now.by_month.iter().find(|r| r.0 == month).map_or((0, 0), |r| (r.1, r.2));
                TableRow {
                    label: Label::Month(first),
                    values: vec![Amount::Count(opened), Amount::Count(resolved)],
                    href: None,
                }
            })
            .collect(),
    };
    let speed_values = |s: &crate::cases::figures::Speed| {
        vec![
            Amount::Count(s.opened),
            Amount::Count(s.resolved),
            share(s.on_time, s.with_deadline),
            Amount::Days(s.median_days),
        ]
    };
    let types = Table {
        name: TableName::CaseTypes,
        chart: Some(Chart::Bars),
        label: C::CaseType,
        columns: vec![C::Opened, C::Resolved, C::OnTimeRate, C::MedianDays],
        rows: now
            .by_type
            .iter()
            .map(|(t, s)| TableRow {
                label: Label::CaseType(*t),
                values: speed_values(s),
                href: Some(format!("/cases?case_type={}", t.as_str())),
            })
            .collect(),
    };
    let departments = Table {
        name: TableName::Departments,
        chart: Some(Chart::Bars),
        label: C::Department,
        columns: vec![C::TasksDone, C::MedianDays, C::TasksAssigned, C::TasksOpen, C::TasksOverdue],
        rows: departments(&state.db, p.from, p.to, today)
            .await?
            .into_iter()
            .filter(|d| d.assigned + d.done + d.open > 0)
            .map(|d| TableRow {
                href: None,
                label: Label::Named(Written { zh: d.names.0, en: d.names.1, fr: d.names.2 }),
                values: vec![
                    Amount::Count(d.done),
                    Amount::Days(d.median_days),
                    Amount::Count(d.assigned),
                    Amount::Count(d.open),
                    Amount::Count(d.overdue),
                ],
            })
            .collect(),
    };
    let (r, rb) = (&now.all, &was.all);
    Ok(Section {
        name: SectionName::Cases,
        tables: vec![by_month, types, departments],
        figures: vec![
            compared(F::CasesOpened, Amount::Count(r.opened), Amount::Count(rb.opened), "/cases"),
            compared(F::CasesResolved, Amount::Count(r.resolved), Amount::Count(rb.resolved), "/cases?status=resolved"),
            compared(
                F::OnTimeRate,
                share(r.on_time, r.with_deadline),
                share(rb.on_time, rb.with_deadline),
                "/cases?status=resolved",
            ),
            compared(
                F::MedianDays,
                Amount::Days(r.median_days),
                Amount::Days(rb.median_days),
                "/cases?status=resolved",
            ),
            today_only(F::CasesOverdue, Amount::Count(overdue), "/cases?due=overdue"),
            compared(
                F::GreenChannelShare,
                share(r.green, r.opened),
                share(rb.green, rb.opened),
                "/cases?green_channel=true",
            ),
            compared(
                F::Satisfaction,
                average(r.stars, r.ratings),
                average(rb.stars, rb.ratings),
                "/cases?status=closed",
            ),
            compared(F::Ratings, Amount::Count(r.ratings), Amount::Count(rb.ratings), "/cases?status=closed"),
        ],
    })
}
