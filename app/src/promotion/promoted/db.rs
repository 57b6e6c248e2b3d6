//! The promoted projects' SQL: the projects with the names of where they sit, their leads'
//! conversion, and the expressions of interest the portal receives.

use super::{Conversion, Cooperation, Enquiry, PromotedFilter, PromotedProject, PromotedStatus};
use crate::db::{Arg, Columns, Db, Record, Tx, Where};
use crate::projects::Wan;
use crate::promotion::Written;
use chrono::{DateTime, Utc};

crate::code_column!(Cooperation, PromotedStatus);

const COLUMNS: &str = "p.id, p.title_zh, p.title_en, p.title_fr, p.description_zh, p.description_en, \
     p.description_fr, p.offer_zh, p.offer_en, p.offer_fr, sc.chain_id, p.sub_chain_id, sc.name_zh as sub_zh, \
     sc.name_en as sub_en, sc.name_fr as sub_fr, p.segment_id, sg.name_zh as seg_zh, sg.name_en as seg_en, \
     sg.name_fr as seg_fr, p.county_id, c.name_zh as county_zh, c.name_en as county_en, c.name_fr as county_fr, \
     p.investment_wan, p.land_mu, p.cooperation, p.officer_id, u.display_name as officer_name, \
     u.email as officer_email, p.status, p.published_at, p.version";

const FROM: &str = "promoted_projects p join industry_sub_chains sc on sc.id = p.sub_chain_id \
     join users u on u.id = p.officer_id left join chain_segments sg on sg.id = p.segment_id \
     left join counties c on c.id = p.county_id";

/// The latest published first, then the drafts by their number.
const ORDER: &str = "order by p.published_at is null, p.published_at desc, p.id desc";

fn written(row: &Columns<'_>, field: &str) -> Result<Written, sqlx::Error> {
    Ok(Written {
        zh: row.get(&format!("{field}_zh"))?,
        en: row.get(&format!("{field}_en"))?,
        fr: row.get(&format!("{field}_fr"))?,
    })
}

fn names(row: &Columns<'_>, field: &str) -> Result<Option<[String; 3]>, sqlx::Error> {
    let zh: Option<String> = row.get(&format!("{field}_zh"))?;
    let en: Option<String> = row.get(&format!("{field}_en"))?;
    let fr: Option<String> = row.get(&format!("{field}_fr"))?;
    Ok(zh.map(|zh| [zh, en.unwrap_or_default(), fr.unwrap_or_default()]))
}

impl Record for PromotedProject {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(PromotedProject {
            id: row.get("id")?,
            title: written(row, "title")?,
            description: written(row, "description")?,
            offer: written(row, "offer")?,
            chain_id: row.get("chain_id")?,
            sub_chain_id: row.get("sub_chain_id")?,
            sub_chain: names(row, "sub")?.unwrap_or_default(),
            segment_id: row.get("segment_id")?,
            segment: names(row, "seg")?,
            county_id: row.get("county_id")?,
            county: names(row, "county")?,
            investment: Wan(row.get("investment_wan")?),
            land_mu: row.get("land_mu")?,
            cooperation: row.get("cooperation")?,
            officer_id: row.get("officer_id")?,
            officer_name: row.get("officer_name")?,
            officer_email: row.get("officer_email")?,
            status: row.get("status")?,
            published_at: row.get("published_at")?,
            version: row.get("version")?,
        })
    }
}

impl Record for Enquiry {
    fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
        Ok(Enquiry {
            promoted_project_id: row.get("promoted_project_id")?,
            company: row.get("company")?,
            country: row.get("country")?,
            contact_name: row.get("contact_name")?,
            email: row.get("email")?,
            phone: row.get("phone")?,
            language: row.get("language")?,
            message: row.get("message")?,
            created_at: row.get("created_at")?,
        })
    }
}

fn conditions(f: &PromotedFilter) -> Where {
    let mut cond = Where::default();
    if let Some(status) = f.status {
        cond.push("p.status = ?", vec![status.as_str().into()]);
    }
    if let Some(chain) = f.chain {
        cond.push("sc.chain_id = ?", vec![chain.into()]);
    }
    if let Some(size) = f.size {
        let (low, high) = size.bounds();
        cond.push("p.investment_wan >= ?", vec![low.into()]);
        if let Some(high) = high {
            cond.push("p.investment_wan < ?", vec![high.into()]);
        }
    }
    if let Some(q) = &f.q {
        let like = format!("%{}%", crate::db::escape_like(&q.to_lowercase()));
        cond.push(
            "(lower(p.title_zh) like ? escape '\\' or lower(p.title_en) like ? escape '\\' \
              or lower(p.title_fr) like ? escape '\\')",
            vec![like.clone().into(), like.clone().into(), like.into()],
        );
    }
    cond
}

/// One page of projects and how many the filter finds.
pub async fn page(db: &Db, f: &PromotedFilter, per_page: i64) -> Result<(Vec<PromotedProject>, i64), sqlx::Error> {
    let cond = conditions(f);
    let filters = cond.sql();
    let offset = f.page.clamp(0, crate::domain::MAX_PAGE) * per_page;
    let items = db
        .all(&format!("select {COLUMNS} from {FROM}{filters} {ORDER} limit {per_page} offset {offset}"), &cond.args)
        .await?;
    let total = db
        .one(
            &format!(
                "select count(*) from promoted_projects p \
                 join industry_sub_chains sc on sc.id = p.sub_chain_id{filters}"
            ),
            &cond.args,
        )
        .await?;
    Ok((items, total))
}

pub async fn get(db: &Db, id: i64) -> Result<Option<PromotedProject>, sqlx::Error> {
    db.optional(&format!("select {COLUMNS} from {FROM} where p.id = $1"), &[id.into()]).await
}

pub async fn get_in(tx: &mut Tx, id: i64) -> Result<Option<PromotedProject>, sqlx::Error> {
    tx.optional(&format!("select {COLUMNS} from {FROM} where p.id = $1"), &[id.into()]).await
}

/// `$1, $2, …` for the ids, and the ids as arguments.
fn id_list(ids: &[i64]) -> (String, Vec<Arg>) {
    (crate::db::marks(1, ids.len()), ids.iter().map(|id| Arg::from(*id)).collect())
}

/// The projects `ids`, in no order.
pub async fn some(db: &Db, ids: &[i64]) -> Result<Vec<PromotedProject>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let (marks, args) = id_list(ids);
    db.all(&format!("select {COLUMNS} from {FROM} where p.id in ({marks})"), &args).await
}

/// The leads each of the projects `ids` brought, and how many became a project now signed;
/// one statement for them all, a project without leads absent.
pub async fn conversions(db: &Db, ids: &[i64]) -> Result<Vec<(i64, Conversion)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let (marks, args) = id_list(ids);
    let rows: Vec<(i64, i64, i64)> = db
        .all(
            &format!(
                "select l.promoted_project_id, count(*), coalesce(sum(case when l.status = 'became_project' \
                     and pr.stage in ('signed', 'started', 'completed') then 1 else 0 end), 0) \
                 from leads l left join projects pr on pr.id = l.project_id \
                 where l.promoted_project_id in ({marks}) group by l.promoted_project_id"
            ),
            &args,
        )
        .await?;
    Ok(rows.into_iter().map(|(id, leads, signed)| (id, Conversion { leads, signed })).collect())
}

/// The leads one project brought, and how many became a project now signed.
pub async fn conversion(db: &Db, id: i64) -> Result<Conversion, sqlx::Error> {
    Ok(conversions(db, &[id]).await?.first().map(|(_, c)| *c).unwrap_or_default())
}

/// The brochure issues presenting a project: (id, number), the first issue first.
pub async fn brochures_of(db: &Db, id: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    db.all(
        "select i.id, i.number from brochure_entries e join brochure_issues i on i.id = e.issue_id \
         where e.promoted_project_id = $1 order by i.number",
        &[id.into()],
    )
    .await
}

/// How many promoted projects aim at each segment of a sub-chain (for its map).
pub async fn per_segment(db: &Db, sub_chain_id: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    db.all(
        "select segment_id, count(*) from promoted_projects \
         where sub_chain_id = $1 and segment_id is not null group by segment_id",
        &[sub_chain_id.into()],
    )
    .await
}

/// A project's fields as its form sets them.
pub struct Fields<'a> {
    pub title: &'a Written,
    pub description: &'a Written,
    pub offer: &'a Written,
    pub sub_chain_id: i64,
    pub segment_id: Option<i64>,
    pub county_id: Option<i64>,
    pub investment: Wan,
    pub land_mu: Option<i64>,
    pub cooperation: Cooperation,
    pub officer_id: i64,
}

fn field_args(f: &Fields<'_>) -> Vec<Arg> {
    let mut args = Vec::new();
    for w in [f.title, f.description, f.offer] {
        args.extend([w.zh.as_str().into(), w.en.as_str().into(), w.fr.as_str().into()]);
    }
    args.extend([
        f.sub_chain_id.into(),
        f.segment_id.into(),
        f.county_id.into(),
        f.investment.0.into(),
        f.land_mu.into(),
        f.cooperation.as_str().into(),
        f.officer_id.into(),
    ]);
    args
}

pub async fn insert(tx: &mut Tx, f: &Fields<'_>, by: i64, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    tx.one(
        "insert into promoted_projects (title_zh, title_en, title_fr, description_zh, description_en, \
             description_fr, offer_zh, offer_en, offer_fr, sub_chain_id, segment_id, county_id, investment_wan, \
             land_mu, cooperation, officer_id, created_by, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) returning id",
        &[field_args(f).as_slice(), &[by.into(), at.into()]].concat(),
    )
    .await
}

/// Change a project at `version`; false when it is at another.
pub async fn update(
    tx: &mut Tx,
    id: i64,
    version: i32,
    f: &Fields<'_>,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done: Option<i64> = tx
        .optional(
            "update promoted_projects set title_zh = $1, title_en = $2, title_fr = $3, description_zh = $4, \
                 description_en = $5, description_fr = $6, offer_zh = $7, offer_en = $8, offer_fr = $9, \
                 sub_chain_id = $10, segment_id = $11, county_id = $12, investment_wan = $13, land_mu = $14, \
                 cooperation = $15, officer_id = $16, updated_at = $17, version = version + 1 \
             where id = $18 and version = $19 returning id",
            &[field_args(f).as_slice(), &[at.into(), id.into(), version.into()]].concat(),
        )
        .await?;
    Ok(done.is_some())
}

/// Publish a project, or take it back to a draft, at `version`; false when it is at another.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    version: i32,
    status: PromotedStatus,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let published: Option<DateTime<Utc>> = (status == PromotedStatus::Published).then_some(at);
    let done: Option<i64> = tx
        .optional(
            "update promoted_projects set status = $1, published_at = $2, updated_at = $3, version = version + 1 \
             where id = $4 and version = $5 returning id",
            &[status.as_str().into(), published.into(), at.into(), id.into(), version.into()],
        )
        .await?;
    Ok(done.is_some())
}

/// Keep an expression of interest beside the lead it became.
pub async fn insert_enquiry(tx: &mut Tx, lead_id: i64, e: &Enquiry) -> Result<i64, sqlx::Error> {
    tx.one(
        "insert into interest_enquiries (promoted_project_id, lead_id, company, country, contact_name, email, \
             phone, language, message, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id",
        &[
            e.promoted_project_id.into(),
            lead_id.into(),
            e.company.as_str().into(),
            e.country.as_str().into(),
            e.contact_name.as_str().into(),
            e.email.as_str().into(),
            e.phone.as_str().into(),
            e.language.tag().into(),
            e.message.as_str().into(),
            e.created_at.into(),
        ],
    )
    .await
}

/// The expression of interest a lead came from, if it came from one.
pub async fn enquiry_of(db: &Db, lead_id: i64) -> Result<Option<Enquiry>, sqlx::Error> {
    db.optional(
        "select promoted_project_id, company, country, contact_name, email, phone, language, message, created_at \
         from interest_enquiries where lead_id = $1",
        &[lead_id.into()],
    )
    .await
}

/// Whether a promoted project `id` exists.
pub async fn exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = db.optional("select id from promoted_projects where id = $1", &[id.into()]).await?;
    Ok(found.is_some())
}

/// Every published project as (id, Chinese title), the latest published first (at most 5 000).
pub async fn published_titles(db: &Db) -> Result<Vec<(i64, String)>, sqlx::Error> {
    db.all(
        "select id, title_zh from promoted_projects where status = 'published' \
         order by published_at desc, id desc limit 5000",
        &[],
    )
    .await
}
