//! Reading a spreadsheet of target firms (server only): an .xlsx (or .xls) read with
//! calamine, or a .csv in UTF-8 or in the GB18030 that Chinese Excel writes; its first row
//! names the columns, in any of the three languages (the template's headers); each further
//! row is checked and told what is wrong with it, field by field, before anything is saved.

use super::{FirmRow, FirmSize, ImportRow, MAX_FILE_BYTES, MAX_ROWS};
use crate::domain::{Country, Locale};
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::translate::t;
use std::collections::HashMap;

/// The columns a sheet may have, each with the headers it is known by.
pub const COLUMNS: [(&str, &[&str]); 11] = [
    ("name", &["name", "firm", "company", "nom", "entreprise", "société", "企业名称", "名称", "外文名称"]),
    ("name_zh", &["chinese name", "name in chinese", "nom chinois", "nom en chinois", "中文名称", "中文名"]),
    ("country", &["country", "pays", "国家", "国别", "国家/地区", "国家（地区）"]),
    ("sub_chain", &["sub-chain", "subchain", "sous-filière", "子链", "产业子链"]),
    ("segments", &["segments", "segment", "maillons", "maillon", "环节", "产业链环节"]),
    ("size", &["size", "taille", "规模", "企业规模"]),
    ("website", &["website", "web site", "site web", "site", "网址", "官网"]),
    ("contacts", &["contacts", "contact", "联系人", "联系方式"]),
    ("officer", &["officer", "officer in charge", "chargé de liaison", "chargée de liaison", "负责人", "联系干部"]),
    ("next_step", &["next step", "prochaine étape", "下一步", "下一步工作"]),
    (
        "next_step_on",
        &["next step on", "next step date", "prochaine étape le", "date de la prochaine étape", "下一步日期"],
    ),
];

/// The columns read from a sheet at most (the template has 11; a stray cell far to the right
/// must not make every row that wide).
const MAX_COLUMNS: usize = 64;

/// A file's rows as text, each with its line in the file (from 1), blank rows left out; a date
/// cell as `YYYY-MM-DD`. The first row is the headings (a title row or two above them is
/// allowed, see `columns`).
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, AppError> {
    let whole = |code| AppError::Invalid(vec![FieldError::new("file", code)]);
    if bytes.is_empty() {
        return Err(whole(FieldCode::EmptyFile));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(whole(FieldCode::FileTooLarge));
    }
    let lower = file_name.to_lowercase();
    let numbered = |rows: Vec<Vec<String>>| rows.into_iter().enumerate().map(|(i, r)| (i + 1, r)).collect();
    let rows: Vec<(usize, Vec<String>)> = if lower.ends_with(".csv") || lower.ends_with(".txt") {
        read_csv(bytes).ok_or_else(|| whole(FieldCode::UnreadableFile))?
    } else if lower.ends_with(".xls") {
        numbered(read_sheet(bytes).ok_or_else(|| whole(FieldCode::UnreadableFile))?)
    } else {
        numbered(read_xlsx(bytes)?.ok_or_else(|| whole(FieldCode::UnreadableFile))?)
    };
    let rows: Vec<(usize, Vec<String>)> = rows
        .into_iter()
        .map(|(line, mut r)| {
            r.truncate(MAX_COLUMNS);
            (line, r)
        })
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.len() < 2 {
        return Err(whole(FieldCode::EmptyFile));
    }
    if rows.len() - 1 > MAX_ROWS {
        return Err(whole(FieldCode::TooManyRows));
    }
    Ok(rows)
}

/// A CSV's records, each with the line it starts on (the reader skips blank lines).
fn read_csv(bytes: &[u8]) -> Option<Vec<(usize, Vec<String>)>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => legacy_text(bytes)?,
    };
    // A semicolon-separated file (French Excel) when its first lines (a title, the headings)
    // have more of them.
    let head: String = text.lines().take(5).collect();
    let delimiter = if head.matches(';').count() > head.matches(',').count() { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records().take(MAX_ROWS + 10) {
        let record = record.ok()?;
        let line = record.position().map_or(rows.len() + 1, |p| p.line() as usize);
        rows.push((line, record.iter().map(str::to_string).collect()));
    }
    Some(rows)
}

/// A CSV that is not UTF-8, as Excel saves one: GB18030 from a Chinese Excel, Windows-1252 from
/// a French or English one. GB18030 decodes most Latin-1 text too (as nonsense): it is taken
/// when what it reads is mostly Chinese.
fn legacy_text(bytes: &[u8]) -> Option<String> {
    let (chinese, _, bad) = encoding_rs::GB18030.decode(bytes);
    let foreign = chinese.chars().filter(|c| !c.is_ascii());
    let (han, all) = foreign.fold((0, 0), |(h, a), c| (h + usize::from(('\u{4e00}'..='\u{9fff}').contains(&c)), a + 1));
    if !bad && han * 10 >= all * 8 {
        return Some(chinese.into_owned());
    }
    let (latin, _, bad) = encoding_rs::WINDOWS_1252.decode(bytes);
    (!bad).then(|| latin.into_owned())
}

/// An .xlsx read cell by cell, so that a sheet claiming a million rows stops at the limit
/// instead of being laid out whole in memory. `Err` for too many rows, `None` if unreadable.
fn read_xlsx(bytes: &[u8]) -> Result<Option<Vec<Vec<String>>>, AppError> {
    use calamine::{DataRef, DataType, Reader};
    let Ok(mut book) = calamine::Xlsx::new(std::io::Cursor::new(bytes)) else { return Ok(None) };
    let Some(name) = book.sheet_names().first().cloned() else { return Ok(None) };
    let Ok(mut cells) = book.worksheet_cells_reader(&name) else { return Ok(None) };
    let mut rows: Vec<Vec<String>> = Vec::new();
    loop {
        let cell = match cells.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(_) => return Ok(None),
        };
        let (row, col) = cell.get_position();
        let (row, col) = (row as usize, col as usize);
        if col >= MAX_COLUMNS {
            continue;
        }
        if row > MAX_ROWS + 10 {
            return Err(AppError::Invalid(vec![FieldError::new("file", FieldCode::TooManyRows)]));
        }
        let d = cell.get_value();
        let text = match d {
            DataRef::Empty => continue,
            DataRef::String(s) => s.clone(),
            DataRef::SharedString(s) => s.to_string(),
            DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            DataRef::Float(f) => f.to_string(),
            DataRef::Int(i) => i.to_string(),
            DataRef::Bool(b) => b.to_string(),
            DataRef::DateTime(_) | DataRef::DateTimeIso(_) => d.as_date().map(|d| d.to_string()).unwrap_or_default(),
            DataRef::DurationIso(s) => s.clone(),
            DataRef::Error(_) => String::new(),
        };
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        let r = &mut rows[row];
        if r.len() <= col {
            r.resize(col + 1, String::new());
        }
        r[col] = text;
    }
    Ok(Some(rows))
}

/// An .xls, laid out whole (its format holds at most 65 536 rows of 256 columns). An .ods is not
/// taken: calamine lays it out whole, however many rows it claims.
fn read_sheet(bytes: &[u8]) -> Option<Vec<Vec<String>>> {
    use calamine::{Data, DataType, Reader};
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).ok()?;
    let range = book.worksheet_range_at(0)?.ok()?;
    let (height, width) = range.get_size();
    if height > MAX_ROWS + 10 || width > 16 * 1024 {
        return None;
    }
    let cell = |d: &Data| match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(_) | Data::DateTimeIso(_) => d.as_date().map(|d| d.to_string()).unwrap_or_default(),
        other => other.to_string(),
    };
    let skipped = range.start().map_or(0, |(row, _)| row as usize);
    let mut rows = vec![Vec::new(); skipped];
    rows.extend(range.rows().map(|r| r.iter().take(MAX_COLUMNS).map(cell).collect()));
    Some(rows)
}

/// A header as written, folded for comparison: lower case, without the marks of a required
/// column (`*`, `：`) or spaces around.
fn fold(header: &str) -> String {
    header.trim().trim_end_matches([':', '：', '*']).trim_start_matches('*').trim().to_lowercase()
}

// `tr!(locale, "id")`: the shape of leptos-fluent's `tr!`, so that its translation check sees
// these messages, written out for the template (see `i18n::Calendar`).
macro_rules! tr {
    ($locale:expr, $id:literal) => {
        t($locale, $id)
    };
}

/// A column's heading in the template, in `locale`.
fn heading(key: &str, locale: Locale) -> String {
    match key {
        "name" => tr!(locale, "firm-column-name"),
        "name_zh" => tr!(locale, "firm-column-name-zh"),
        "country" => tr!(locale, "firm-column-country"),
        "sub_chain" => tr!(locale, "firm-column-sub-chain"),
        "segments" => tr!(locale, "firm-column-segments"),
        "size" => tr!(locale, "firm-column-size"),
        "website" => tr!(locale, "firm-column-website"),
        "contacts" => tr!(locale, "firm-column-contacts"),
        "officer" => tr!(locale, "firm-column-officer"),
        "next_step" => tr!(locale, "firm-column-next-step"),
        _ => tr!(locale, "firm-column-next-step-on"),
    }
}

/// The template's example row: a firm in `locale`'s words; its Chinese name, website, chain
/// and officer are left to be filled.
fn example(key: &str, locale: Locale) -> String {
    match key {
        "name" => tr!(locale, "firm-example-name"),
        "country" => tr!(locale, "firm-example-country"),
        "size" => tr!(locale, "firm-example-size"),
        "contacts" => tr!(locale, "firm-example-contacts"),
        "next_step" => tr!(locale, "firm-example-next-step"),
        "next_step_on" => tr!(locale, "firm-example-next-step-on"),
        _ => String::new(),
    }
}

/// The template's file name in `locale`, without its extension.
pub fn template_name(locale: Locale) -> String {
    tr!(locale, "firms-template-file")
}

/// The template to fill in: the headings in the reader's language and one example row, as a
/// CSV with the byte-order mark that makes Excel read it as UTF-8.
pub fn template(locale: Locale) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let _ = out.write_record(COLUMNS.iter().map(|(key, _)| heading(key, locale)));
    let _ = out.write_record(COLUMNS.iter().map(|(key, _)| example(key, locale)));
    out.into_inner().unwrap_or_default()
}

/// The row of headings among the first rows (a title above them is allowed), with which
/// column each known column is; the rows after it are the firms.
pub fn heading_row(rows: &[(usize, Vec<String>)]) -> Result<(usize, HashMap<&'static str, usize>), AppError> {
    let mut first = None;
    for (i, (_, row)) in rows.iter().enumerate().take(5) {
        match columns(row) {
            Ok(at) => return Ok((i, at)),
            Err(e) => {
                first.get_or_insert(e);
            }
        }
    }
    Err(first.unwrap_or(AppError::Invalid(vec![FieldError::new("file", FieldCode::MissingColumns)])))
}

/// Which column of the sheet each known column is (by the template's headings in any of the
/// three languages, or a usual name of it); the name and the country must be there.
pub fn columns(headers: &[String]) -> Result<HashMap<&'static str, usize>, AppError> {
    let mut found = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = fold(h);
        let known = |key: &str, names: &[&str]| {
            names.iter().any(|n| *n == h) || Locale::ALL.into_iter().any(|l| fold(&heading(key, l)) == h)
        };
        if let Some((key, _)) = COLUMNS.iter().find(|(key, names)| known(key, names)) {
            found.entry(*key).or_insert(i);
        }
    }
    if !found.contains_key("name") || !found.contains_key("country") {
        return Err(AppError::Invalid(vec![FieldError::new("file", FieldCode::MissingColumns)]));
    }
    Ok(found)
}

/// What the rows are checked against: the sub-chains and their segments by their names, and
/// the officers by e-mail.
pub struct Lookups {
    /// (id, names in the three languages)
    pub sub_chains: Vec<(i64, [String; 3])>,
    /// (id, sub-chain id, names in the three languages)
    pub segments: Vec<(i64, i64, [String; 3])>,
    /// (id, e-mail in lower case)
    pub officers: Vec<(i64, String)>,
}

fn named(names: &[String; 3], wanted: &str) -> bool {
    let wanted = wanted.trim().to_lowercase();
    names.iter().any(|n| n.trim().to_lowercase() == wanted)
}

/// A size's name in `locale`, as the pages and the template write it.
fn size_name(size: FirmSize, locale: Locale) -> String {
    match size {
        FirmSize::Global500 => tr!(locale, "firm-size-global-500"),
        FirmSize::Large => tr!(locale, "firm-size-large"),
        FirmSize::Medium => tr!(locale, "firm-size-medium"),
        FirmSize::Small => tr!(locale, "firm-size-small"),
    }
}

/// A size as written: its code, its name in one of the three languages, or a usual short name.
pub fn size(raw: &str) -> Option<FirmSize> {
    let s = raw.trim().to_lowercase();
    let named = |z: &FirmSize| Locale::ALL.into_iter().any(|l| size_name(*z, l).to_lowercase() == s);
    FirmSize::parse(&s).or_else(|| FirmSize::ALL.iter().copied().find(named)).or(match s.as_str() {
        "世界500强" | "500强" | "fortune global 500" | "global 500" | "fortune 500" => Some(FirmSize::Global500),
        "大型企业" | "grande" => Some(FirmSize::Large),
        "中型企业" | "medium" | "moyenne" | "eti" => Some(FirmSize::Medium),
        "小型企业" | "petite" | "pme" => Some(FirmSize::Small),
        _ => None,
    })
}

/// The key a firm is matched by when imported again: its name folded (case, spaces) and
/// its country.
pub fn match_key(name: &str, country: &str) -> String {
    let name: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    format!("{}|{}", name.join(" "), country.to_ascii_uppercase())
}

/// Check each row (those after the headings); a firm named twice in the file is refused the
/// second time.
pub fn check(rows: &[(usize, Vec<String>)], at: &HashMap<&'static str, usize>, look: &Lookups) -> Vec<ImportRow> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    rows.iter()
        .map(|(line, row)| {
            let get =
                |key: &str| at.get(key).and_then(|c| row.get(*c)).map(|s| s.trim().to_string()).unwrap_or_default();
            let (firm, mut errors) = check_row(&get, look);
            // Only a row that would be saved claims its firm: a refused one, fixed, comes again.
            if errors.is_empty() && seen.insert(match_key(&firm.name, &firm.country), *line).is_some() {
                errors.push(FieldError::new("name", FieldCode::DuplicateInFile));
            }
            ImportRow { line: *line, firm, errors, updates: None }
        })
        .collect()
}

/// A day as people type it in a sheet, as `YYYY-MM-DD`: `2027-01-15`, `2027/1/15`, `2027.1.15`,
/// `2027年1月15日`, or the French `15/01/2027`; anything else is left for the date check to refuse.
fn day_as_written(raw: &str) -> String {
    let parts: Vec<&str> =
        raw.trim().trim_end_matches('日').split(['-', '/', '.', '年', '月']).map(str::trim).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => format!("{y}-{m:0>2}-{d:0>2}"),
        [d, m, y] if y.len() == 4 && d.len() <= 2 => format!("{y}-{m:0>2}-{d:0>2}"),
        _ => raw.trim().to_string(),
    }
}

fn check_row(get: &dyn Fn(&str) -> String, look: &Lookups) -> (FirmRow, Vec<FieldError>) {
    let mut v = Validator::default();
    let name = v.text("name", &get("name"), true, 200);
    let name_zh = v.text("name_zh", &get("name_zh"), false, 200);
    let country = v.check(Country::find("country", &get("country"))).map(|c| c.code().to_string()).unwrap_or_default();
    let raw_size = get("size");
    let size = match raw_size.as_str() {
        "" => None,
        raw => size(raw).or_else(|| {
            v.push(FieldError::new("size", FieldCode::UnknownSize));
            None
        }),
    };
    let website = v.text("website", &get("website"), false, 300);
    let contacts = v.text("contacts", &get("contacts"), false, 1000);
    let officer = get("officer");
    let officer_id = match officer.as_str() {
        "" => None,
        email => {
            let email = email.to_lowercase();
            let found = look.officers.iter().find(|(_, e)| *e == email).map(|(id, _)| *id);
            if found.is_none() {
                v.push(FieldError::new("officer", FieldCode::UnknownOfficer));
            }
            found
        }
    };
    let segments = get("segments");
    let sub_chain = get("sub_chain");
    let mut segment_ids = Vec::new();
    let wanted: Vec<&str> = segments.split([';', '；', '、', '\n']).map(str::trim).filter(|s| !s.is_empty()).collect();
    if !wanted.is_empty() || !sub_chain.is_empty() {
        match look.sub_chains.iter().find(|(_, names)| named(names, &sub_chain)) {
            None if sub_chain.is_empty() => v.push(FieldError::new("sub_chain", FieldCode::Required)),
            None => v.push(FieldError::new("sub_chain", FieldCode::UnknownSubChain)),
            Some((sub, _)) => {
                for w in wanted {
                    match look.segments.iter().find(|(_, s, names)| s == sub && named(names, w)) {
                        Some((id, _, _)) if !segment_ids.contains(id) => segment_ids.push(*id),
                        Some(_) => {}
                        None => {
                            v.push(FieldError::new("segments", FieldCode::UnknownSegment));
                            break;
                        }
                    }
                }
            }
        }
    }
    let next_step = v.text("next_step", &get("next_step"), false, 500);
    let next_step_on = v.optional_day("next_step_on", &day_as_written(&get("next_step_on")));
    let errors = v.finish().err().map(|e| e.field_errors().to_vec()).unwrap_or_default();
    let firm = FirmRow {
        name,
        name_zh,
        country,
        size,
        website,
        contacts,
        officer,
        officer_id,
        segments,
        segment_ids,
        next_step,
        next_step_on,
    };
    (firm, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look() -> Lookups {
        let names = |zh: &str, en: &str, fr: &str| [zh.to_string(), en.to_string(), fr.to_string()];
        Lookups {
            sub_chains: vec![(7, names("航空装备", "Aviation equipment", "Équipements aéronautiques"))],
            segments: vec![
                (70, 7, names("航空材料", "Aviation materials", "Matériaux aéronautiques")),
                (71, 7, names("机载设备", "Airborne equipment", "Équipements embarqués")),
            ],
            officers: vec![(3, "officer@liaison.test".into())],
        }
    }

    fn sheet(text: &str) -> Vec<(usize, Vec<String>)> {
        read("firms.csv", text.as_bytes()).unwrap()
    }

    /// The headings' columns and the checked rows after them.
    fn checked(rows: &[(usize, Vec<String>)]) -> Vec<ImportRow> {
        let (at, columns) = heading_row(rows).unwrap();
        check(&rows[at + 1..], &columns, &look())
    }

    #[test]
    fn a_row_is_checked_field_by_field_in_the_headers_of_any_language() {
        let rows = sheet(
            "Nom,Pays,Sous-filière,Maillons,Taille,Chargé de liaison,Prochaine étape le\n\
             Safran,France,Équipements aéronautiques,Matériaux aéronautiques ; équipements embarqués,grande,OFFICER@liaison.test,2027/01/15\n\
             ,Atlantis,Aviation,Wings,huge,nobody@x.test,2027-13-01\n",
        );
        let checked = checked(&rows);
        assert_eq!(checked[0].errors, []);
        assert_eq!(checked[0].line, 2);
        let f = &checked[0].firm;
        assert_eq!((f.country.as_str(), f.size, f.officer_id), ("FR", Some(FirmSize::Large), Some(3)));
        assert_eq!(f.segment_ids, [70, 71]);
        for (raw, size) in [
            ("Medium-sized", FirmSize::Medium),
            ("世界500强", FirmSize::Global500),
            ("Petite entreprise", FirmSize::Small),
        ] {
            assert_eq!(super::size(raw), Some(size), "{raw}");
        }
        assert_eq!(f.next_step_on.map(|d| d.to_string()).as_deref(), Some("2027-01-15"));
        let codes: Vec<(&str, FieldCode)> = checked[1].errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            codes,
            [
                ("name", FieldCode::Required),
                ("country", FieldCode::UnknownCountry),
                ("size", FieldCode::UnknownSize),
                ("officer", FieldCode::UnknownOfficer),
                ("sub_chain", FieldCode::UnknownSubChain),
                ("next_step_on", FieldCode::InvalidDate),
            ]
        );
    }

    #[test]
    fn a_firm_twice_in_one_file_is_refused_the_second_time() {
        let rows = sheet("目标企业名单\n\n企业名称;国家;下一步日期\nSafran;FR;2027年1月5日\n  safran ;法国;\nAirbus;Atlantis;\nAirbus;FR;15/01/2027\n");
        let checked = checked(&rows);
        let codes: Vec<Vec<FieldCode>> = checked.iter().map(|r| r.errors.iter().map(|e| e.code).collect()).collect();
        assert_eq!(codes, [vec![], vec![FieldCode::DuplicateInFile], vec![FieldCode::UnknownCountry], vec![]]);
        assert_eq!(checked.iter().map(|r| r.line).collect::<Vec<_>>(), [4, 5, 6, 7], "the lines of the file");
        let days: Vec<Option<String>> = checked.iter().map(|r| r.firm.next_step_on.map(|d| d.to_string())).collect();
        assert_eq!(days[0].as_deref(), Some("2027-01-05"));
        assert_eq!(days[3].as_deref(), Some("2027-01-15"));
    }

    #[test]
    fn a_chinese_excel_csv_in_gb18030_is_read() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("企业名称,国家\n空中客车,法国\n");
        let rows = read("目标企业.CSV", &bytes).unwrap();
        assert_eq!(rows[1].1, ["空中客车", "法国"]);
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Nom;Pays\nSociété Générale;France\nÉlysée Aéro;FR\n");
        let rows = read("entreprises.csv", &bytes).unwrap();
        assert_eq!((rows[1].1[0].as_str(), rows[2].1[0].as_str()), ("Société Générale", "Élysée Aéro"));
    }

    #[test]
    fn a_file_without_the_name_and_country_columns_or_rows_is_refused_whole() {
        fn codes<T>(r: Result<T, AppError>) -> Option<Vec<FieldCode>> {
            r.err().map(|e| e.field_errors().iter().map(|f| f.code).collect())
        }
        assert_eq!(codes(heading_row(&sheet("Firm,Website\nA,b\n"))), Some(vec![FieldCode::MissingColumns]));
        assert_eq!(codes(read("a.csv", b"Name,Country\n")), Some(vec![FieldCode::EmptyFile]));
        assert_eq!(codes(read("a.xlsx", b"not a spreadsheet")), Some(vec![FieldCode::UnreadableFile]));
    }
}
