//! The dashboard's page: the period's form (works without JavaScript: a plain GET), then a
//! table per section, each figure beside the same period a year before and linked to its list.

use super::api::{figure_targets, read_dashboard, SetFigureTargets};
use super::{
    Amount, Dashboard, EventLine, Figure, FigureName, Period, PeriodKind, PeriodQuery, Progress, Section, SectionName,
    TargetsView, Unit,
};
use crate::domain::Locale;
use crate::error::AppError;
use crate::i18n::{format_day, format_money, format_number, use_locale};
use crate::projects::pages::{percent, yi};
use crate::projects::Wan;
use crate::shell::{answer_with, field_message, page_error, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

crate::routes::pages! {
    "/dashboard" => DashboardPage, Staff;
    "/dashboard/targets" => TargetsPage, Needs(ManageReference);
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let query = use_query_map();
    let period = move || PeriodQuery::from_query(|k| query.read().get(k));
    let data = crate::codec::resource(period, read_dashboard);
    view! {
        <Title text=tr!("dashboard-title") />
        <h1>{move || tr!("dashboard-title")}</h1>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <PeriodForms q=period() error=None /> <DashboardView d /> }.into_any(),
                    Err(e @ AppError::Invalid(_)) => {
                        answer_with(&e);
                        view! { <PeriodForms q=period() error=Some(e) /> }.into_any()
                    }
                    Err(e) => page_error(e),
                }
            })}
        </Transition>
    }
}

/// Two plain forms: a year (or one of its quarters or months), or any range of days.
#[component]
fn PeriodForms(q: PeriodQuery, error: Option<AppError>) -> impl IntoView {
    let err = move || error.clone();
    let chosen = |value: &str, n: u32| value == n.to_string();
    let quarters = (1..=4u32)
        .map(|n| view! { <option value=n.to_string() selected=chosen(&q.quarter, n)>{tr!("dashboard-quarter-name", { "quarter" => n })}</option> })
        .collect_view();
    let months = (1..=12u32)
        .map(|n| view! { <option value=n.to_string() selected=chosen(&q.month, n)>{tr!("statistics-month-name", { "month" => n })}</option> })
        .collect_view();
    view! {
        <FormError error=Signal::stored(err()) />
        <div class="period-forms">
            <form method="get" action="/dashboard" class="form-inline filters" aria-label=tr!("dashboard-period-year")>
                <div class="field">
                    <label for="year">{tr!("dashboard-field-year")}</label>
                    <input id="year" name="year" type="number" min="2000" max="2100" inputmode="numeric"
                        value=q.year.clone() aria-describedby="year-error" />
                    {field_message(err(), "year")}
                </div>
                <div class="field">
                    <label for="quarter">{tr!("dashboard-field-quarter")}</label>
                    <select id="quarter" name="quarter" aria-describedby="quarter-error">
                        <option value="">{tr!("dashboard-whole-year")}</option>
                        {quarters}
                    </select>
                    {field_message(err(), "quarter")}
                </div>
                <div class="field">
                    <label for="month">{tr!("dashboard-field-month")}</label>
                    <select id="month" name="month" aria-describedby="month-error">
                        <option value="">{tr!("dashboard-any-month")}</option>
                        {months}
                    </select>
                    {field_message(err(), "month")}
                </div>
                <button type="submit" class="button-secondary">{tr!("dashboard-show")}</button>
            </form>
            <form method="get" action="/dashboard" class="form-inline filters" aria-label=tr!("dashboard-period-range")>
                <div class="field">
                    <label for="from">{tr!("dashboard-field-from")}</label>
                    <input id="from" name="from" type="date" value=q.from.clone() aria-describedby="from-error" />
                    {field_message(err(), "from")}
                </div>
                <div class="field">
                    <label for="to">{tr!("dashboard-field-to")}</label>
                    <input id="to" name="to" type="date" value=q.to.clone() aria-describedby="to-error" />
                    {field_message(err(), "to")}
                </div>
                <button type="submit" class="button-secondary">{tr!("dashboard-show")}</button>
            </form>
            <p><a href="/dashboard">{tr!("dashboard-year-to-date")}</a></p>
        </div>
    }
}

#[component]
fn DashboardView(d: Dashboard) -> impl IntoView {
    let locale = use_locale();
    let span =
        |p: Period| tr!("dashboard-span", { "from" => format_day(p.from, locale), "to" => format_day(p.to, locale) });
    let heading = tr!("dashboard-comparing", { "period" => period_name(d.period, locale), "before" => span(d.before) });
    let labels = Labels {
        now: span(d.period),
        before: span(d.before),
        target: d.target_year.map(|year| tr!("dashboard-target-of", { "year" => year })),
    };
    let empty = d.sections.is_empty();
    let targets_link = d.sets_targets.then(|| {
        let year = d.target_year.unwrap_or_else(|| chrono::Datelike::year(&d.today));
        view! { <p><a href=format!("/dashboard/targets?year={year}")>{tr!("dashboard-set-targets")}</a></p> }
    });
    let review =
        (d.period.kind == PeriodKind::Year && !empty).then(|| review_links(chrono::Datelike::year(&d.period.from)));
    let (events, cities, period) = (d.events, d.new_cities, d.period);
    let sections = d
        .sections
        .into_iter()
        .map(|s| {
            let extra = match s.name {
                SectionName::Projects if !events.is_empty() => Some(events_table(&events, locale).into_any()),
                SectionName::Cities if !cities.is_empty() => {
                    let line = tr!("dashboard-new-cities", { "names" => super::names_in(&cities, locale) });
                    Some(view! { <p class="new-cities">{line}</p> }.into_any())
                }
                _ => None,
            };
            section_view(s, &labels, &period, locale, extra)
        })
        .collect_view();
    view! {
        <p class="lead" id="period">{heading}</p>
        {targets_link}
        {review}
        {empty.then(|| view! { <p>{tr!("dashboard-nothing")}</p> })}
        {sections}
    }
}

/// The year-end review of a year, to print or to download for Word, in each language.
fn review_links(year: i32) -> impl IntoView {
    let links = Locale::ALL
        .into_iter()
        .map(|l| {
            let print = format!("/dashboard/review?year={year}&lang={}", l.tag());
            let word = format!("/dashboard/review.docx?year={year}&lang={}", l.tag());
            view! {
                <li lang=l.tag()>
                    <a rel="external" href=print>{l.endonym()}</a>
                    " · "
                    <a rel="external" href=word download>{tr!("dashboard-review-docx")}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel review-links" aria-labelledby="review-heading">
            <h2 id="review-heading">{tr!("dashboard-review-title", { "year" => year })}</h2>
            <p class="hint">{tr!("dashboard-review-hint")}</p>
            <ul class="inline-list">{links}</ul>
        </section>
    }
}

/// The promotion events of the period and what was signed at each.
fn events_table(events: &[EventLine], locale: Locale) -> impl IntoView {
    let rows = events
        .iter()
        .map(|e| {
            view! {
                <tr>
                    <th scope="row"><a href=e.href.clone()>{e.name.clone()}</a></th>
                    <td>{format_day(e.starts_on, locale)}</td>
                    <td class="num">{format_number(e.signed as f64, 0, locale)}</td>
                    <td class="num">{amount_text(Amount::Wan(e.investment), locale)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="figures events">
            <caption>{tr!("dashboard-events")}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr!("dashboard-event")}</th>
                    <th scope="col">{tr!("dashboard-event-day")}</th>
                    <th scope="col" class="num">{tr!("figure-projects-signed")}</th>
                    <th scope="col" class="num">{tr!("figure-investment-signed")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn period_name(p: Period, locale: Locale) -> String {
    use chrono::Datelike;
    let year = p.from.year();
    match p.kind {
        PeriodKind::YearToDate => tr!("dashboard-named-year-to-date", { "to" => format_day(p.to, locale) }),
        PeriodKind::Year => tr!("dashboard-named-year", { "year" => year }),
        PeriodKind::Quarter(q) => tr!("dashboard-named-quarter", { "year" => year, "quarter" => q }),
        PeriodKind::Month(m) => tr!("dashboard-named-month", { "year" => year, "month" => m }),
        PeriodKind::Range => {
            tr!("dashboard-span", { "from" => format_day(p.from, locale), "to" => format_day(p.to, locale) })
        }
    }
}

/// The columns' headings: the period, the year before, and the year's target when shown.
struct Labels {
    now: String,
    before: String,
    target: Option<String>,
}

fn section_view(s: Section, labels: &Labels, period: &Period, locale: Locale, extra: Option<AnyView>) -> impl IntoView {
    let with_target = labels.target.is_some();
    let id = format!("section-{}", section_code(s.name));
    let labelled_by = id.clone();
    let rows = s.figures.into_iter().map(|f| figure_row(f, with_target, locale)).collect_view();
    let tables = s.tables.into_iter().map(|t| super::charts::table_view(t, period, locale)).collect_view();
    view! {
        <section class="panel dashboard-section" aria-labelledby=labelled_by>
            <h2 id=id>{section_name(s.name)}</h2>
            <table class="figures">
                <thead>
                    <tr>
                        <th scope="col">{tr!("dashboard-figure")}</th>
                        <th scope="col" class="num">{labels.now.clone()}</th>
                        <th scope="col" class="num">{labels.before.clone()}</th>
                        {labels.target.clone().map(|t| view! { <th scope="col" class="num">{t}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {extra}
            <div class="breakdowns">{tables}</div>
        </section>
    }
}

fn figure_row(f: Figure, with_target: bool, locale: Locale) -> impl IntoView {
    let before = match f.before {
        Some(b) => amount_text(b, locale),
        None => tr!("dashboard-today-only"),
    };
    let target = with_target.then(|| {
        let text = f.target.map(|t| amount_text(t, locale)).unwrap_or_else(|| "—".into());
        let progress = f.progress().map(|p| match p {
            Progress::Below => {
                view! { <span class="badge badge-warn">{tr!("dashboard-below-target")}</span> }.into_any()
            }
            Progress::Met => view! { <span class="badge badge-green">{tr!("dashboard-target-met")}</span> }.into_any(),
            Progress::Exceeded => {
                view! { <span class="badge badge-green">{tr!("dashboard-target-exceeded")}</span> }.into_any()
            }
        });
        view! { <td class="num">{text} " " {progress}</td> }
    });
    view! {
        <tr data-figure=f.name.as_str()>
            <th scope="row"><a href=f.href.clone()>{figure_name(f.name)}</a></th>
            <td class="num">{amount_text(f.now, locale)}</td>
            <td class="num muted">{before}</td>
            {target}
        </tr>
    }
}

pub fn amount_text(a: Amount, locale: Locale) -> String {
    match a {
        Amount::Count(n) => format_number(n as f64, 0, locale),
        Amount::Wan(w) => tr!("dashboard-yi", { "amount" => yi(Wan(w), locale) }),
        Amount::UsdCents(c) => format_money(c, "USD", locale),
        Amount::Percent(bp) => percent(bp, locale),
        Amount::Stars(None) => "—".into(),
        Amount::Stars(Some(h)) => tr!("dashboard-stars", { "stars" => format_number(h as f64 / 100.0, 2, locale) }),
        Amount::Days(None) => "—".into(),
        Amount::Days(Some(h)) => format_number(h as f64 / 100.0, if h % 100 == 0 { 0 } else { 1 }, locale),
    }
}

fn section_code(s: SectionName) -> &'static str {
    match s {
        SectionName::Projects => "projects",
        SectionName::Promotion => "promotion",
        SectionName::Delegations => "delegations",
        SectionName::Cities => "cities",
        SectionName::Enterprises => "enterprises",
        SectionName::Cases => "cases",
    }
}

fn section_name(s: SectionName) -> String {
    match s {
        SectionName::Projects => tr!("nav-projects"),
        SectionName::Promotion => tr!("nav-promotion"),
        SectionName::Delegations => tr!("nav-delegations"),
        SectionName::Cities => tr!("nav-cities"),
        SectionName::Enterprises => tr!("nav-enterprises"),
        SectionName::Cases => tr!("nav-cases"),
    }
}

fn figure_name(f: FigureName) -> String {
    use FigureName as F;
    match f {
        F::CapitalDomestic => tr!("figure-capital-domestic"),
        F::CapitalForeign => tr!("figure-capital-foreign"),
        F::ProjectsOnList => tr!("figure-projects-on-list"),
        F::StartRate => tr!("figure-start-rate"),
        F::CompletionRate => tr!("figure-completion-rate"),
        F::ProjectsSigned => tr!("figure-projects-signed"),
        F::InvestmentSigned => tr!("figure-investment-signed"),
        F::SignedThroughVisits => tr!("figure-signed-through-visits"),
        F::InvestmentThroughVisits => tr!("figure-investment-through-visits"),
        F::TargetFirms => tr!("figure-target-firms"),
        F::PromotedPublished => tr!("figure-promoted-published"),
        F::LeadsOpen => tr!("figure-leads-open"),
        F::LeadsOverdue => tr!("figure-leads-overdue"),
        F::LeadsOpened => tr!("figure-leads-opened"),
        F::BrochureIssues => tr!("figure-brochure-issues"),
        F::BrochurePresented => tr!("figure-brochure-presented"),
        F::BrochureSigned => tr!("figure-brochure-signed"),
        F::SubChains => tr!("figure-sub-chains"),
        F::PoliciesWithdrawn => tr!("figure-policies-withdrawn"),
        F::DelegationsReceived => tr!("figure-delegations-received"),
        F::VisitorsReceived => tr!("figure-visitors-received"),
        F::DelegationsSent => tr!("figure-delegations-sent"),
        F::PeopleSent => tr!("figure-people-sent"),
        F::SisterCities => tr!("figure-sister-cities"),
        F::ProspectiveCities => tr!("figure-prospective-cities"),
        F::ExchangeCities => tr!("figure-exchange-cities"),
        F::NewProspectiveCities => tr!("figure-new-prospective-cities"),
        F::Enterprises => tr!("figure-enterprises"),
        F::KeyEnterprises => tr!("figure-key-enterprises"),
        F::NewEnterprises => tr!("figure-new-enterprises"),
        F::VisitsOverdue => tr!("figure-visits-overdue"),
        F::CasesOpened => tr!("figure-cases-opened"),
        F::CasesResolved => tr!("figure-cases-resolved"),
        F::CasesOverdue => tr!("figure-cases-overdue"),
        F::OnTimeRate => tr!("figure-on-time-rate"),
        F::MedianDays => tr!("figure-median-days"),
        F::GreenChannelShare => tr!("figure-green-channel-share"),
        F::Satisfaction => tr!("figure-satisfaction"),
        F::Ratings => tr!("figure-ratings"),
    }
}

/// The administrators' form of a year's targets (预期目标): one field per targeted figure in
/// its unit; an empty field has no target.
#[component]
pub fn TargetsPage() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.read().get("year").and_then(|y| y.trim().parse::<i32>().ok());
    let set = ServerAction::<SetFigureTargets>::new();
    let view_of = crate::codec::resource(move || (year(), set.version().get()), |(year, _)| figure_targets(year));
    let saved = Signal::derive(move || matches!(set.value().get(), Some(Ok(()))));
    let error = Signal::derive(move || set.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("dashboard-targets-title") />
        <p class="breadcrumb"><a href="/dashboard">{move || tr!("dashboard-title")}</a></p>
        <h1>{move || tr!("dashboard-targets-title")}</h1>
        <p class="hint">{move || tr!("dashboard-targets-hint")}</p>
        <Saved show=saved />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match view_of.await {
                    Err(e) => page_error(e),
                    Ok(v) => targets_form(v, set, error).into_any(),
                }
            })}
        </Transition>
    }
}

fn targets_form(v: TargetsView, set: ServerAction<SetFigureTargets>, error: Signal<Option<AppError>>) -> impl IntoView {
    let fields = v
        .targets
        .into_iter()
        .map(|(f, value)| {
            let code = f.as_str();
            view! {
                <div class="field">
                    <label for=code>{figure_name(f)} " " <span class="muted">{unit_name(f.unit())}</span></label>
                    <input id=code name=format!("targets[{code}]") type="text" inputmode="decimal" value=value
                        aria-describedby=format!("{code}-error") />
                    {move || field_message(error.get(), code)}
                </div>
            }
        })
        .collect_view();
    view! {
        <form method="get" action="/dashboard/targets" class="form-inline filters" role="search">
            <div class="field">
                <label for="year">{tr!("dashboard-field-year")}</label>
                <input id="year" name="year" type="number" min="2000" max="2100" value=v.year.to_string() />
            </div>
            <button type="submit" class="button-secondary">{tr!("dashboard-show")}</button>
        </form>
        <FormError error />
        <ActionForm action=set attr:class="form">
            <input type="hidden" name="year" value=v.year.to_string() />
            {fields}
            <button type="submit" class="button-primary">{tr!("dashboard-save-targets")}</button>
        </ActionForm>
    }
}

fn unit_name(u: Unit) -> String {
    match u {
        Unit::Count => tr!("dashboard-unit-count"),
        Unit::Wan => tr!("dashboard-unit-yi"),
        Unit::UsdCents => tr!("dashboard-unit-usd"),
        Unit::Percent => tr!("dashboard-unit-percent"),
        Unit::Stars => tr!("dashboard-unit-stars"),
        Unit::Days => tr!("dashboard-unit-days"),
    }
}
