//! Foreign affairs: the 15 delegations (110 visitors) received in the model year, the missions
//! sent to Central Asia, Europe, Japan and Korea, the delegations coming around today, and the
//! friendship cities with Lille, Padua and Samarkand the year's new prospective ones.

use super::people::Staff;
use super::{at, day, plus, DemoError};
use crate::db::Tx;
use crate::delegations::db::{self as data, Fields, NewMember};
use crate::delegations::{DelegationStatus, Direction, OutcomeKind};
use crate::domain::Locale;
use crate::friendship_cities::db::{self as cities, NewContact, NewExchange};
use crate::friendship_cities::{CityKind, ExchangeKind};
use chrono::NaiveDate;

/// (title, organisation, countries, language, month, day, days, visitors)
type Visit = (&'static str, &'static str, &'static str, Locale, u32, u32, i64, usize);

/// Received in the model year: 15 delegations, 110 visitors.
const RECEIVED: [Visit; 15] = [
    ("Délégation de la Métropole européenne de Lille", "Métropole européenne de Lille", "FR", Locale::Fr, 3, 10, 4, 12),
    ("Delegazione del Comune di Padova", "Comune di Padova", "IT", Locale::En, 4, 7, 3, 8),
    ("Samarkand regional government delegation", "Samarkand Regional Administration", "UZ", Locale::En, 4, 22, 4, 6),
    ("Japan–China Economic Association mission", "Japan–China Economic Association", "JP", Locale::En, 5, 12, 3, 9),
    ("KOTRA investment delegation", "KOTRA", "KR", Locale::En, 5, 26, 2, 5),
    ("Mission d’affaires de la CCI France Chine", "CCI France Chine", "FR", Locale::Fr, 6, 9, 3, 7),
    ("Singapore Business Federation delegation", "Singapore Business Federation", "SG", Locale::En, 6, 23, 2, 10),
    ("Spanish chambers of commerce delegation", "Cámara de Comercio de España", "ES", Locale::En, 7, 14, 3, 4),
    ("Veneto region industrial delegation", "Confindustria Veneto", "IT", Locale::En, 8, 18, 3, 8),
    ("Toyama prefecture friendship delegation", "Toyama Prefectural Government", "JP", Locale::En, 9, 8, 4, 6),
    ("Gimhae city council delegation", "Gimhae City Council", "KR", Locale::En, 9, 22, 3, 7),
    ("Délégation des universités des Hauts-de-France", "Université de Lille", "FR", Locale::Fr, 10, 13, 5, 9),
    ("Uzbek textile industry delegation", "Uztextileprom", "UZ", Locale::En, 10, 27, 3, 5),
    ("Valencia port and logistics delegation", "Port of Valencia", "ES", Locale::En, 11, 10, 2, 8),
    (
        "European Chamber of Commerce delegation",
        "European Union Chamber of Commerce in China",
        "DE,FR",
        Locale::En,
        11,
        24,
        2,
        6,
    ),
];

/// Sent in the model year: (title, countries, month, day, days, members).
const SENT: [(&str, &str, u32, u32, i64, usize); 4] = [
    ("赴中亚经贸合作考察团", "UZ,KZ", 4, 14, 8, 6),
    ("赴法国、意大利招商推介团", "FR,IT", 6, 2, 9, 5),
    ("赴日本经贸交流团", "JP", 9, 15, 6, 5),
    ("赴韩国招商推介团", "KR", 11, 3, 5, 4),
];

/// (given names, family names) by language, for the members' passport names.
const GIVEN: [&str; 10] =
    ["Marie", "Luca", "Aiko", "Min-jun", "Carmen", "Wei Ling", "Jean", "Giulia", "Kenji", "Ji-woo"];
const FAMILY: [&str; 10] =
    ["Dubois", "Rossi", "Tanaka", "Kim", "García", "Tan", "Lefebvre", "Bianchi", "Suzuki", "Park"];
const TITLES: [&str; 5] = ["Vice-président", "Director", "Deputy Mayor", "Head of delegation", "Advisor"];

/// (name original, zh, en, fr, country, latitude, longitude, kind, first contact, letter of intent, agreement)
type City = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
    CityKind,
    (i32, u32, u32),
    Option<(i32, u32, u32)>,
    Option<(i32, u32, u32)>,
);

/// Years are relative to the model year (0 is it).
const CITIES: [City; 6] = [
    (
        "Lille",
        "里尔",
        "Lille",
        "Lille",
        "FR",
        50.6292,
        3.0573,
        CityKind::Prospective,
        (-1, 9, 20),
        Some((0, 3, 12)),
        None,
    ),
    (
        "Padova",
        "帕多瓦",
        "Padua",
        "Padoue",
        "IT",
        45.4064,
        11.8768,
        CityKind::Prospective,
        (-1, 11, 5),
        Some((0, 4, 8)),
        None,
    ),
    (
        "Samarqand",
        "撒马尔罕",
        "Samarkand",
        "Samarcande",
        "UZ",
        39.6270,
        66.9750,
        CityKind::Prospective,
        (0, 1, 16),
        Some((0, 4, 23)),
        None,
    ),
    (
        "富山市",
        "富山",
        "Toyama",
        "Toyama",
        "JP",
        36.6953,
        137.2113,
        CityKind::Sister,
        (-17, 5, 1),
        Some((-16, 4, 10)),
        Some((-15, 10, 18)),
    ),
    (
        "김해시",
        "金海",
        "Gimhae",
        "Gimhae",
        "KR",
        35.2285,
        128.8894,
        CityKind::Sister,
        (-13, 3, 3),
        Some((-12, 6, 1)),
        Some((-11, 9, 9)),
    ),
    (
        "València",
        "瓦伦西亚",
        "Valencia",
        "Valence",
        "ES",
        39.4699,
        -0.3763,
        CityKind::Exchange,
        (-6, 10, 10),
        None,
        None,
    ),
];

/// Load the delegations and the cities; the id of the outcome "investment lead" that Lille's
/// delegation brought (a lead follows it).
pub async fn load(tx: &mut Tx, staff: &Staff, year: i32, today: NaiveDate) -> Result<i64, DemoError> {
    let by = staff.protocol;
    let mut received = Vec::new();
    for (k, (title, organisation, countries, language, month, d, days, visitors)) in RECEIVED.iter().enumerate() {
        let starts_on = day(year, *month, *d);
        let f = Fields {
            direction: Direction::Incoming,
            title,
            organisation,
            countries,
            purpose: "经贸交流与投资合作洽谈",
            language: *language,
            starts_on,
            ends_on: plus(starts_on, *days - 1),
        };
        let id = delegation(tx, &f, by, DelegationStatus::Completed, plus(starts_on, -40)).await?;
        members(tx, id, k, *visitors, *language, plus(starts_on, -30)).await?;
        received.push((id, starts_on));
    }
    for (k, (title, countries, month, d, days, size)) in SENT.iter().enumerate() {
        let starts_on = day(year, *month, *d);
        let f = Fields {
            direction: Direction::Outgoing,
            title,
            organisation: "市人民政府",
            countries,
            purpose: "招商推介、拜访重点企业、洽谈友城合作",
            language: Locale::ZhCn,
            starts_on,
            ends_on: plus(starts_on, *days - 1),
        };
        let id = delegation(tx, &f, by, DelegationStatus::Completed, plus(starts_on, -60)).await?;
        officials(tx, id, k, *size, plus(starts_on, -50)).await?;
    }
    // Around today: two delegations coming, one being planned, a mission waiting for approval.
    let coming: [(&str, &str, &str, Locale, i64, DelegationStatus, usize); 4] = [
        (
            "Délégation économique de Lille",
            "Métropole européenne de Lille",
            "FR",
            Locale::Fr,
            12,
            DelegationStatus::Confirmed,
            8,
        ),
        (
            "Osaka SME association visit",
            "Osaka Chamber of Commerce",
            "JP",
            Locale::En,
            26,
            DelegationStatus::Approved,
            6,
        ),
        (
            "Padua university rectors' visit",
            "Università degli Studi di Padova",
            "IT",
            Locale::En,
            45,
            DelegationStatus::Draft,
            4,
        ),
        ("赴韩国、日本经贸考察团", "", "KR,JP", Locale::ZhCn, 60, DelegationStatus::Draft, 5),
    ];
    for (k, (title, organisation, countries, language, in_days, status, size)) in coming.iter().enumerate() {
        let starts_on = plus(today, *in_days);
        let outgoing = *language == Locale::ZhCn;
        let f = Fields {
            direction: if outgoing { Direction::Outgoing } else { Direction::Incoming },
            title,
            organisation: if outgoing { "市人民政府" } else { organisation },
            countries,
            purpose: "投资合作洽谈",
            language: *language,
            starts_on,
            ends_on: plus(starts_on, 3),
        };
        let id = delegation(tx, &f, by, *status, plus(today, -10)).await?;
        if outgoing {
            officials(tx, id, k, *size, plus(today, -9)).await?;
        } else {
            members(tx, id, k + 3, *size, *language, plus(today, -9)).await?;
        }
    }
    let lille = received[0];
    let lead = data::insert_outcome(
        tx,
        lille.0,
        OutcomeKind::Lead,
        "Lumière Industries envisage une usine de composants pour batteries (investissement d’environ 5 亿元).",
        None,
        by,
        at(plus(lille.1, 4), 6),
    )
    .await?;
    data::insert_outcome(
        tx,
        lille.0,
        OutcomeKind::Agreement,
        "Lettre d’intention d’établir des relations de ville amie, signée le 12 mars.",
        None,
        by,
        at(plus(lille.1, 2), 4),
    )
    .await?;
    for (k, (original, zh, en, fr, country, lat, lon, kind, first, letter, agreement)) in CITIES.iter().enumerate() {
        let on = |(y, m, d): (i32, u32, u32)| day(year + y, m, d);
        let f = cities::Fields {
            name_original: original,
            name_zh: zh,
            name_en: en,
            name_fr: fr,
            country,
            latitude: *lat,
            longitude: *lon,
            kind: *kind,
            first_contact_on: Some(on(*first)),
            letter_of_intent_on: letter.map(on),
            agreement_on: agreement.map(on),
            stage_reason: "",
            areas: "trade,education,culture",
            notes: "",
        };
        let entered = letter.map(on).unwrap_or(on(*first));
        let id = cities::insert(tx, &f, by, at(entered, 3)).await?;
        // The three new ones came with the year's first three delegations.
        if let Some((delegation, starts_on)) = received.get(k).filter(|_| *kind == CityKind::Prospective) {
            let exchange = NewExchange {
                city_id: id,
                happened_on: *starts_on,
                kind: ExchangeKind::Delegation,
                title: RECEIVED[k].0,
                notes: "",
                delegation_id: Some(*delegation),
                created_by: by,
            };
            cities::insert_exchange(tx, &exchange, at(*starts_on, 8))
                .await
                .map_err(|e| DemoError::App(format!("{e}")))?;
        }
        let contact = NewContact {
            city_id: id,
            name: ["Claire Martin", "Paolo Ferri", "Dilnoza Karimova", "山本 健", "이 서연", "Lucía Navarro"][k],
            title: "International relations",
            email: "",
            phone: "",
            language: if *country == "FR" { Locale::Fr } else { Locale::En },
        };
        cities::insert_contact(tx, &contact, at(entered, 4)).await?;
    }
    Ok(lead)
}

/// A delegation registered on `created`, moved along its statuses to `status`.
async fn delegation(
    tx: &mut Tx,
    f: &Fields<'_>,
    by: i64,
    status: DelegationStatus,
    created: NaiveDate,
) -> Result<i64, DemoError> {
    use DelegationStatus::*;
    let id = data::insert(tx, f, by, at(created, 0)).await?;
    let path: &[DelegationStatus] = match status {
        Draft => &[],
        Approved => &[Approved],
        Confirmed => &[Approved, Confirmed],
        InProgress => &[Approved, Confirmed, InProgress],
        Completed => &[Approved, Confirmed, InProgress, Completed],
        Cancelled => &[Cancelled],
    };
    for (version, to) in path.iter().enumerate() {
        let when = if *to == Completed { f.ends_on } else { plus(created, 3 * version as i64 + 1) };
        if !data::set_status(tx, id, version as i32 + 1, *to, "", at(when, 5)).await? {
            return Err(DemoError::App(format!("delegation {id} could not move to {}", to.as_str())));
        }
    }
    Ok(id)
}

/// `n` foreign visitors, named as in their passports.
async fn members(tx: &mut Tx, id: i64, k: usize, n: usize, language: Locale, on: NaiveDate) -> Result<(), DemoError> {
    for m in 0..n {
        let i = k * 3 + m;
        let name =
            format!("{} {}", GIVEN[i % GIVEN.len()], FAMILY[(i / GIVEN.len() + i) % FAMILY.len()]).to_uppercase();
        let passport = format!("{}{:07}", ["P", "E", "K", "M"][i % 4], 1_000_000 + i * 7_919);
        let member = NewMember {
            delegation_id: id,
            passport_name: &name,
            chinese_name: "",
            title: TITLES[i % TITLES.len()],
            organisation: "",
            language,
            dietary: if i.is_multiple_of(7) { "vegetarian" } else { "" },
            passport_number: &passport,
        };
        data::insert_member(tx, &member, at(on, 1)).await?;
    }
    Ok(())
}

/// The city's officials on a mission abroad.
async fn officials(tx: &mut Tx, id: i64, k: usize, n: usize, on: NaiveDate) -> Result<(), DemoError> {
    const NAMES: [(&str, &str, &str); 8] = [
        ("WANG JIANGUO", "王建国", "副市长"),
        ("CHEN JING", "陈静", "外办主任"),
        ("LI NA", "李娜", "投促局副局长"),
        ("ZHANG WEI", "张伟", "招商科科长"),
        ("LIU YANG", "刘洋", "翻译"),
        ("ZHOU HUA", "周华", "高新区管委会主任"),
        ("HUANG LEI", "黄磊", "经开区招商局局长"),
        ("XU MING", "徐明", "商务局科长"),
    ];
    for m in 0..n {
        let (passport_name, chinese_name, title) = NAMES[(k + m) % NAMES.len()];
        let passport = format!("E{:08}", 30_000_000 + (k * 10 + m) * 104_729);
        let member = NewMember {
            delegation_id: id,
            passport_name,
            chinese_name,
            title,
            organisation: "市人民政府",
            language: Locale::ZhCn,
            dietary: "",
            passport_number: &passport,
        };
        data::insert_member(tx, &member, at(on, 1)).await?;
    }
    Ok(())
}
