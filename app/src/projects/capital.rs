//! Capital in place (到位资金): what each project's investors have actually paid in, month by
//! month, domestic capital in 万元 and foreign capital in US cents, both exact. The months add
//! up to the city's capital actually used (实际使用内资 / 外资) for any period.

use super::Wan;
use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One month's capital in place for one project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapitalMonth {
    /// The first day of the month.
    pub month: NaiveDate,
    pub domestic: Wan,
    pub foreign_usd_cents: i64,
    pub recorded_by: Option<String>,
}

/// Capital in place added up: a project's, or the city's over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CapitalTotals {
    pub domestic: Wan,
    pub foreign_usd_cents: i64,
}

impl CapitalTotals {
    pub fn of(months: &[CapitalMonth]) -> CapitalTotals {
        CapitalTotals {
            domestic: months.iter().map(|m| m.domestic).sum(),
            foreign_usd_cents: months.iter().map(|m| m.foreign_usd_cents).sum(),
        }
    }
}

/// The first day of a month typed as `2026-05` (as a month field sends it) or `2026-05-01`.
pub fn parse_month(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    let day = if raw.len() == 7 { format!("{raw}-01") } else { raw.to_string() };
    // Years as every date field takes them (`Validator::optional_day`): `%Y` reads `+12345`.
    NaiveDate::parse_from_str(&day, "%Y-%m-%d")
        .ok()
        .filter(|d| chrono::Datelike::day(d) == 1 && (1900..=2200).contains(&chrono::Datelike::year(d)))
}

/// Record a month's capital in place for a project: the amounts replace any recorded for that
/// month (`domestic` in 亿元, `foreign` in US dollars; an empty one is zero).
#[server(endpoint = "record_capital")]
pub async fn record_capital(
    id: i64,
    month: String,
    #[server(default)] domestic: String,
    #[server(default)] foreign: String,
) -> Result<(), AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageProjects)?;
    service::record(&cx, id, &month, &domestic, &foreign).await?;
    crate::auth::api::back_to_page(&format!("/projects/{id}"));
    Ok(())
}

#[cfg(feature = "ssr")]
pub mod service {
    use super::{data, parse_month};
    use crate::auth::{may_work_on_project, Action, Ctx};
    use crate::db::audit;
    use crate::error::{AppError, FieldCode, FieldError, Validator};
    use crate::projects::Wan;

    pub async fn record(cx: &Ctx, id: i64, month: &str, domestic: &str, foreign: &str) -> Result<(), AppError> {
        cx.permit(Action::ManageProjects)?;
        let mut v = Validator::default();
        let this_month = parse_month(&crate::domain::office_today(crate::db::now()).format("%Y-%m").to_string());
        let month = match parse_month(month) {
            Some(m) if Some(m) > this_month => {
                v.push(FieldError::new("month", FieldCode::DateInFuture));
                None
            }
            Some(m) => Some(m),
            None => {
                v.push(FieldError::new("month", FieldCode::InvalidDate));
                None
            }
        };
        let domestic = match domestic.trim() {
            "" => Some(Wan(0)),
            raw => Wan::parse_yi(raw).or_else(|| {
                v.push(FieldError::new("domestic", FieldCode::InvalidYiAmount));
                None
            }),
        };
        let foreign = match crate::enterprises::service::parse_cents(foreign) {
            Ok(cents) => Some(cents.unwrap_or(0)),
            Err(_) => {
                v.push(FieldError::new("foreign", FieldCode::InvalidAmount));
                None
            }
        };
        v.finish()?;
        let (Some(month), Some(domestic), Some(foreign)) = (month, domestic, foreign) else {
            return Err(AppError::Internal);
        };
        let mut tx = cx.state.db.begin().await?;
        let project = crate::projects::db::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        if !may_work_on_project(&cx.user, project.summary.officer_id, project.summary.county_id) {
            return Err(AppError::Forbidden);
        }
        if !project.summary.stage.is_signed() {
            // Money is paid in under a signed agreement.
            return Err(AppError::field("month", FieldCode::NotSignedYet));
        }
        let before = data::month_in(&mut tx, id, month).await?;
        data::set(&mut tx, id, month, domestic, foreign, cx.user.id).await?;
        let (was_domestic, was_foreign) = before.unwrap_or((Wan(0), 0));
        let changes = audit::Changes::new().fact("month", month).diff("domestic_wan", was_domestic.0, domestic.0).diff(
            "foreign_usd_cents",
            was_foreign,
            foreign,
        );
        audit::record(&mut tx, cx.entry("project_capital_recorded", "project", id, changes)).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(feature = "ssr")]
pub mod data {
    use super::{CapitalMonth, CapitalTotals};
    use crate::db::{Columns, Db, Record, Tx};
    use crate::projects::Wan;
    use chrono::NaiveDate;

    impl Record for CapitalMonth {
        fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
            Ok(CapitalMonth {
                month: row.get("month")?,
                domestic: Wan(row.get("domestic_wan")?),
                foreign_usd_cents: row.get("foreign_usd_cents")?,
                recorded_by: row.get("recorded_by")?,
            })
        }
    }

    /// A project's months, the latest first.
    pub async fn months(db: &Db, project_id: i64) -> Result<Vec<CapitalMonth>, sqlx::Error> {
        db.all(
            "select c.month, c.domestic_wan, c.foreign_usd_cents, u.display_name as recorded_by \
             from project_capital c left join users u on u.id = c.recorded_by \
             where c.project_id = $1 order by c.month desc",
            &[project_id.into()],
        )
        .await
    }

    /// A month's amounts as recorded, if they are.
    pub async fn month_in(tx: &mut Tx, project_id: i64, month: NaiveDate) -> Result<Option<(Wan, i64)>, sqlx::Error> {
        let found: Option<(i64, i64)> = tx
            .optional(
                "select domestic_wan, foreign_usd_cents from project_capital where project_id = $1 and month = $2",
                &[project_id.into(), month.into()],
            )
            .await?;
        Ok(found.map(|(d, f)| (Wan(d), f)))
    }

    /// Set a month's amounts, whether or not some were recorded.
    pub async fn set(
        tx: &mut Tx,
        project_id: i64,
        month: NaiveDate,
        domestic: Wan,
        foreign_usd_cents: i64,
        by: i64,
    ) -> Result<(), sqlx::Error> {
        let _: i64 = tx
            .one(
                "insert into project_capital (project_id, month, domestic_wan, foreign_usd_cents, recorded_by, \
                         recorded_at) values ($1, $2, $3, $4, $5, $6) \
                 on conflict (project_id, month) do update set domestic_wan = excluded.domestic_wan, \
                         foreign_usd_cents = excluded.foreign_usd_cents, recorded_by = excluded.recorded_by, \
                         recorded_at = excluded.recorded_at \
                 returning id",
                &[
                    project_id.into(),
                    month.into(),
                    domestic.0.into(),
                    foreign_usd_cents.into(),
                    by.into(),
                    crate::db::now().into(),
                ],
            )
            .await?;
        crate::projects::db::touch(tx).await
    }

    /// The city's capital in place over the months from `from`'s to `to`'s, every project.
    pub async fn city_totals(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<CapitalTotals, sqlx::Error> {
        let first = super::parse_month(&from.format("%Y-%m").to_string()).unwrap_or(from);
        let (domestic, foreign): (i64, i64) = db
            .one(
                "select cast(coalesce(sum(domestic_wan), 0) as bigint), \
                        cast(coalesce(sum(foreign_usd_cents), 0) as bigint) \
                 from project_capital where month >= $1 and month <= $2",
                &[first.into(), to.into()],
            )
            .await?;
        Ok(CapitalTotals { domestic: Wan(domestic), foreign_usd_cents: foreign })
    }
}
