//! Admin pages: the service-level table and the working calendar.

use super::api::{calendar, service_levels, RemoveCalendarDay, SetCalendarDay, UpdateServiceLevel};
use super::{CalendarDay, ServiceLevel, MAX_WORKING_DAYS};
use crate::domain::{DayKind, Locale};
use crate::i18n::{format_datetime, format_day, use_locale};
use crate::shell::{case_type_name, field_message, page_error, FormError, Saved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

crate::routes::pages! {
    "/admin/service-levels" => ServiceLevelsPage, Needs(ManageServiceLevels);
    "/admin/calendar" => CalendarPage, Needs(ManageServiceLevels);
}

pub fn day_kind_name(k: DayKind) -> String {
    match k {
        DayKind::Holiday => tr!("calendar-kind-holiday"),
        DayKind::Workday => tr!("calendar-kind-workday"),
    }
}

#[component]
pub fn ServiceLevelsPage() -> impl IntoView {
    let update = ServerAction::<UpdateServiceLevel>::new();
    let levels = crate::codec::resource(move || update.version().get(), |_| service_levels());
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    let saved = Signal::derive(move || matches!(update.value().get(), Some(Ok(()))));
    view! {
        <Title text=tr!("service-levels-title") />
        <div class="page-header">
            <h1>{move || tr!("service-levels-title")}</h1>
            <a class="button-secondary" href="/admin/calendar">{move || tr!("calendar-title")}</a>
        </div>
        <p class="hint">{move || tr!("service-levels-hint")}</p>
        <FormError error />
        <Saved show=saved />
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match levels.await {
                    Err(e) => page_error(e),
                    Ok(list) => {
                        let locale = use_locale();
                        let rows = list.into_iter().map(|l| level_row(l, update, locale)).collect_view();
                        view! {
                            <div class="table-wrap">
                                <table class="table">
                                    <caption class="visually-hidden">{tr!("service-levels-title")}</caption>
                                    <thead><tr>
                                        <th scope="col">{tr!("case-type")}</th>
                                        <th scope="col">{tr!("service-levels-working-days")}</th>
                                        <th scope="col">{tr!("service-levels-green-days")}</th>
                                        <th scope="col">{tr!("service-levels-changed")}</th>
                                        <th scope="col"><span class="visually-hidden">{tr!("common-save")}</span></th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

fn level_row(l: ServiceLevel, update: ServerAction<UpdateServiceLevel>, locale: Locale) -> impl IntoView {
    let t = l.case_type.as_str();
    let form_id = format!("sla-{t}");
    let working_id = format!("working-{t}");
    let green_id = format!("green-{t}");
    let name = case_type_name(l.case_type);
    let changed = match (l.updated_by_name.clone(), l.updated_at) {
        (Some(who), Some(at)) => format!("{} · {who}", format_datetime(at, locale)),
        _ => String::new(),
    };
    let max = MAX_WORKING_DAYS.to_string();
    view! {
        <tr>
            <th scope="row">{name.clone()}</th>
            <td>
                <label class="visually-hidden" for=working_id.clone()>{format!("{name}{}{}", tr!("label-separator"), tr!("service-levels-working-days"))}</label>
                <input id=working_id type="number" min="1" max=max.clone() name="working_days" class="input-narrow"
                    form=form_id.clone() value=l.working_days.to_string() required />
            </td>
            <td>
                <label class="visually-hidden" for=green_id.clone()>{format!("{name}{}{}", tr!("label-separator"), tr!("service-levels-green-days"))}</label>
                <input id=green_id type="number" min="1" max=max name="green_channel_days" class="input-narrow"
                    form=form_id.clone() value=l.green_channel_days.to_string() required />
            </td>
            <td class="muted">{changed}</td>
            <td>
                <ActionForm action=update attr:id=form_id attr:class="form-inline">
                    <input type="hidden" name="case_type" value=t />
                    <input type="hidden" name="version" value=l.version.to_string() />
                    <button type="submit" class="button-secondary">{tr!("common-save")}</button>
                </ActionForm>
            </td>
        </tr>
    }
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.read().get("year").and_then(|y| y.parse::<i32>().ok());
    let set = ServerAction::<SetCalendarDay>::new();
    let remove = ServerAction::<RemoveCalendarDay>::new();
    let days =
        crate::codec::resource(move || (year(), set.version().get(), remove.version().get()), |(y, ..)| calendar(y));
    let error = Signal::derive(move || set.value().get().and_then(Result::err));
    let remove_error = Signal::derive(move || remove.value().get().and_then(Result::err));
    view! {
        <Title text=tr!("calendar-title") />
        <p class="breadcrumb"><a href="/admin/service-levels">{move || tr!("service-levels-title")}</a></p>
        <h1>{move || tr!("calendar-title")}</h1>
        <p class="hint">{move || tr!("calendar-hint")}</p>
        <Transition fallback=|| view! { <p class="muted">{move || tr!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match days.await {
                    Err(e) => page_error(e),
                    Ok(cal) => {
                        let locale = use_locale();
                        let prev = format!("/admin/calendar?year={}", cal.year - 1);
                        let next = format!("/admin/calendar?year={}", cal.year + 1);
                        let summary = tr!("calendar-summary", { "year" => cal.year, "days" => cal.working_days });
                        let rows = cal.days.into_iter().map(|d| day_row(d, remove, locale)).collect_view();
                        view! {
                            <nav class="pager" aria-label=tr!("calendar-years")>
                                <a href=prev>{format!("← {}", cal.year - 1)}</a>
                                <strong>{cal.year}</strong>
                                <a href=next>{format!("{} →", cal.year + 1)}</a>
                            </nav>
                            <p>{summary}</p>
                            <FormError error=remove_error />
                            <div class="table-wrap">
                                <table class="table">
                                    <caption class="visually-hidden">{tr!("calendar-title")}</caption>
                                    <thead><tr>
                                        <th scope="col">{tr!("calendar-day")}</th>
                                        <th scope="col">{tr!("calendar-kind")}</th>
                                        <th scope="col">{tr!("calendar-name")}</th>
                                        <th scope="col"><span class="visually-hidden">{tr!("calendar-remove")}</span></th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Transition>
        <section class="panel" aria-labelledby="add-day-heading">
            <h2 id="add-day-heading">{move || tr!("calendar-add")}</h2>
            <FormError error />
            <ActionForm action=set attr:class="form">
                <div class="field">
                    <label for="day">{move || tr!("calendar-day")}</label>
                    <input id="day" name="day" type="date" required />
                    {move || field_message(error.get(), "day")}
                </div>
                <div class="field">
                    <label for="kind">{move || tr!("calendar-kind")}</label>
                    <select id="kind" name="kind">
                        <option value="holiday">{move || day_kind_name(DayKind::Holiday)}</option>
                        <option value="workday">{move || day_kind_name(DayKind::Workday)}</option>
                    </select>
                    {move || field_message(error.get(), "kind")}
                </div>
                <div class="field">
                    <label for="name">{move || tr!("calendar-name")}</label>
                    <input id="name" name="name" type="text" maxlength="100" />
                    {move || field_message(error.get(), "name")}
                </div>
                <button type="submit" class="button-primary">{move || tr!("calendar-add")}</button>
            </ActionForm>
        </section>
    }
}

fn day_row(d: CalendarDay, remove: ServerAction<RemoveCalendarDay>, locale: Locale) -> impl IntoView {
    let weekday = crate::i18n::format_weekday(d.day, locale);
    view! {
        <tr class=format!("calendar-{}", d.kind.as_str())>
            <td>{format_day(d.day, locale)}" "<span class="muted">{weekday}</span></td>
            <td>{day_kind_name(d.kind)}</td>
            <td>{d.name.clone()}</td>
            <td>
                <ActionForm action=remove attr:class="form-inline">
                    <input type="hidden" name="day" value=d.day.to_string() />
                    <button type="submit" class="button-plain">{tr!("calendar-remove")}</button>
                </ActionForm>
            </td>
        </tr>
    }
}
