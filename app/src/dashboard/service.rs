//! The dashboard's figures (server only): each area's for the period and for the same period
//! a year before, in the sections the reader's role may read, each figure with its list.

use super::db as data;
use super::{
    Amount, Dashboard, EventLine, Figure, FigureName as F, Period, PeriodKind, Section, SectionName, TargetsView, Unit,
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
    Ok(Section {
        name: SectionName::Projects,
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
            compared(F::ProjectsOnList, count(now.on_list.signed), count(was.on_list.signed), &list),
            compared(
                F::StartRate,
                Amount::Percent(now.on_list.start_rate()),
                Amount::Percent(was.on_list.start_rate()),
                &list,
            ),
            compared(
                F::CompletionRate,
                Amount::Percent(now.on_list.completion_rate()),
                Amount::Percent(was.on_list.completion_rate()),
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

async fn promotion(state: &ServerState, p: Period, b: Period, today: NaiveDate) -> Result<Section, AppError> {
    use crate::promotion::figures::of_period;
    let standing = crate::promotion::figures::today(&state.db, today).await?;
    let now = of_period(&state.db, p.from, p.to).await?;
    let was = of_period(&state.db, b.from, b.to).await?;
    Ok(Section {
        name: SectionName::Promotion,
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
    use crate::delegations::{db::counted_between, totals};
    let (now_in, now_out) = totals(&counted_between(&state.db, p.from, p.to).await?);
    let (was_in, was_out) = totals(&counted_between(&state.db, b.from, b.to).await?);
    let year = p.from.year();
    let received = format!("/delegations?direction=incoming&year={year}");
    let sent = format!("/delegations?direction=outgoing&year={year}");
    Ok(Section {
        name: SectionName::Delegations,
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
    use crate::enterprises::{db::figures, db::registered_between, service::cutoff};
    let (from, until) = instants(p);
    let (all, key, new, overdue) = figures(&state.db, from, until, cutoff()).await?;
    let (from, until) = instants(b);
    let new_before = registered_between(&state.db, from, until).await?;
    Ok(Section {
        name: SectionName::Enterprises,
        figures: vec![
            today_only(F::Enterprises, Amount::Count(all), "/enterprises"),
            today_only(F::KeyEnterprises, Amount::Count(key), "/enterprises?is_key=true"),
            compared(F::NewEnterprises, Amount::Count(new), Amount::Count(new_before), "/enterprises?sort=updated"),
            today_only(F::VisitsOverdue, Amount::Count(overdue), "/enterprises?overdue=true"),
        ],
    })
}

async fn cases(state: &ServerState, p: Period, b: Period, today: NaiveDate) -> Result<Section, AppError> {
    use crate::cases::db::{figures, overdue_now};
    let (from, until) = instants(p);
    let (opened, green, resolved, ratings, stars) = figures(&state.db, from, until).await?;
    let (from, until) = instants(b);
    let (opened_b, green_b, resolved_b, ratings_b, stars_b) = figures(&state.db, from, until).await?;
    let overdue = overdue_now(&state.db, today).await?;
    let share = |part: i64, whole: i64| Amount::Percent((whole > 0).then(|| (part * 10_000 / whole) as u64));
    let average = |sum: i64, n: i64| Amount::Stars((n > 0).then(|| sum * 100 / n));
    Ok(Section {
        name: SectionName::Cases,
        figures: vec![
            compared(F::CasesOpened, Amount::Count(opened), Amount::Count(opened_b), "/cases"),
            compared(F::CasesResolved, Amount::Count(resolved), Amount::Count(resolved_b), "/cases?status=resolved"),
            today_only(F::CasesOverdue, Amount::Count(overdue), "/cases?due=overdue"),
            compared(F::GreenChannelShare, share(green, opened), share(green_b, opened_b), "/cases?green_channel=true"),
            compared(F::Satisfaction, average(stars, ratings), average(stars_b, ratings_b), "/cases?status=closed"),
            compared(F::Ratings, Amount::Count(ratings), Amount::Count(ratings_b), "/cases?status=closed"),
        ],
    })
}
