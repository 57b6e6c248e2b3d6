//! Casework: thirty foreign-invested enterprises from France, Italy, Japan, Korea, Spain and
//! Singapore, each with its liaison officer; the model year's requests, resolved and rated;
//! and today's, at every status: new, accepted, in progress with departments' tasks, overdue,
//! waiting for the applicant (told in French or English), resolved, closed, rejected.

use super::people::Staff;
use super::{at, day, plus, DemoError};
use crate::admin::Department;
use crate::cases::db::{self as data, NewCase, NewEvent};
use crate::cases::tasks::TaskStatus;
use crate::cases::{CaseType, EventKind, Priority};
use crate::db::Tx;
use crate::domain::{CaseReference, CaseStatus, Locale, PublicText};
use crate::enterprises::db::{self as enterprises, NewContact};
use crate::enterprises::{ContactKind, IndustryChain, Lifecycle};
use crate::state::Keys;
use chrono::{Datelike, NaiveDate};

/// (country, name in its language, Chinese name, industry chain code)
const ENTERPRISES: [(&str, &str, &str, &str); 30] = [
    ("FR", "Lumière Composants SAS", "吕米埃零部件有限公司", "new_energy_vehicles"),
    ("FR", "Vauban Pharma Chine", "沃邦制药（中国）有限公司", "biomedicine"),
    ("FR", "Atelier Beaulieu Textile", "博留纺织有限公司", "textiles_apparel"),
    ("FR", "Provence Arômes SARL", "普罗旺斯香料有限公司", "modern_agriculture"),
    ("FR", "Rhône Logistique Asie", "罗讷物流有限公司", "logistics_trade"),
    ("IT", "Veneto Meccanica Cina S.r.l.", "威尼托机械有限公司", "high_end_equipment"),
    ("IT", "Brenta Farmaceutici", "布伦塔医药有限公司", "biomedicine"),
    ("IT", "Moda Toscana S.p.A.", "托斯卡纳时装有限公司", "textiles_apparel"),
    ("IT", "Emilia Ceramiche", "艾米利亚陶瓷有限公司", "advanced_materials"),
    ("IT", "Dolce Forno Alimentare", "多尔切食品有限公司", "modern_agriculture"),
    ("JP", "Sakura Seiki (China) Co.", "樱花精机（中国）有限公司", "high_end_equipment"),
    ("JP", "Hokuriku Materials", "北陆新材料有限公司", "advanced_materials"),
    ("JP", "Tanaka Denshi", "田中电子有限公司", "electronic_information"),
    ("JP", "Kyoto Bio Science", "京都生物科技有限公司", "biomedicine"),
    ("JP", "Nagoya Auto Parts", "名古屋汽车零部件有限公司", "new_energy_vehicles"),
    ("KR", "Hanbit Energy China", "韩光能源有限公司", "new_energy_vehicles"),
    ("KR", "Daeyang Electronics", "大洋电子有限公司", "electronic_information"),
    ("KR", "Seoul Display Tech", "首尔显示科技有限公司", "electronic_information"),
    ("KR", "Busan Cold Chain", "釜山冷链物流有限公司", "logistics_trade"),
    ("KR", "K-Beauty Cosmetics", "韩美化妆品有限公司", "green_chemicals"),
    ("ES", "Ibérica Solar China", "伊比利亚光伏有限公司", "green_chemicals"),
    ("ES", "Olivar Foods", "橄榄园食品有限公司", "modern_agriculture"),
    ("ES", "Costa Turismo", "科斯塔文旅有限公司", "cultural_tourism"),
    ("ES", "Navarra Eólica", "纳瓦拉风电有限公司", "high_end_equipment"),
    ("ES", "Barcelona Textil", "巴塞罗那纺织有限公司", "textiles_apparel"),
    ("SG", "Merlion Logistics", "鱼尾狮物流有限公司", "logistics_trade"),
    ("SG", "Lion City Semiconductor", "狮城半导体有限公司", "electronic_information"),
    ("SG", "Straits MedTech", "海峡医疗科技有限公司", "biomedicine"),
    ("SG", "Temasek Agritech", "淡马锡农业科技有限公司", "modern_agriculture"),
    ("SG", "Marina Trade Hub", "滨海商贸有限公司", "logistics_trade"),
];

fn language_of(country: &str) -> Locale {
    match country {
        "FR" => Locale::Fr,
        _ => Locale::En,
    }
}

/// A valid unified social credit code (a Xi'an division code, the check character computed).
fn credit_code(e: usize) -> String {
    let first = format!("91610100MA{:07}", 1_234_500 + e * 37);
    let check = crate::domain::check_character(first.as_bytes()).unwrap_or('0');
    format!("{first}{check}")
}

/// One request: its enterprise, type, language, title, how long ago (or on which day of the
/// model year) it came, and the statuses it went through.
struct Request {
    enterprise: usize,
    case_type: CaseType,
    title: &'static str,
    language: Locale,
    opened: NaiveDate,
    green: bool,
    /// (status, days after opening)
    path: Vec<(CaseStatus, i64)>,
    departments: &'static [&'static str],
    rating: Option<i32>,
}

/// Load the enterprises and their cases; the reference and access code of one request an
/// investor can follow on the portal.
#[allow(clippy::too_many_arguments)]
pub async fn load(
    tx: &mut Tx,
    staff: &Staff,
    departments: &[Department],
    chains: &[IndustryChain],
    keys: &Keys,
    year: i32,
    today: NaiveDate,
) -> Result<(String, String), DemoError> {
    let mut ids = Vec::new();
    for (e, (country, original, zh, chain)) in ENTERPRISES.iter().enumerate() {
        let code = credit_code(e);
        let f = enterprises::Fields {
            name_zh: zh,
            name_original: original,
            credit_code: Some(&code),
            country,
            industry_chain_id: chains.iter().find(|c| c.code == *chain).map(|c| c.id),
            registered_capital_usd_cents: Some(500_000_000 + (e as i64 % 7) * 250_000_000),
            utilised_capital_usd_cents: Some(200_000_000 + (e as i64 % 5) * 100_000_000),
            employees: Some(40 + (e as i32 * 37) % 600),
            foreign_staff: Some(1 + (e as i32) % 9),
            lifecycle: [Lifecycle::Established, Lifecycle::Expanding, Lifecycle::Established][e % 3],
            is_key: e % 5 < 2,
            responsible_leader_id: (e % 5 < 2).then_some(staff.leader),
            address: "高新区科技路",
            notes: "",
        };
        // Half of them were set up in the model year (新设外资企业), the others years before.
        let registered =
            if e % 2 == 0 { plus(day(year, 2, 1), 9 * e as i64) } else { day(year - 4 + (e % 3) as i32, 6, 1) };
        let id = enterprises::insert(tx, &f, at(registered, 0)).await.map_err(|e| DemoError::App(format!("{e}")))?;
        enterprises::start_assignment(tx, id, staff.officer(e), staff.admin, at(registered, 1))
            .await
            .map_err(|e| DemoError::App(format!("{e}")))?;
        // The key ones were visited lately; a few others not for months (overdue).
        let visited = if e % 5 < 2 { plus(today, -10 - e as i64) } else { plus(today, -30 - 11 * e as i64) };
        let contact = NewContact {
            enterprise_id: id,
            kind: [ContactKind::Visit, ContactKind::Meeting, ContactKind::Call][e % 3],
            contacted_on: visited.max(registered),
            participants: "总经理、联系干部",
            notes: "了解生产经营情况，收集用工、通关和融资诉求。",
            follow_ups: "",
            recorded_by: staff.officer(e),
            at: at(visited.max(registered), 6),
        };
        enterprises::insert_contact(tx, &contact).await?;
        ids.push(id);
    }

    let mut requests = Vec::new();
    // The model year's: resolved and closed (most rated), a few rejected.
    for k in 0..30usize {
        let opened = plus(day(year, 1, 12), 11 * k as i64);
        let took = 3 + (k % 12) as i64;
        let path = if k % 10 == 9 {
            vec![(CaseStatus::Rejected, 1)]
        } else {
            vec![
                (CaseStatus::Accepted, 1),
                (CaseStatus::InProgress, 2),
                (CaseStatus::Resolved, took),
                (CaseStatus::Closed, took + 3),
            ]
        };
        let (case_type, title, departments) = YEAR_TYPES[k % YEAR_TYPES.len()];
        requests.push(Request {
            enterprise: (k * 7) % ENTERPRISES.len(),
            case_type,
            title,
            language: Locale::ZhCn,
            opened,
            green: k % 4 == 0,
            path,
            departments,
            rating: (k % 10 != 9 && k % 3 != 2).then_some(if k % 7 == 0 { 3 } else { 4 + (k % 2) as i32 }),
        });
    }
    // Today's.
    use CaseStatus::*;
    let open: [Today; 16] = [
        (0, CaseType::WorkPermit, "Permis de travail pour notre nouveau directeur technique", 1, false, &[], &[]),
        (12, CaseType::Visa, "Business visas for three engineers from Osaka", 0, false, &[], &[]),
        (5, CaseType::Customs, "Customs classification of imported moulds", 3, false, &[(Accepted, 1)], &[]),
        (
            15,
            CaseType::Customs,
            "Advance ruling on battery cell imports",
            6,
            false,
            &[(Accepted, 1), (InProgress, 2)],
            &["customs"],
        ),
        (
            6,
            CaseType::Tax,
            "VAT refund on exported medicines delayed",
            35,
            false,
            &[(Accepted, 1), (InProgress, 3)],
            &["tax"],
        ),
        (
            25,
            CaseType::ForeignExchange,
            "Profit repatriation to the Singapore parent",
            50,
            true,
            &[(Accepted, 1), (InProgress, 2)],
            &["foreign_exchange", "tax"],
        ),
        (
            20,
            CaseType::BusinessRegistration,
            "Registering a second plant in the Economic Development Zone",
            10,
            false,
            &[(Accepted, 1), (InProgress, 2)],
            &[],
        ),
        (
            1,
            CaseType::ResidencePermit,
            "Titre de séjour pour la famille de notre directeur",
            12,
            false,
            &[(Accepted, 1), (InProgress, 2), (AwaitingApplicant, 5)],
            &[],
        ),
        (
            16,
            CaseType::LandUtilities,
            "Second power line for the clean room",
            20,
            false,
            &[(Accepted, 1), (InProgress, 3), (AwaitingApplicant, 8)],
            &[],
        ),
        (
            10,
            CaseType::Financing,
            "Working-capital loan guarantee",
            9,
            false,
            &[(Accepted, 1), (InProgress, 2), (Resolved, 7)],
            &[],
        ),
        (
            2,
            CaseType::PolicyQuestion,
            "Aide à l’embauche de jeunes diplômés",
            15,
            false,
            &[(Accepted, 1), (InProgress, 2), (Resolved, 10)],
            &[],
        ),
        (
            26,
            CaseType::WorkPermit,
            "Work permit renewal for our process engineer",
            25,
            true,
            &[(Accepted, 1), (InProgress, 2), (Resolved, 6), (Closed, 9)],
            &[],
        ),
        (21, CaseType::Other, "Sponsorship of a food festival", 5, false, &[(Rejected, 2)], &[]),
        (
            27,
            CaseType::WorkPermit,
            "Fast-track work permit for a visiting surgeon",
            3,
            true,
            &[(Accepted, 0), (InProgress, 1)],
            &[],
        ),
        (17, CaseType::ResidencePermit, "Residence permit for a new sales manager", 2, false, &[(Accepted, 1)], &[]),
        (
            8,
            CaseType::Complaint,
            "Repeated inspections of the warehouse",
            18,
            false,
            &[(Accepted, 1), (InProgress, 2)],
            &["market_regulation"],
        ),
    ];
    for (enterprise, case_type, title, ago, green, path, departments) in open {
        requests.push(Request {
            enterprise,
            case_type,
            title,
            language: language_of(ENTERPRISES[enterprise].0),
            opened: plus(today, -ago),
            green,
            path: path.to_vec(),
            departments,
            rating: path.iter().any(|(s, _)| *s == Closed).then_some(5),
        });
    }

    let mut portal = None;
    for (k, r) in requests.iter().enumerate() {
        let (reference, code) = request(tx, staff, departments, keys, &ids, r, k, today).await?;
        // The French request waiting for its applicant is the one printed for the portal.
        if r.path.last().is_some_and(|(s, _)| *s == AwaitingApplicant) && portal.is_none() {
            portal = Some((reference, code));
        }
    }
    portal.ok_or_else(|| DemoError::App("no request waits for its applicant".into()))
}

/// Today's requests: (enterprise, type, title, days ago, green channel, statuses, departments).
type Today = (usize, CaseType, &'static str, i64, bool, &'static [(CaseStatus, i64)], &'static [&'static str]);

/// The model year's requests: (type, title, departments).
const YEAR_TYPES: [(CaseType, &str, &[&str]); 8] = [
    (CaseType::WorkPermit, "外籍技术人员工作许可", &[]),
    (CaseType::Customs, "进口设备通关", &["customs"]),
    (CaseType::Tax, "出口退税办理", &["tax"]),
    (CaseType::ForeignExchange, "外汇资本金结汇", &["foreign_exchange"]),
    (CaseType::BusinessRegistration, "增资变更登记", &[]),
    (CaseType::ResidencePermit, "外籍员工家属居留许可", &[]),
    (CaseType::LandUtilities, "厂区用电增容", &[]),
    (CaseType::Financing, "外资企业贷款贴息", &[]),
];

#[allow(clippy::too_many_arguments)]
async fn request(
    tx: &mut Tx,
    staff: &Staff,
    departments: &[Department],
    keys: &Keys,
    enterprises: &[i64],
    r: &Request,
    k: usize,
    today: NaiveDate,
) -> Result<(String, String), DemoError> {
    let original = ENTERPRISES[r.enterprise].1;
    let language = r.language;
    let now = crate::db::now();
    let officer = staff.officer(r.enterprise);
    let opened = at(r.opened, (k % 6) as u32).min(now);
    let year = r.opened.year();
    let n = data::next_number(tx, year).await?;
    let reference = CaseReference::new(year, n);
    let code = crate::cases::service::new_access_code();
    let applicant = format!("{} — {}", original, if language == Locale::Fr { "Direction" } else { "General manager" });
    let id = data::insert(
        tx,
        &NewCase {
            reference: reference.as_str(),
            enterprise_id: Some(enterprises[r.enterprise]),
            case_type: r.case_type,
            priority: if r.green { Priority::High } else { Priority::Normal },
            green_channel: r.green,
            full_agency: r.case_type == CaseType::BusinessRegistration,
            title: r.title,
            description: r.title,
            language,
            applicant_name: &applicant,
            applicant_email: None,
            owner_id: Some(officer),
            access_code_hash: &keys.code_hash(&code),
            created_by: Some(officer),
            at: opened,
            source: "staff",
            applicant_phone: None,
            enterprise_name_given: None,
            credit_code_given: None,
        },
    )
    .await?;
    crate::service_levels::service::start_clock(tx, id, r.case_type, r.green, opened).await?;
    let event = |kind, from, to, note, at| NewEvent {
        case_id: id,
        kind,
        from_status: from,
        to_status: to,
        note,
        public: None,
        author_id: Some(officer),
        at,
    };
    data::add_event(tx, &event(EventKind::Created, None, Some(CaseStatus::Submitted), "", opened)).await?;
    let mut from = CaseStatus::Submitted;
    for (version, (to, after)) in r.path.iter().enumerate() {
        let when = at(plus(r.opened, *after).min(today), 1 + version as u32).min(now).max(opened);
        if !data::set_status(tx, id, version as i32 + 1, *to, when).await? {
            return Err(DemoError::App(format!("case {id} could not move to {}", to.as_str())));
        }
        crate::service_levels::service::on_status_change(tx, id, from, *to, when).await?;
        let note = match to {
            CaseStatus::Rejected => "不属于本局受理范围，已告知申请人向主管部门咨询。",
            CaseStatus::AwaitingApplicant => "需补充材料",
            _ => "",
        };
        data::add_event(tx, &event(EventKind::StatusChanged, Some(from), Some(*to), note, when)).await?;
        if *to == CaseStatus::InProgress {
            for code in r.departments {
                let department = departments.iter().find(|d| d.code == *code).map(|d| d.id);
                if let Some(department_id) = department {
                    let task = data::tasks::NewTask {
                        case_id: id,
                        department_id,
                        due_on: Some(plus(r.opened, 12)),
                        instructions: "请协助核查并反馈办理意见。",
                        by: officer,
                        at: when,
                    };
                    data::tasks::insert(tx, &task).await?;
                }
            }
        }
        // The departments finished their part before the case was resolved.
        if *to == CaseStatus::Resolved {
            for code in r.departments {
                let department = departments.iter().find(|d| d.code == *code).map(|d| d.id);
                let Some(department_id) = department else { continue };
                let by = staff.department_liaisons.iter().find(|(c, _)| c == code).map_or(officer, |(_, id)| *id);
                if let Some((task, version)) = data::tasks::of_case_in(tx, id, department_id).await? {
                    data::tasks::update(tx, task, version, TaskStatus::Done, "已按要求办结。", by, when).await?;
                }
            }
        }
        if matches!(to, CaseStatus::AwaitingApplicant | CaseStatus::Resolved) && language != Locale::ZhCn {
            let text = public_text(*to, language);
            let mut update = event(EventKind::PublicUpdate, None, None, "", when);
            update.public = Some(&text);
            data::add_event(tx, &update).await?;
        }
        from = *to;
    }
    if let (Some(stars), Some((_, after))) = (r.rating, r.path.last()) {
        let rated = at(plus(r.opened, after + 1).min(today), 7).min(now);
        crate::portal::db::rate(tx, id, stars, "", rated).await?;
    }
    Ok((reference.as_str().to_string(), code))
}

/// What the applicant is told, in their language and in Chinese for the staff.
fn public_text(to: CaseStatus, language: Locale) -> PublicText {
    let (zh, en, fr) = match to {
        CaseStatus::AwaitingApplicant => (
            "请补充提交护照复印件及在职证明。",
            "Please send us a copy of the passport and a certificate of employment.",
            "Merci de nous transmettre une copie du passeport et une attestation d’emploi.",
        ),
        _ => (
            "您的诉求已办结，相关部门已出具书面答复。",
            "Your request has been resolved: the department has given its written answer.",
            "Votre demande a été traitée : le service concerné a rendu sa réponse écrite.",
        ),
    };
    PublicText {
        zh: Some(zh.into()),
        en: (language == Locale::En).then(|| en.into()),
        fr: (language == Locale::Fr).then(|| fr.into()),
    }
}
