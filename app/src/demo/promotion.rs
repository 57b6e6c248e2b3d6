//! Promotion: the target-firm library (798 firms), the promoted projects (639, published), the
//! brochure's 13 issues presenting 95 of them of which 17 became signed projects through their
//! leads, the leads to follow around today, and the 22 withdrawn policy documents.

use super::people::Staff;
use super::projects::{Places, Register, COUNTIES, FROM_BROCHURE};
use super::{at, day, plus, DemoError};
use crate::db::Tx;
use crate::projects::Wan;
use crate::promotion::leads::{db as leads, LeadSource, LeadStatus};
use crate::promotion::promoted::{db as promoted, Cooperation, PromotedStatus};
use crate::promotion::target_firms::{db as firms, import::match_key, FirmRow, FirmSize};
use crate::promotion::{brochures, policies, Written};
use chrono::NaiveDate;

const FIRMS: usize = 798;
const PROMOTED: usize = 639;
/// Projects per brochure issue: 4 × 8 + 9 × 7 = 95.
const ISSUES: [usize; 13] = [8, 8, 8, 8, 7, 7, 7, 7, 7, 7, 7, 7, 7];
const WITHDRAWN: usize = 22;
const IN_FORCE: usize = 12;

/// 38 stems × 21 trades: the 798 firms' names.
const STEMS: [&str; 38] = [
    "Aster",
    "Boreal",
    "Cedar",
    "Delta",
    "Ember",
    "Fjord",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orion",
    "Pioneer",
    "Quartz",
    "Riviera",
    "Summit",
    "Tidal",
    "Umbra",
    "Vantage",
    "Willow",
    "Xenon",
    "Yarrow",
    "Zenith",
    "Alto",
    "Beacon",
    "Cobalt",
    "Dune",
    "Evergreen",
    "Falcon",
    "Glacier",
    "Horizon",
    "Indigo",
    "Jade",
    "Keystone",
    "Lotus",
];
const TRADES: [&str; 21] = [
    "Batteries",
    "Motors",
    "Automotive",
    "Semiconductors",
    "Devices",
    "Displays",
    "Pharma",
    "Medical",
    "Herbal",
    "Alloys",
    "Chemicals",
    "Robotics",
    "Aero",
    "Fine Chemicals",
    "Hydrogen",
    "Foods",
    "Agritech",
    "Textiles",
    "Fashion",
    "Logistics",
    "Commerce",
];
const FIRM_COUNTRIES: [&str; 12] = ["DE", "FR", "IT", "JP", "KR", "ES", "SG", "US", "GB", "CH", "NL", "SE"];
const STEPS: [&str; 4] = ["电话回访", "寄送项目活页", "邀请来访考察", "安排视频会谈"];

#[allow(clippy::too_many_arguments)]
pub async fn load(
    tx: &mut Tx,
    staff: &Staff,
    places: &Places,
    register: &Register,
    delegation_lead: i64,
    year: i32,
    today: NaiveDate,
) -> Result<(), DemoError> {
    let firm_ids = target_firms(tx, staff, today).await?;
    let projects = promoted_projects(tx, staff, places, year).await?;
    brochure(tx, staff, &projects, register, year).await?;
    open_leads(tx, staff, &firm_ids, &projects, delegation_lead, year, today).await?;
    policy_documents(tx, staff, year).await?;
    Ok(())
}

async fn target_firms(tx: &mut Tx, staff: &Staff, today: NaiveDate) -> Result<Vec<i64>, DemoError> {
    let mut ids = Vec::with_capacity(FIRMS);
    for i in 0..FIRMS {
        let name = format!("{} {}", STEMS[i % STEMS.len()], TRADES[i / STEMS.len()]);
        let country = FIRM_COUNTRIES[(i * 5) % FIRM_COUNTRIES.len()];
        let followed = i % 4 == 0;
        let row = FirmRow {
            name: name.clone(),
            name_zh: String::new(),
            country: country.into(),
            size: Some(FirmSize::ALL[i % FirmSize::ALL.len()]),
            website: format!("https://www.{}.example", name.to_lowercase().replace(' ', "-")),
            contacts: String::new(),
            officer: String::new(),
            officer_id: followed.then(|| staff.officer(i)),
            segments: String::new(),
            segment_ids: Vec::new(),
            next_step: if followed { STEPS[i % STEPS.len()].into() } else { String::new() },
            next_step_on: followed.then(|| plus(today, (i % 40) as i64 - 12)),
        };
        let added = plus(today, -400 + (i % 300) as i64);
        ids.push(firms::insert(tx, &row, &match_key(&name, country), staff.officers[0], at(added, 0)).await?);
    }
    Ok(ids)
}

async fn promoted_projects(tx: &mut Tx, staff: &Staff, places: &Places, year: i32) -> Result<Vec<i64>, DemoError> {
    const WHAT: [[&str; 3]; 4] = [
        ["配套项目", "supply project", "projet de sous-traitance"],
        ["产业化项目", "production project", "projet d’industrialisation"],
        ["研发中心项目", "research centre", "centre de recherche"],
        ["扩能项目", "capacity expansion", "projet d’extension"],
    ];
    let mut ids = Vec::with_capacity(PROMOTED);
    for i in 0..PROMOTED {
        let (sub_chain, _, chain) = places.sub_chains[i % places.sub_chains.len()];
        let county = COUNTIES[i % COUNTIES.len()];
        let what = WHAT[(i / 22) % WHAT.len()];
        let n = i + 1;
        let title = Written {
            zh: format!("{}{}{}（第{n}号）", county[0], chain[0], what[0]),
            en: format!("{}: {} {} (no. {n})", county[1], chain[1], what[1]),
            fr: format!("{} : {} — {} (n° {n})", county[2], chain[2], what[2]),
        };
        let description = Written {
            zh: format!("依托{}产业基础，建设{}{}。", county[0], chain[0], what[0]),
            en: format!("A {} {} building on the {}’s industrial base.", chain[1].to_lowercase(), what[1], county[1]),
            fr: format!(
                "Un {} en {} qui s’appuie sur le tissu industriel de {}.",
                what[2],
                chain[2].to_lowercase(),
                county[2]
            ),
        };
        let offer = Written {
            zh: "标准化厂房、人才公寓，落地即享“全程代办”服务。".into(),
            en: "Ready-built plants, staff housing and full-process agency service from the first day.".into(),
            fr: "Bâtiments industriels prêts à l’emploi, logements pour le personnel et accompagnement de bout en bout dès le premier jour.".into(),
        };
        let fields = promoted::Fields {
            title: &title,
            description: &description,
            offer: &offer,
            sub_chain_id: sub_chain,
            segment_id: None,
            county_id: Some(places.counties[i % places.counties.len()]),
            investment: Wan(5_000 + ((i * 173) % 200_000) as i64),
            land_mu: Some(20 + (i % 180) as i64),
            cooperation: Cooperation::ALL[i % Cooperation::ALL.len()],
            officer_id: staff.officer(i),
        };
        let written = at(plus(day(year, 1, 5), (i % 330) as i64), 0);
        let id = promoted::insert(tx, &fields, staff.officer(i), written).await?;
        if !promoted::set_status(tx, id, 1, PromotedStatus::Published, written).await? {
            return Err(DemoError::App(format!("promoted project {id} could not be published")));
        }
        ids.push(id);
    }
    Ok(ids)
}

/// The 13 issues, every four weeks from mid-January; the first 95 promoted projects in them,
/// each once; 17 of those brought a lead that became one of the brochure's signed projects.
async fn brochure(
    tx: &mut Tx,
    staff: &Staff,
    projects: &[i64],
    register: &Register,
    year: i32,
) -> Result<(), DemoError> {
    let mut next = 0;
    for (k, size) in ISSUES.iter().enumerate() {
        let number = k as i64 + 1;
        let theme = Written {
            zh: format!("{year}年第{number}期招商项目活页"),
            en: format!("Investment projects, {year} issue {number}"),
            fr: format!("Projets d’investissement, {year}, numéro {number}"),
        };
        let issued_on = plus(day(year, 1, 15), 28 * k as i64);
        let issue = brochures::db::insert(tx, number, &theme, issued_on, staff.officers[0], at(issued_on, 0)).await?;
        for project in &projects[next..next + size] {
            brochures::db::add(tx, issue, *project).await?;
        }
        next += size;
    }
    // Every fifth presented project brought a lead that was signed.
    for (k, (project, signed_on)) in register.from_brochure.iter().enumerate().take(FROM_BROCHURE) {
        let presented = projects[k * 5];
        let lead = leads::NewLead {
            title: "活页推介项目意向",
            investor: "",
            country: "",
            source: LeadSource::Brochure,
            target_firm_id: None,
            officer_id: staff.officer(k),
            next_step: "",
            next_step_on: None,
            promoted_project_id: Some(presented),
            delegation_outcome_id: None,
        };
        let opened = plus(*signed_on, -45);
        let id = leads::insert(tx, &lead, staff.officer(k), at(opened, 0)).await?;
        if !leads::close(tx, id, 1, LeadStatus::BecameProject, Some(*project), "", at(*signed_on, 3)).await? {
            return Err(DemoError::App(format!("lead {id} could not become project {project}")));
        }
    }
    Ok(())
}

/// Leads open around today: from target firms, the two events, the brochure and Lille's
/// delegation; a few past their next step.
#[allow(clippy::too_many_arguments)]
async fn open_leads(
    tx: &mut Tx,
    staff: &Staff,
    firm_ids: &[i64],
    projects: &[i64],
    delegation_lead: i64,
    year: i32,
    today: NaiveDate,
) -> Result<(), DemoError> {
    for k in 0..24usize {
        let (source, title, firm, presented, outcome) = match k % 4 {
            0 => (LeadSource::TargetFirm, "目标企业回访意向", Some(firm_ids[k * 8]), None, None),
            1 => (LeadSource::Event, "丝博会洽谈意向", None, None, None),
            2 => (LeadSource::Brochure, "活页推介项目咨询", None, Some(projects[k * 3 + 1]), None),
            _ if k == 3 => {
                (LeadSource::Delegation, "Lumière Industries : usine de composants", None, None, Some(delegation_lead))
            }
            _ => (LeadSource::Other, "客商来电咨询", None, None, None),
        };
        let lead = leads::NewLead {
            title,
            investor: if k == 3 { "Lumière Industries SAS" } else { "" },
            country: if k == 3 { "FR" } else { "" },
            source,
            target_firm_id: firm,
            officer_id: staff.officer(k),
            next_step: STEPS[k % STEPS.len()],
            next_step_on: Some(plus(today, (k as i64 * 3) - 15)),
            promoted_project_id: presented,
            delegation_outcome_id: outcome,
        };
        let opened = plus(today, -20 - 9 * k as i64).max(day(year, 6, 1));
        leads::insert(tx, &lead, staff.officer(k), at(opened, 1)).await?;
    }
    Ok(())
}

async fn policy_documents(tx: &mut Tx, staff: &Staff, year: i32) -> Result<(), DemoError> {
    const SUBJECTS: [[&str; 3]; 6] = [
        ["招商引资优惠", "investment incentives", "incitations à l’investissement"],
        ["土地出让价格", "land prices", "prix du foncier"],
        ["税收返还", "tax rebates", "remboursements d’impôts"],
        ["企业用电补贴", "electricity subsidies", "subventions à l’électricité"],
        ["人才引进奖励", "talent awards", "primes aux talents"],
        ["外资企业奖励", "awards to foreign-invested enterprises", "primes aux entreprises à capitaux étrangers"],
    ];
    for k in 0..WITHDRAWN + IN_FORCE {
        let subject = SUBJECTS[k % SUBJECTS.len()];
        let issued = year - 12 + (k % 12) as i32;
        let title = Written {
            zh: format!("关于{}的若干规定（{issued}年）", subject[0]),
            en: format!("Provisions on {} ({issued})", subject[1]),
            fr: format!("Dispositions relatives aux {} ({issued})", subject[2]),
        };
        let summary = Written {
            zh: format!("规定{}的条件、标准和程序。", subject[0]),
            en: format!("Sets the conditions, amounts and procedure of {}.", subject[1]),
            fr: format!("Fixe les conditions, montants et procédure des {}.", subject[2]),
        };
        let number = format!("市政发〔{issued}〕{}号", 10 + k);
        let f = policies::db::Fields {
            title: &title,
            issuer: "市人民政府",
            doc_number: &number,
            issued_on: day(issued, 3 + (k % 9) as u32, 1),
            summary: &summary,
        };
        let id = policies::db::insert(tx, &f, staff.admin, at(day(year - 1, 12, 1), 0)).await?;
        if k < WITHDRAWN {
            let on = plus(day(year, 6, 30), k as i64);
            let reason = "与《外商投资法》及公平竞争审查制度不符，予以废止";
            if !policies::db::withdraw(tx, id, 1, on, reason, at(on, 2)).await? {
                return Err(DemoError::App(format!("policy document {id} could not be withdrawn")));
            }
        }
    }
    Ok(())
}
