//! The year-end review (年度工作综述): a year's figures from the dashboard written as the
//! office's own review writes them ("全市储备（签约）项目 666 个，开工率 94.44%，建成率 50%"),
//! in Chinese, English or French; the figures only from the data, the words only from Fluent.
//! Printed as one A4 document, or downloaded as a Word file (.docx) to paste into reports.
//! Only the sections the reader's role may read are written.

use super::{Amount, ColumnName, Dashboard, FigureName as F, Label, SectionName, TableName};
use crate::domain::Locale;
use crate::html::escape;
use crate::i18n::{format_day, format_number};
use std::fmt::Write;

/// The review, written in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub year: i32,
    pub language: Locale,
    pub title: String,
    pub office: String,
    pub paragraphs: Vec<Paragraph>,
    /// When and from what it was written.
    pub footer: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub heading: String,
    pub sentences: Vec<String>,
}

impl Paragraph {
    /// The sentences as one paragraph: run on in Chinese, a space between them otherwise.
    pub fn text(&self, l: Locale) -> String {
        self.sentences.join(if l == Locale::ZhCn { "" } else { " " })
    }
}

/// `numerator / 10^places` written with as many decimals as it needs (none for a whole
/// number), grouped as the language groups thousands: 875 100 万元 is "87.51" 亿元.
fn decimal(numerator: i64, places: u32, l: Locale) -> String {
    let unit = 10_i64.pow(places);
    let whole = format_number((numerator / unit) as f64, 0, l);
    let fraction = format!("{:0width$}", (numerator % unit).abs(), width = places as usize);
    let fraction = fraction.trim_end_matches('0');
    match (fraction.is_empty(), l) {
        (true, _) => whole,
        (false, Locale::Fr) => format!("{whole},{fraction}"),
        (false, _) => format!("{whole}.{fraction}"),
    }
}

/// 万元 as the language counts large sums: 亿元 in Chinese, billions of yuan otherwise.
fn yuan(wan: i64, l: Locale) -> String {
    let amount = match l {
        Locale::ZhCn => decimal(wan, 4, l),
        _ => decimal(wan, 5, l),
    };
    tr!(l, "review-yuan", { "amount" => amount })
}

/// US cents as 万美元 in Chinese, millions of dollars otherwise.
fn dollars(cents: i64, l: Locale) -> String {
    let amount = match l {
        Locale::ZhCn => decimal(cents, 6, l),
        _ => decimal(cents, 8, l),
    };
    tr!(l, "review-dollars", { "amount" => amount })
}

/// A rate with the decimals it needs: "94.44%", "50%", "94,44 %".
fn rate(basis_points: Option<u64>, l: Locale) -> String {
    let Some(bp) = basis_points else { return "—".into() };
    let number = decimal(bp as i64, 2, l);
    match l {
        Locale::Fr => format!("{number}\u{202F}%"),
        _ => format!("{number}%"),
    }
}

fn count(n: i64, l: Locale) -> String {
    format_number(n as f64, 0, l)
}

/// Write the review of the year `d` shows (a dashboard of one whole year). A count a sentence
/// chooses its plural by goes to Fluent as a number; the others are written here, grouped.
pub fn write(d: &Dashboard, l: Locale) -> Review {
    use chrono::Datelike;
    let year = d.period.from.year();
    let value = |name| d.figure(name).map(|f| f.now);
    let n = |name| match value(name) {
        Some(Amount::Count(n)) => n,
        _ => 0,
    };
    let wan = |name| match value(name) {
        Some(Amount::Wan(w)) => w,
        _ => 0,
    };
    let percent = |name| match value(name) {
        Some(Amount::Percent(p)) => p,
        _ => None,
    };
    let mut paragraphs = Vec::new();
    for section in &d.sections {
        let mut s = Vec::new();
        match section.name {
            SectionName::Projects => {
                s.push(tr!(l, "review-projects-list", {
                    "list" => count(n(F::ProjectsOnList), l),
                    "start" => rate(percent(F::StartRate), l),
                    "completion" => rate(percent(F::CompletionRate), l),
                }));
                s.push(tr!(l, "review-projects-signed", {
                    "count" => n(F::ProjectsSigned),
                    "amount" => yuan(wan(F::InvestmentSigned), l),
                }));
                for e in d.events.iter().rev().filter(|e| e.signed > 0) {
                    s.push(tr!(l, "review-projects-event", {
                        "event" => e.name.clone(),
                        "count" => e.signed,
                        "amount" => yuan(e.investment, l),
                    }));
                }
                if n(F::SignedThroughVisits) > 0 {
                    s.push(tr!(l, "review-projects-visits", {
                        "count" => n(F::SignedThroughVisits),
                        "amount" => yuan(wan(F::InvestmentThroughVisits), l),
                    }));
                }
                let foreign = match value(F::CapitalForeign) {
                    Some(Amount::UsdCents(c)) => c,
                    _ => 0,
                };
                s.push(tr!(l, "review-projects-capital", {
                    "domestic" => yuan(wan(F::CapitalDomestic), l),
                    "foreign" => dollars(foreign, l),
                }));
            }
            SectionName::Promotion => {
                s.push(tr!(l, "review-promotion-libraries", {
                    "firms" => count(n(F::TargetFirms), l),
                    "promoted" => count(n(F::PromotedPublished), l),
                    "chains" => count(n(F::SubChains), l),
                }));
                if n(F::BrochureIssues) > 0 {
                    s.push(tr!(l, "review-promotion-brochure", {
                        "issues" => n(F::BrochureIssues),
                        "presented" => count(n(F::BrochurePresented), l),
                        "signed" => n(F::BrochureSigned),
                    }));
                }
                s.push(tr!(l, "review-promotion-leads", {
                    "opened" => n(F::LeadsOpened),
                    "open" => n(F::LeadsOpen),
                }));
                if n(F::PoliciesWithdrawn) > 0 {
                    s.push(tr!(l, "review-promotion-policies", { "withdrawn" => n(F::PoliciesWithdrawn) }));
                }
            }
            SectionName::Delegations => {
                s.push(tr!(l, "review-delegations-received", {
                    "count" => n(F::DelegationsReceived),
                    "people" => n(F::VisitorsReceived),
                }));
                if n(F::DelegationsSent) > 0 {
                    s.push(tr!(l, "review-delegations-sent", {
                        "count" => n(F::DelegationsSent),
                        "people" => n(F::PeopleSent),
                    }));
                }
            }
            SectionName::Cities => {
                if !d.new_cities.is_empty() {
                    s.push(tr!(l, "review-cities-new", {
                        "count" => d.new_cities.len() as i64,
                        "names" => super::names_in(&d.new_cities, l),
                    }));
                }
                s.push(tr!(l, "review-cities-standing", {
                    "sister" => n(F::SisterCities),
                    "prospective" => n(F::ProspectiveCities),
                    "exchange" => n(F::ExchangeCities),
                }));
            }
            SectionName::Enterprises => {
                s.push(tr!(l, "review-enterprises", {
                    "all" => count(n(F::Enterprises), l),
                    "key" => n(F::KeyEnterprises),
                    "new" => n(F::NewEnterprises),
                }));
            }
            SectionName::Cases => {
                s.push(tr!(l, "review-cases", {
                    "opened" => count(n(F::CasesOpened), l),
                    "resolved" => count(n(F::CasesResolved), l),
                    "green" => rate(percent(F::GreenChannelShare), l),
                }));
                if let (Some(on_time), Some(Amount::Days(Some(days)))) = (percent(F::OnTimeRate), value(F::MedianDays))
                {
                    s.push(tr!(l, "review-cases-speed", {
                        "rate" => rate(Some(on_time), l),
                        "median" => decimal(days, 2, l),
                    }));
                }
                let departments = departments(section, l);
                if !departments.is_empty() {
                    s.push(tr!(l, "review-cases-departments", { "departments" => departments }));
                }
                if let Some(Amount::Stars(Some(h))) = value(F::Satisfaction) {
                    s.push(tr!(l, "review-cases-rated", {
                        "ratings" => n(F::Ratings),
                        "stars" => decimal(h, 2, l),
                    }));
                }
            }
        }
        paragraphs.push(Paragraph { heading: heading(section.name, l), sentences: s });
    }
    Review {
        year,
        language: l,
        title: tr!(l, "review-title", { "year" => year.to_string() }),
        office: tr!(l, "review-office"),
        paragraphs,
        footer: tr!(l, "review-written", { "day" => format_day(d.today, l) }),
    }
}

/// Each department that completed tasks in the period, with how many and their median working
/// days ("海关办结协调事项 12 项，用时中位数 2 个工作日"), as one list.
fn departments(section: &super::Section, l: Locale) -> String {
    let Some(table) = section.tables.iter().find(|t| t.name == TableName::Departments) else {
        return String::new();
    };
    let column = |name: ColumnName| table.columns.iter().position(|c| *c == name);
    let (Some(done), Some(median)) = (column(ColumnName::TasksDone), column(ColumnName::MedianDays)) else {
        return String::new();
    };
    let done: Vec<String> = table
        .rows
        .iter()
        .filter_map(|row| match (&row.label, row.values.get(done), row.values.get(median)) {
            (Label::Named(name), Some(Amount::Count(done)), Some(Amount::Days(Some(days)))) if *done > 0 => {
                Some(tr!(l, "review-cases-department", {
                    "name" => name.for_reader(l).0.to_string(),
                    "done" => *done,
                    "median" => decimal(*days, 2, l),
                }))
            }
            _ => None,
        })
        .collect();
    done.join(match l {
        Locale::ZhCn => "；",
        Locale::En => "; ",
        Locale::Fr => "\u{202F}; ",
    })
}

fn heading(s: SectionName, l: Locale) -> String {
    match s {
        SectionName::Projects => tr!(l, "review-heading-projects"),
        SectionName::Promotion => tr!(l, "review-heading-promotion"),
        SectionName::Delegations => tr!(l, "review-heading-delegations"),
        SectionName::Cities => tr!(l, "review-heading-cities"),
        SectionName::Enterprises => tr!(l, "review-heading-enterprises"),
        SectionName::Cases => tr!(l, "review-heading-cases"),
    }
}

/// The review as one self-contained page, set for A4 paper.
pub fn print(r: &Review) -> String {
    let l = r.language;
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title><style>{STYLE}</style>\
         </head><body><article><header><p class=\"office\">{office}</p><h1>{title}</h1></header>",
        lang = l.tag(),
        title = escape(&r.title),
        office = escape(&r.office),
    );
    for p in &r.paragraphs {
        let _ = write!(html, "<section><h2>{}</h2><p>{}</p></section>", escape(&p.heading), escape(&p.text(l)));
    }
    let _ = write!(html, "<footer>{}</footer></article></body></html>", escape(&r.footer));
    html
}

const STYLE: &str = "@page{size:A4;margin:25mm 22mm}\
body{font-family:'Noto Serif CJK SC','Songti SC','SimSun',serif;font-size:12pt;line-height:1.8;color:#000;\
max-width:170mm;margin:2em auto}\
h1{font-size:20pt;text-align:center;margin:0 0 1.2em}h2{font-size:14pt;margin:1.2em 0 .4em}\
p{margin:0 0 .6em;text-indent:2em}.office{text-align:center;text-indent:0;color:#444}\
footer{margin-top:2em;font-size:10pt;color:#444}";

/// The review as a Word document (Office Open XML): a title, then a heading and a paragraph
/// per section, in styles Word knows.
pub fn docx(r: &Review) -> Result<Vec<u8>, std::io::Error> {
    use std::io::Write as _;
    let l = r.language;
    let paragraph = |style: &str, text: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(text)
        )
    };
    let mut body = paragraph("Subtitle", &r.office);
    body.push_str(&paragraph("Title", &r.title));
    for p in &r.paragraphs {
        body.push_str(&paragraph("Heading1", &p.heading));
        body.push_str(&paragraph("Normal", &p.text(l)));
    }
    body.push_str(&paragraph("Normal", &r.footer));
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1247\" w:bottom=\"1418\" \
         w:left=\"1247\" w:header=\"851\" w:footer=\"851\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" \
         w:eastAsia=\"SimSun\"/><w:sz w:val=\"24\"/><w:lang w:val=\"{lang}\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"360\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"360\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"40\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:jc w:val=\"center\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:keepNext/><w:spacing w:before=\"240\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/>\
         <w:sz w:val=\"28\"/></w:rPr></w:style></w:styles>",
        lang = l.tag()
    );
    let parts: [(&str, String); 5] = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/word/document.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
             <Override PartName=\"/word/styles.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
             <Override PartName=\"/docProps/core.xml\" \
             ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>"
                .to_string(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" \
             Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
             Target=\"word/document.xml\"/>\
             <Relationship Id=\"rId2\" \
             Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" \
             Target=\"docProps/core.xml\"/></Relationships>"
                .to_string(),
        ),
        (
            "word/_rels/document.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" \
             Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" \
             Target=\"styles.xml\"/></Relationships>"
                .to_string(),
        ),
        (
            "docProps/core.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
                 <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
                 xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>{}</dc:language>\
                 </cp:coreProperties>",
                escape(&r.title),
                l.tag()
            ),
        ),
        ("word/styles.xml", styles),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts.iter().chain(std::iter::once(&("word/document.xml", document))) {
        zip.start_file(*name, options).map_err(std::io::Error::other)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_with_the_decimals_they_need() {
        assert_eq!(decimal(875_100, 4, Locale::ZhCn), "87.51");
        assert_eq!(decimal(875_100, 5, Locale::En), "8.751");
        assert_eq!(decimal(1_653_000, 4, Locale::ZhCn), "165.3");
        assert_eq!(decimal(1_653_000, 5, Locale::Fr), "16,53");
        assert_eq!(decimal(920_000_000, 6, Locale::ZhCn), "920");
        assert_eq!(decimal(920_000_000, 8, Locale::En), "9.2");
        assert_eq!(decimal(123_456_700_000, 4, Locale::En), "12,345,670");
        assert_eq!(rate(Some(9444), Locale::ZhCn), "94.44%");
        assert_eq!(rate(Some(5000), Locale::ZhCn), "50%");
        assert_eq!(rate(Some(9444), Locale::Fr), "94,44\u{202F}%");
        assert_eq!(rate(None, Locale::En), "—");
    }
}
