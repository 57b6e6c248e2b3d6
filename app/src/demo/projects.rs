//! The register of investment projects: the counties and the 22 sub-chains, the spring
//! campaign and the trade fair, the 666 projects on the list at the year's end (start rate
//! 94.44 %, completion rate 50 %) with those signed at the two events and through leaders'
//! visits, the capital in place, and this year's open work.

use super::people::Staff;
use super::{at, day, plus, split, DemoError};
use crate::db::{Arg, Tx};
use crate::enterprises::IndustryChain;
use crate::projects::db::{self as data, Fields, NewMove};
use crate::projects::events::{db as events, EventKind};
use crate::projects::{Aspect, CapitalKind, ReviewEntry, Source, Stage, Wan};
use chrono::NaiveDate;

/// The counties and the sub-chains, with their names.
pub struct Places {
    pub counties: Vec<i64>,
    /// (id, chain id, names zh / en / fr)
    pub sub_chains: Vec<(i64, i64, [&'static str; 3])>,
}

pub const COUNTIES: [[&str; 3]; 5] = [
    ["高新区", "High-tech Zone", "Zone de haute technologie"],
    ["经开区", "Economic Development Zone", "Zone de développement économique"],
    ["临江县", "Linjiang County", "District de Linjiang"],
    ["北山区", "Beishan District", "District de Beishan"],
    ["南湖区", "Nanhu District", "District de Nanhu"],
];

/// (industry chain code, names)
const SUB_CHAINS: [(&str, [&str; 3]); 22] = [
    ("new_energy_vehicles", ["动力电池", "Power batteries", "Batteries de traction"]),
    ("new_energy_vehicles", ["电机电控", "Motors and controllers", "Moteurs et électronique de commande"]),
    ("new_energy_vehicles", ["整车制造", "Vehicle assembly", "Assemblage de véhicules"]),
    ("electronic_information", ["半导体", "Semiconductors", "Semi-conducteurs"]),
    ("electronic_information", ["智能终端", "Smart devices", "Terminaux intelligents"]),
    ("electronic_information", ["显示面板", "Display panels", "Écrans"]),
    ("biomedicine", ["创新药", "Innovative drugs", "Médicaments innovants"]),
    ("biomedicine", ["医疗器械", "Medical devices", "Dispositifs médicaux"]),
    ("biomedicine", ["中医药", "Traditional Chinese medicine", "Médecine traditionnelle chinoise"]),
    ("advanced_materials", ["新型合金", "New alloys", "Alliages nouveaux"]),
    ("advanced_materials", ["化工新材料", "Chemical materials", "Matériaux chimiques"]),
    ("high_end_equipment", ["工业机器人", "Industrial robots", "Robots industriels"]),
    ("high_end_equipment", ["航空装备", "Aviation equipment", "Équipements aéronautiques"]),
    ("green_chemicals", ["精细化工", "Fine chemicals", "Chimie fine"]),
    ("green_chemicals", ["氢能", "Hydrogen", "Hydrogène"]),
    ("modern_agriculture", ["食品加工", "Food processing", "Transformation alimentaire"]),
    ("modern_agriculture", ["特色农业", "Specialty farming", "Agriculture de spécialité"]),
    ("textiles_apparel", ["功能面料", "Technical fabrics", "Textiles techniques"]),
    ("textiles_apparel", ["服装设计", "Fashion design", "Création de mode"]),
    ("logistics_trade", ["冷链物流", "Cold-chain logistics", "Logistique du froid"]),
    ("logistics_trade", ["跨境电商", "Cross-border e-commerce", "Commerce électronique transfrontalier"]),
    ("cultural_tourism", ["文旅演艺", "Tourism and shows", "Tourisme et spectacles"]),
];

pub async fn places(tx: &mut Tx, chains: &[IndustryChain]) -> Result<Places, DemoError> {
    use crate::projects::names::write::insert;
    let mut counties = Vec::new();
    for (i, names) in COUNTIES.iter().enumerate() {
        counties.push(insert(tx, "counties", *names, (i as i64 + 1) * 10, Vec::new()).await?);
    }
    let mut sub_chains = Vec::new();
    for (i, (chain, names)) in SUB_CHAINS.iter().enumerate() {
        let chain = chains.iter().find(|c| c.code == *chain).map(|c| c.id).ok_or_else(|| {
            DemoError::App(format!("the industry chain {chain} is missing: were the migrations run?"))
        })?;
        let id =
            insert(tx, "industry_sub_chains", *names, (i as i64 + 1) * 10, vec![("chain_id", Arg::Int(chain))]).await?;
        sub_chains.push((id, chain, *names));
    }
    Ok(Places { counties, sub_chains })
}

/// What the rest of the demo needs of the register.
pub struct Register {
    /// The projects that the brochure brought (each from a lead), with the day each was signed.
    pub from_brochure: Vec<(i64, NaiveDate)>,
}

/// The 666 projects on the list: 70 signed at the spring campaign, 93 at the trade fair, 83
/// through leaders' visits (all in the model year), and 420 more signed in it or in the two
/// years before (17 of them brought by the brochure).
const SPRING: (usize, i64) = (70, 875_100);
const FAIR: (usize, i64) = (93, 1_322_300);
const VISITS: (usize, i64) = (83, 1_160_800);
const ON_LIST: usize = 666;
pub const FROM_BROCHURE: usize = 17;
/// Capital in place in the model year (万元, US cents) and in the year before.
const CAPITAL: [(i64, i64); 2] = [(1_653_000, 920_000_000), (1_420_000, 760_000_000)];

const INVESTORS: [&str; 20] = [
    "华创", "中科", "瑞丰", "恒远", "金桥", "宏达", "新元", "博润", "天合", "鼎盛", "安泰", "众诚", "凯越", "嘉禾",
    "盛世", "远景", "联创", "正泰", "海川", "银河",
];
const PROVINCES: [&str; 7] = ["广东", "浙江", "江苏", "上海", "北京", "四川", "福建"];
const KINDS: [&str; 6] = ["生产基地", "产业园", "研发中心", "扩能", "配套", "总部"];
/// Foreign investors: (country, name).
const FOREIGN: [(&str, &str); 8] = [
    ("FR", "Lumière Industries SAS"),
    ("IT", "Veneto Meccanica S.p.A."),
    ("JP", "Sakura Seiki K.K."),
    ("KR", "Hanbit Energy Co., Ltd."),
    ("ES", "Ibérica Solar S.L."),
    ("SG", "Merlion Logistics Pte. Ltd."),
    ("FR", "Groupe Vauban"),
    ("JP", "Hokuriku Materials Co."),
];

/// One project to register.
struct Plan {
    source: Source,
    event: Option<i64>,
    leader: Option<i64>,
    signed_on: NaiveDate,
    wan: i64,
}

/// The stage a project of the list ends the model year at, by its place in it: every second
/// one completed (333), and of the others all but one in nine started (296): 629 started.
fn final_stage(i: usize) -> Stage {
    if i.is_multiple_of(2) {
        Stage::Completed
    } else if !(i / 2).is_multiple_of(9) {
        Stage::Started
    } else {
        Stage::Signed
    }
}

fn is_foreign(i: usize) -> bool {
    i % 10 == 3
}

pub async fn load(
    tx: &mut Tx,
    staff: &Staff,
    places: &Places,
    year: i32,
    today: NaiveDate,
) -> Result<Register, DemoError> {
    let by = staff.officers[0];
    let event = |kind, name: &'static str, starts_on: NaiveDate, days: i64, place: &'static str| events::Fields {
        kind,
        name,
        starts_on,
        ends_on: plus(starts_on, days),
        place,
        organiser: "市投资促进局",
        leader_id: Some(staff.leader),
        notes: "",
    };
    let spring_day = day(year, 3, 18);
    let fair_day = day(year, 5, 20);
    let spring = events::insert(
        tx,
        &event(EventKind::Campaign, "春季集中签约活动", spring_day, 1, "市国际会议中心"),
        by,
        at(plus(spring_day, -30), 0),
    )
    .await?;
    let fair = events::insert(
        tx,
        &event(EventKind::TradeFair, "丝绸之路国际博览会", fair_day, 4, "西安国际会展中心"),
        by,
        at(plus(fair_day, -60), 0),
    )
    .await?;

    let mut plans = Vec::with_capacity(ON_LIST);
    for wan in split(SPRING.1, SPRING.0, 1) {
        plans.push(Plan { source: Source::Event, event: Some(spring), leader: None, signed_on: spring_day, wan });
    }
    for wan in split(FAIR.1, FAIR.0, 2) {
        plans.push(Plan { source: Source::Event, event: Some(fair), leader: None, signed_on: fair_day, wan });
    }
    for (k, wan) in split(VISITS.1, VISITS.0, 3).into_iter().enumerate() {
        let signed_on = plus(day(year, 1, 8), 3 * k as i64);
        plans.push(Plan { source: Source::LeaderVisit, event: None, leader: Some(staff.leader), signed_on, wan });
    }
    let rest = ON_LIST - plans.len();
    for k in 0..rest {
        let (signed_on, source) = match k {
            0..200 => (plus(day(year - 2, 1, 15), k as i64 * 7 / 4), Source::Other),
            200..380 => (plus(day(year - 1, 1, 10), (k as i64 - 200) * 19 / 10), Source::Delegation),
            _ if k < 380 + FROM_BROCHURE => (plus(day(year, 2, 1), (k as i64 - 380) * 7), Source::Brochure),
            _ => (plus(day(year, 2, 3), (k as i64 - 380) * 7), Source::Other),
        };
        plans.push(Plan { source, event: None, leader: None, signed_on, wan: 5_000 + (k as i64 * 131) % 40_000 });
    }

    let mut ids = Vec::with_capacity(ON_LIST);
    let mut from_brochure = Vec::new();
    let year_end = day(year, 12, 31);
    for (i, plan) in plans.iter().enumerate() {
        let id = register(tx, staff, places, i, plan, final_stage(i), year_end).await?;
        if plan.source == Source::Brochure {
            from_brochure.push((id, plan.signed_on));
        }
        ids.push(id);
    }
    capital(tx, staff, &ids, year).await?;
    health_checks(tx, staff, &ids, year, today).await?;
    open_work(tx, staff, places, year, today).await?;
    Ok(Register { from_brochure })
}

/// Register one project at the negotiating stage, record its three reviews, sign it on its
/// day and move it on to `stage`, each move on its own day, none after `last`.
async fn register(
    tx: &mut Tx,
    staff: &Staff,
    places: &Places,
    i: usize,
    plan: &Plan,
    stage: Stage,
    last: NaiveDate,
) -> Result<i64, DemoError> {
    let (sub_chain, chain, names) = places.sub_chains[i % places.sub_chains.len()];
    let county = places.counties[i % places.counties.len()];
    let foreign = is_foreign(i).then(|| FOREIGN[(i / 10) % FOREIGN.len()]);
    let domestic_investor = format!("{}{}科技有限公司", INVESTORS[i % INVESTORS.len()], names[0]);
    let name = format!(
        "{}{}{}项目",
        foreign.map_or(INVESTORS[i % INVESTORS.len()], |f| f.1.split_whitespace().next().unwrap_or(f.1)),
        names[0],
        KINDS[(i / 3) % KINDS.len()]
    );
    let officer = staff.officer(i);
    let fields = Fields {
        name: &name,
        investor: foreign.map_or(domestic_investor.as_str(), |f| f.1),
        investor_country: foreign.map_or("CN", |f| f.0),
        investor_province: if foreign.is_some() { "" } else { PROVINCES[i % PROVINCES.len()] },
        industry_chain_id: Some(chain),
        county_id: Some(county),
        park: "",
        total_investment: Wan(plan.wan),
        capital_kind: if foreign.is_some() { CapitalKind::Foreign } else { CapitalKind::Domestic },
        source: plan.source,
        event_id: plan.event,
        enterprise_id: None,
        enclave_partner: "",
        enclave_share_pct: None,
        leader_id: plan.leader,
        notes: "",
        delegation_outcome_id: None,
        sub_chain_id: Some(sub_chain),
    };
    let first = plus(plan.signed_on, -20);
    let id = data::insert(tx, &fields, Stage::Negotiating, first, officer, at(first, 0)).await?;
    for aspect in Aspect::ALL {
        let review = ReviewEntry {
            aspect,
            passed: true,
            finding: String::new(),
            reviewed_on: plus(plan.signed_on, -5),
            reviewer: None,
        };
        data::insert_review(tx, id, &review, officer, at(plus(plan.signed_on, -5), 1)).await?;
    }
    let mut moves = vec![(Stage::Negotiating, Stage::Signed, plan.signed_on)];
    if matches!(stage, Stage::Started | Stage::Completed) {
        let started = plus(plan.signed_on, 40).min(plus(last, -21));
        moves.push((Stage::Signed, Stage::Started, started.max(plus(plan.signed_on, 1))));
    }
    if stage == Stage::Completed {
        let started = moves[1].2;
        moves.push((
            Stage::Started,
            Stage::Completed,
            plus(plan.signed_on, 100).min(plus(last, -11)).max(plus(started, 1)),
        ));
    }
    for (version, (from, to, on)) in moves.into_iter().enumerate() {
        let m = NewMove { project_id: id, from: Some(from), to, on, reason: "", by: officer };
        if !data::move_stage(tx, version as i32 + 1, &m, at(on, 2)).await? {
            return Err(DemoError::App(format!("project {id} could not move to {}", to.as_str())));
        }
    }
    Ok(id)
}

/// The capital in place: the model year's and the year before's, month by month, on 60
/// domestic and 8 foreign projects that started two years before.
async fn capital(tx: &mut Tx, staff: &Staff, ids: &[i64], year: i32) -> Result<(), DemoError> {
    use crate::projects::capital::data::set;
    let old = (SPRING.0 + FAIR.0 + VISITS.0)..(SPRING.0 + FAIR.0 + VISITS.0 + 130);
    let started: Vec<usize> = old.filter(|i| final_stage(*i) != Stage::Signed).collect();
    let domestic: Vec<i64> = started.iter().filter(|i| !is_foreign(**i)).take(60).map(|i| ids[*i]).collect();
    let foreign: Vec<i64> = started.iter().filter(|i| is_foreign(**i)).take(8).map(|i| ids[*i]).collect();
    if domestic.len() < 60 || foreign.len() < 8 {
        return Err(DemoError::App("too few started projects for the capital in place".into()));
    }
    for (back, (wan, cents)) in CAPITAL.iter().enumerate() {
        let y = year - back as i32;
        for (k, (id, part)) in domestic.iter().zip(split(*wan, domestic.len(), back)).enumerate() {
            set(tx, *id, day(y, k as u32 % 12 + 1, 1), Wan(part), 0, staff.officer(k)).await?;
        }
        for (k, (id, part)) in foreign.iter().zip(split(*cents, foreign.len(), back)).enumerate() {
            set(tx, *id, day(y, (k as u32 * 3) % 12 + 1, 1), Wan(0), part, staff.officer(k)).await?;
        }
    }
    Ok(())
}

/// The projects still being built had their health check (项目体检) in the last weeks; about
/// one in three is due for the next.
async fn health_checks(tx: &mut Tx, staff: &Staff, ids: &[i64], year: i32, today: NaiveDate) -> Result<(), DemoError> {
    use crate::projects::checks::{data, CheckKind};
    for (i, id) in ids.iter().enumerate().filter(|(i, _)| final_stage(*i) == Stage::Started) {
        let check = data::NewCheck {
            project_id: *id,
            kind: if i % 4 == 1 { CheckKind::SiteVisit } else { CheckKind::HealthCheck },
            checked_on: plus(today, -((i % 45) as i64)).max(day(year + 1, 1, 1)),
            progress: 30 + (i % 60) as i32,
            findings: "施工进度正常，设备陆续进场。",
            problem: "",
            case_id: None,
        };
        data::insert(tx, &check, staff.officer(i)).await?;
    }
    Ok(())
}

/// This year's: projects signed since New Year, and leads and negotiations of the last weeks
/// (none of them on the model year's list).
async fn open_work(tx: &mut Tx, staff: &Staff, places: &Places, year: i32, today: NaiveDate) -> Result<(), DemoError> {
    let new_year = day(year + 1, 1, 1);
    for k in 0..12usize {
        let signed_on = plus(new_year, 14 + 25 * k as i64).min(plus(today, -1)).max(new_year);
        let plan = Plan { source: Source::Other, event: None, leader: None, signed_on, wan: 8_000 + 1_500 * k as i64 };
        let stage = if k % 3 == 0 { Stage::Started } else { Stage::Signed };
        let last = plus(today, 0);
        register(
            tx,
            staff,
            places,
            1000 + k,
            &plan,
            if signed_on < plus(today, -30) { stage } else { Stage::Signed },
            last,
        )
        .await?;
    }
    for k in 0..8usize {
        let i = 2000 + k;
        let (sub_chain, chain, names) = places.sub_chains[i % places.sub_chains.len()];
        let name = format!("{}{}{}项目（洽谈中）", INVESTORS[i % INVESTORS.len()], names[0], KINDS[k % KINDS.len()]);
        let investor = format!("{}{}有限公司", INVESTORS[i % INVESTORS.len()], names[0]);
        let fields = Fields {
            name: &name,
            investor: &investor,
            investor_country: "CN",
            investor_province: PROVINCES[k % PROVINCES.len()],
            industry_chain_id: Some(chain),
            county_id: Some(places.counties[k % places.counties.len()]),
            park: "",
            total_investment: Wan(20_000 + 5_000 * k as i64),
            capital_kind: CapitalKind::Domestic,
            source: Source::Other,
            event_id: None,
            enterprise_id: None,
            enclave_partner: "",
            enclave_share_pct: None,
            leader_id: None,
            notes: "",
            delegation_outcome_id: None,
            sub_chain_id: Some(sub_chain),
        };
        let on = plus(today, -(6 * k as i64) - 2).max(new_year);
        let stage = if k % 2 == 0 { Stage::Lead } else { Stage::Negotiating };
        data::insert(tx, &fields, stage, on, staff.officer(k), at(on, 0)).await?;
    }
    Ok(())
}
