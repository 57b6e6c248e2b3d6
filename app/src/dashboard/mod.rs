//! The leaders' dashboard: the office's figures for a period the reader chooses (the year to
//! date unless the address says otherwise: `?year=2025`, `?year=2025&quarter=2`,
//! `?year=2025&month=3`, `?from=…&to=…`), beside the same period a year before, each figure a
//! link to the list behind it. Each area computes its own figures (`projects::figures`,
//! `promotion::figures`, …); this area only reads those the reader's role may read.

pub mod api;
pub mod charts;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

/// `tr!(locale, "id")`: a message in the language asked for, whatever the page's (the review's
/// language, a CSV's, the names of the tables); the shape of leptos-fluent's `tr!`, so that
/// its translation check covers these messages too. Only the modules declared after it see it.
macro_rules! tr {
    ($locale:expr, $id:literal) => {
        $crate::i18n::message_in($locale, $id)
    };
    ($locale:expr, $id:literal, { $($name:literal => $value:expr),* $(,)? }) => {
        $crate::translate::t_args($locale, $id, &[$(($name, $crate::translate::FluentValue::from($value))),*])
    };
}

#[cfg(feature = "ssr")]
pub mod review;
pub mod words;

use crate::error::{FieldCode, FieldError};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The period as the address gives it; any part may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PeriodQuery {
    pub year: String,
    pub quarter: String,
    pub month: String,
    pub from: String,
    pub to: String,
}

impl PeriodQuery {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> PeriodQuery {
        let text = |k: &str| get(k).map(|v| v.trim().to_string()).unwrap_or_default();
        PeriodQuery {
            year: text("year"),
            quarter: text("quarter"),
            month: text("month"),
            from: text("from"),
            to: text("to"),
        }
    }
}

/// Which kind of period the reader chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodKind {
    YearToDate,
    Year,
    Quarter(u32),
    Month(u32),
    Range,
}

/// A period of whole days, its first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The years a period may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

impl Period {
    /// The period the query names, `today` being the office's day (for the year to date).
    pub fn read(q: &PeriodQuery, today: NaiveDate) -> Result<Period, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut day = |field: &'static str, raw: &str| match raw {
            "" => None,
            raw => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
                Ok(d) if YEARS.contains(&d.year()) => Some(d),
                _ => {
                    errors.push(FieldError::new(field, FieldCode::InvalidDate));
                    None
                }
            },
        };
        if !q.from.is_empty() || !q.to.is_empty() {
            let (from, to) = (day("from", &q.from), day("to", &q.to));
            if q.from.is_empty() {
                errors.push(FieldError::new("from", FieldCode::Required));
            }
            let to = if q.to.is_empty() { Some(today) } else { to };
            return match (from, to) {
                (Some(from), Some(to)) if errors.is_empty() => {
                    if to < from {
                        Err(vec![FieldError::new("to", FieldCode::EndsBeforeStart)])
                    } else {
                        Ok(Period { kind: PeriodKind::Range, from, to })
                    }
                }
                _ => Err(errors),
            };
        }
        let number =
            |field: &'static str, raw: &str, range: std::ops::RangeInclusive<i64>, errors: &mut Vec<FieldError>| {
                match raw {
                    "" => None,
                    raw => match raw.parse::<i64>() {
                        Ok(n) if range.contains(&n) => Some(n),
                        _ => {
                            errors.push(FieldError::new(field, FieldCode::InvalidNumber));
                            None
                        }
                    },
                }
            };
        let year = number("year", &q.year, *YEARS.start() as i64..=*YEARS.end() as i64, &mut errors);
        let quarter = number("quarter", &q.quarter, 1..=4, &mut errors);
        let month = number("month", &q.month, 1..=12, &mut errors);
        if quarter.is_some() && month.is_some() {
            errors.push(FieldError::new("month", FieldCode::QuarterOrMonth));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let first = |y: i64, m: i64| NaiveDate::from_ymd_opt(y as i32, m as u32, 1);
        let span = |kind, start: Option<NaiveDate>, months: u32| {
            let from = start.ok_or_else(|| vec![FieldError::new("year", FieldCode::InvalidNumber)])?;
            let to = from.checked_add_months(Months::new(months)).and_then(|d| d.pred_opt()).unwrap_or(from);
            Ok(Period { kind, from, to })
        };
        match (year, quarter, month) {
            (None, None, None) => {
                span(PeriodKind::YearToDate, first(today.year() as i64, 1), 12).map(|p| Period { to: today, ..p })
            }
            (None, _, _) => Err(vec![FieldError::new("year", FieldCode::Required)]),
            (Some(y), None, None) => span(PeriodKind::Year, first(y, 1), 12),
            (Some(y), Some(q), _) => span(PeriodKind::Quarter(q as u32), first(y, q * 3 - 2), 3),
            (Some(y), None, Some(m)) => span(PeriodKind::Month(m as u32), first(y, m), 1),
        }
    }

    /// The same period one year earlier (29 February becomes the 28th).
    pub fn year_before(&self) -> Period {
        let back = |d: NaiveDate| d.checked_sub_months(Months::new(12)).unwrap_or(d);
        Period { kind: self.kind, from: back(self.from), to: back(self.to) }
    }

    /// The period's part of an address, as `read` takes it back.
    pub fn to_query(&self) -> String {
        let year = self.from.year().to_string();
        let pairs: Vec<(&str, Option<String>)> = match self.kind {
            PeriodKind::YearToDate => vec![],
            PeriodKind::Year => vec![("year", Some(year))],
            PeriodKind::Quarter(q) => vec![("year", Some(year)), ("quarter", Some(q.to_string()))],
            PeriodKind::Month(m) => vec![("year", Some(year)), ("month", Some(m.to_string()))],
            PeriodKind::Range => vec![("from", Some(self.from.to_string())), ("to", Some(self.to.to_string()))],
        };
        crate::shell::query_string(&pairs)
    }
}

/// A figure's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Amount {
    Count(i64),
    /// 万元, shown in 亿元.
    Wan(i64),
    UsdCents(i64),
    /// Hundredths of a per cent; None when there is nothing to divide by.
    Percent(Option<u64>),
    /// An average of stars, in hundredths; None without ratings.
    Stars(Option<i64>),
    /// Working days, in hundredths (a median may fall between two); None without any.
    Days(Option<i64>),
}

crate::codes!(FigureName {
    CapitalDomestic = "capital_domestic",
    CapitalForeign = "capital_foreign",
    ProjectsOnList = "projects_on_list",
    StartRate = "start_rate",
    CompletionRate = "completion_rate",
    ProjectsSigned = "projects_signed",
    InvestmentSigned = "investment_signed",
    SignedThroughVisits = "signed_through_visits",
    InvestmentThroughVisits = "investment_through_visits",
    TargetFirms = "target_firms",
    PromotedPublished = "promoted_published",
    LeadsOpen = "leads_open",
    LeadsOverdue = "leads_overdue",
    LeadsOpened = "leads_opened",
    BrochureIssues = "brochure_issues",
    BrochurePresented = "brochure_presented",
    BrochureSigned = "brochure_signed",
    SubChains = "sub_chains",
    PoliciesWithdrawn = "policies_withdrawn",
    DelegationsReceived = "delegations_received",
    VisitorsReceived = "visitors_received",
    DelegationsSent = "delegations_sent",
    PeopleSent = "people_sent",
    SisterCities = "sister_cities",
    ProspectiveCities = "prospective_cities",
    ExchangeCities = "exchange_cities",
    NewProspectiveCities = "new_prospective_cities",
    Enterprises = "enterprises",
    KeyEnterprises = "key_enterprises",
    NewEnterprises = "new_enterprises",
    VisitsOverdue = "visits_overdue",
    CasesOpened = "cases_opened",
    CasesResolved = "cases_resolved",
    CasesOverdue = "cases_overdue",
    OnTimeRate = "on_time_rate",
    MedianDays = "median_days",
    GreenChannelShare = "green_channel_share",
    Satisfaction = "satisfaction",
    Ratings = "ratings",
});

/// The unit a figure is counted and targeted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Count,
    Wan,
    UsdCents,
    Percent,
    Stars,
    Days,
}

impl FigureName {
    /// The figures a year's target (预期目标) may be set for, in the targets form's order.
    pub const TARGETED: [FigureName; 13] = [
        FigureName::CapitalDomestic,
        FigureName::CapitalForeign,
        FigureName::ProjectsOnList,
        FigureName::StartRate,
        FigureName::CompletionRate,
        FigureName::ProjectsSigned,
        FigureName::InvestmentSigned,
        FigureName::SignedThroughVisits,
        FigureName::InvestmentThroughVisits,
        FigureName::DelegationsReceived,
        FigureName::VisitorsReceived,
        FigureName::NewEnterprises,
        FigureName::Satisfaction,
    ];

    pub fn unit(self) -> Unit {
        use FigureName as F;
        match self {
            F::CapitalDomestic | F::InvestmentSigned | F::InvestmentThroughVisits => Unit::Wan,
            F::CapitalForeign => Unit::UsdCents,
            F::StartRate | F::CompletionRate | F::GreenChannelShare | F::OnTimeRate => Unit::Percent,
            F::MedianDays => Unit::Days,
            F::Satisfaction => Unit::Stars,
            _ => Unit::Count,
        }
    }
}

impl Unit {
    /// A value of this unit held as one number (what a target stores).
    pub fn amount(self, value: i64) -> Amount {
        match self {
            Unit::Count => Amount::Count(value),
            Unit::Wan => Amount::Wan(value),
            Unit::UsdCents => Amount::UsdCents(value),
            Unit::Percent => Amount::Percent(u64::try_from(value).ok()),
            Unit::Stars => Amount::Stars(Some(value)),
            Unit::Days => Amount::Days(Some(value)),
        }
    }
}

impl Amount {
    /// The one number behind the amount, when there is one.
    pub fn value(self) -> Option<i64> {
        match self {
            Amount::Count(n) | Amount::Wan(n) | Amount::UsdCents(n) => Some(n),
            Amount::Percent(p) => p.and_then(|p| i64::try_from(p).ok()),
            Amount::Stars(s) | Amount::Days(s) => s,
        }
    }
}

/// How a figure stands against its year's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Progress {
    Below,
    Met,
    Exceeded,
}

impl Figure {
    pub fn progress(&self) -> Option<Progress> {
        let (now, target) = (self.now.value()?, self.target?.value()?);
        Some(match now.cmp(&target) {
            std::cmp::Ordering::Less => Progress::Below,
            std::cmp::Ordering::Equal => Progress::Met,
            std::cmp::Ordering::Greater => Progress::Exceeded,
        })
    }
}

/// One line of the dashboard: the period's value, the year before's (None for a figure of
/// today, such as what is overdue now), and the list behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub name: FigureName,
    pub now: Amount,
    pub before: Option<Amount>,
    /// The year's target, on a dashboard of one year (or the year to date).
    pub target: Option<Amount>,
    pub href: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SectionName {
    Projects,
    Promotion,
    Delegations,
    Cities,
    Enterprises,
    Cases,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub name: SectionName,
    pub figures: Vec<Figure>,
    /// The section's breakdowns, each drawn as a chart where it has one.
    pub tables: Vec<Table>,
}

crate::codes!(TableName {
    ProjectsByMonth = "projects_by_month",
    Funnel = "funnel",
    Chains = "chains",
    Counties = "counties",
    LeaderTasks = "leader_tasks",
    FirmsByChain = "firms_by_chain",
    DelegationsByMonth = "delegations_by_month",
    DelegationCountries = "delegation_countries",
    EnterpriseCountries = "enterprise_countries",
    CasesByMonth = "cases_by_month",
    CaseTypes = "case_types",
    Departments = "departments",
});

crate::codes!(ColumnName {
    Month = "month",
    Stage = "stage",
    OnList = "on_list",
    Chain = "chain",
    County = "county",
    Country = "country",
    CaseType = "case_type",
    Department = "department",
    Leader = "leader",
    Projects = "projects",
    Investment = "investment",
    Started = "started",
    Completed = "completed",
    StartRate = "start_rate",
    TargetProjects = "target_projects",
    TargetInvestment = "target_investment",
    Firms = "firms",
    DelegationsReceived = "delegations_received",
    VisitorsReceived = "visitors_received",
    DelegationsSent = "delegations_sent",
    PeopleSent = "people_sent",
    Enterprises = "enterprises",
    Opened = "opened",
    Resolved = "resolved",
    OnTimeRate = "on_time_rate",
    MedianDays = "median_days",
    TasksAssigned = "tasks_assigned",
    TasksDone = "tasks_done",
    TasksOpen = "tasks_open",
    TasksOverdue = "tasks_overdue",
});

/// How a table is drawn beside its text: columns month by month, bars, or dots on the world
/// map (the rows' labels are countries). The chart shows the table's first value column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Chart {
    Months,
    Bars,
    Map,
}

/// What a row of a table is about, named in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Label {
    /// A month, by its first day.
    Month(NaiveDate),
    /// A country, by its ISO code.
    Country(String),
    CaseType(crate::domain::CaseType),
    Column(ColumnName),
    /// A name kept in the three languages (a chain, a county, a department), or a person's.
    Named(crate::promotion::Written),
    /// The rows without a chain or a county.
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    pub label: Label,
    pub values: Vec<Amount>,
    /// The list behind the row.
    pub href: Option<String>,
}

/// A breakdown of a section's figures: a text table (the screen readers' and the CSV's),
/// and the chart that draws its first value column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub name: TableName,
    pub chart: Option<Chart>,
    /// The heading of the labels' column, then of each value column.
    pub label: ColumnName,
    pub columns: Vec<ColumnName>,
    pub rows: Vec<TableRow>,
}

impl Label {
    /// The label in `locale`'s words.
    pub fn text(&self, locale: crate::domain::Locale) -> String {
        match self {
            Label::Month(first) => crate::i18n::format_month(*first, locale),
            Label::Country(code) => crate::domain::Country::parse("country", code)
                .map(|c| c.name(locale).to_string())
                .unwrap_or_else(|_| code.clone()),
            Label::CaseType(t) => words::case_type(*t, locale),
            Label::Column(c) => c.text(locale),
            Label::Named(w) => w.for_reader(locale).0.to_string(),
            Label::None => words::none(locale),
        }
    }
}

impl Amount {
    /// The amount as a spreadsheet reads it: a plain number with a decimal point, in the
    /// unit its column names (亿元, dollars, per cent, stars, working days); empty for none.
    pub fn plain(self) -> String {
        let hundredths = |h: i64| format!("{}{}.{:02}", if h < 0 { "-" } else { "" }, (h / 100).abs(), (h % 100).abs());
        match self {
            Amount::Count(n) => n.to_string(),
            Amount::Wan(w) => crate::projects::Wan(w).yi(),
            Amount::UsdCents(c) => hundredths(c),
            Amount::Percent(p) => p.map(|p| hundredths(p as i64)).unwrap_or_default(),
            Amount::Stars(s) | Amount::Days(s) => s.map(hundredths).unwrap_or_default(),
        }
    }
}

impl Table {
    /// The table as CSV rows, headings first, in `locale`'s words.
    pub fn csv_rows(&self, locale: crate::domain::Locale) -> (Vec<String>, Vec<Vec<String>>) {
        let headings =
            std::iter::once(self.label).chain(self.columns.iter().copied()).map(|c| c.text(locale)).collect();
        let rows = self
            .rows
            .iter()
            .map(|r| std::iter::once(r.label.text(locale)).chain(r.values.iter().map(|a| a.plain())).collect())
            .collect();
        (headings, rows)
    }

    /// The address of the table as CSV, for the period `p`.
    pub fn csv_href(&self, p: &Period) -> String {
        let table = format!("table={}", self.name.as_str());
        crate::shell::with_query("/dashboard/table.csv", [p.to_query(), table].join("&").trim_start_matches('&'))
    }
}

/// A promotion event that began in the period, with what was signed at it (as it stands).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventLine {
    pub name: String,
    pub starts_on: NaiveDate,
    pub signed: i64,
    /// 万元.
    pub investment: i64,
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub period: Period,
    pub before: Period,
    pub today: NaiveDate,
    /// The year whose targets the figures stand against: the period's, when it is a whole
    /// year or the year to date.
    pub target_year: Option<i32>,
    /// Whether the reader may set the targets (administrators).
    pub sets_targets: bool,
    /// The sections the reader's role may read, in the dashboard's order.
    pub sections: Vec<Section>,
    /// The events of the period (for a reader of the projects).
    pub events: Vec<EventLine>,
    /// The prospective friendship cities new in the period (for a reader of the cities).
    pub new_cities: Vec<crate::promotion::Written>,
}

/// The targets form: each targeted figure with its target written as the form takes it
/// (亿元, dollars, per cent with two decimals, stars), empty where none is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetsView {
    pub year: i32,
    pub targets: Vec<(FigureName, String)>,
}

impl TargetsView {
    /// A stored target as the form shows it.
    pub fn written(unit: Unit, value: i64) -> String {
        match unit {
            Unit::Count => value.to_string(),
            Unit::Wan => crate::projects::Wan(value).yi(),
            Unit::UsdCents | Unit::Percent | Unit::Stars | Unit::Days => {
                format!("{}.{:02}", value / 100, value % 100)
            }
        }
    }
}

/// Names as a list in the reader's language: "里尔、帕多瓦", "Lille, Padua".
pub fn names_in(names: &[crate::promotion::Written], locale: crate::domain::Locale) -> String {
    let separator = if locale == crate::domain::Locale::ZhCn { "、" } else { ", " };
    names.iter().map(|n| n.for_reader(locale).0).collect::<Vec<_>>().join(separator)
}

impl Dashboard {
    pub fn figure(&self, name: FigureName) -> Option<&Figure> {
        self.sections.iter().flat_map(|s| &s.figures).find(|f| f.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn read(pairs: &[(&str, &str)]) -> Result<Period, Vec<FieldError>> {
        let q = PeriodQuery::from_query(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string()));
        Period::read(&q, day("2026-12-06"))
    }

    #[test]
    fn a_period_is_read_from_the_address_and_written_back() {
        let ytd = read(&[]).unwrap();
        assert_eq!((ytd.kind, ytd.from, ytd.to), (PeriodKind::YearToDate, day("2026-01-01"), day("2026-12-06")));
        let year = read(&[("year", "2025")]).unwrap();
        assert_eq!((year.from, year.to), (day("2025-01-01"), day("2025-12-31")));
        let q2 = read(&[("year", "2025"), ("quarter", "2")]).unwrap();
        assert_eq!((q2.from, q2.to), (day("2025-04-01"), day("2025-06-30")));
        let feb = read(&[("year", "2024"), ("month", "2")]).unwrap();
        assert_eq!((feb.from, feb.to), (day("2024-02-01"), day("2024-02-29")));
        let range = read(&[("from", "2025-03-15"), ("to", "2025-11-02")]).unwrap();
        assert_eq!((range.kind, range.from, range.to), (PeriodKind::Range, day("2025-03-15"), day("2025-11-02")));
        for p in [ytd, year, q2, feb, range] {
            let q = p.to_query();
            let pairs: Vec<(String, String)> = q
                .trim_start_matches('?')
                .split('&')
                .filter(|s| !s.is_empty())
                .map(|kv| kv.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).unwrap())
                .collect();
            let back = PeriodQuery::from_query(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));
            assert_eq!(Period::read(&back, day("2026-12-06")).unwrap(), p, "{q}");
        }
    }

    #[test]
    fn the_year_before_crosses_the_year_boundary_and_29_february() {
        let feb = read(&[("year", "2024"), ("month", "2")]).unwrap().year_before();
        assert_eq!((feb.from, feb.to), (day("2023-02-01"), day("2023-02-28")));
        let winter = read(&[("from", "2025-12-01"), ("to", "2026-01-31")]).unwrap().year_before();
        assert_eq!((winter.from, winter.to), (day("2024-12-01"), day("2025-01-31")));
        let ytd = read(&[]).unwrap().year_before();
        assert_eq!((ytd.from, ytd.to), (day("2025-01-01"), day("2025-12-06")));
    }

    /// The tables' captions, headings and labels are named in every language.
    #[cfg(feature = "ssr")]
    #[test]
    fn every_table_caption_heading_and_label_has_its_words() {
        for locale in crate::domain::Locale::ALL {
            let mut texts: Vec<String> = TableName::ALL.iter().map(|t| t.text(locale)).collect();
            texts.extend(ColumnName::ALL.iter().map(|c| c.text(locale)));
            texts.extend(crate::domain::CaseType::ALL.iter().map(|t| Label::CaseType(*t).text(locale)));
            texts.push(Label::None.text(locale));
            for text in texts {
                assert!(!text.is_empty() && !text.starts_with("dashboard-") && !text.starts_with("Unknown"), "{text}");
            }
        }
        assert_eq!(Label::Column(ColumnName::Started).text(crate::domain::Locale::Fr), "Démarrés");
        assert_eq!(Label::Country("SG".into()).text(crate::domain::Locale::En), "Singapore");
        assert_eq!(TableName::CaseTypes.text(crate::domain::Locale::ZhCn), "分类型诉求");
    }

    #[test]
    fn a_bad_period_says_which_field_is_wrong() {
        let field = |r: Result<Period, Vec<FieldError>>| {
            r.unwrap_err().iter().map(|e| format!("{} {:?}", e.field, e.code)).collect::<Vec<_>>()
        };
        assert_eq!(field(read(&[("year", "1999")])), ["year InvalidNumber"]);
        assert_eq!(field(read(&[("year", "2025"), ("quarter", "5")])), ["quarter InvalidNumber"]);
        assert_eq!(field(read(&[("month", "3")])), ["year Required"]);
        assert_eq!(field(read(&[("year", "2025"), ("quarter", "1"), ("month", "3")])), ["month QuarterOrMonth"]);
        assert_eq!(field(read(&[("from", "2025-05-01"), ("to", "2025-04-30")])), ["to EndsBeforeStart"]);
        assert_eq!(field(read(&[("to", "2025-04-30")])), ["from Required"]);
        assert_eq!(field(read(&[("from", "2025-02-30")])), ["from InvalidDate"]);
    }
}
