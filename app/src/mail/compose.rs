//! Messages rendered from Fluent in their recipient's language: a subject, a plain-text body
//! and a simple, accessible HTML body with the same content; and queued in the transaction
//! of the change that causes them.

use crate::db::outbox::{self, NewMessage};
use crate::db::Tx;
use crate::domain::{CaseStatus, CaseType, Locale};
use crate::html::escape;
use crate::i18n::format_day;
use crate::state::Settings;
use crate::translate::t;
use chrono::{DateTime, NaiveDate, Utc};

/// `tr!(locale, "id")` or `tr!(locale, "id", { "name" => value, … })`: a message in the
/// caller's choice of language, for e-mails. It has the shape of leptos-fluent's `tr!` so that
/// its translation check covers these messages too (each id and argument in every locale).
macro_rules! tr {
    ($locale:expr, $id:literal) => {
        $crate::translate::t($locale, $id)
    };
    ($locale:expr, $id:literal, { $($name:literal => $value:expr),* $(,)? }) => {
        $crate::translate::t_args($locale, $id, &[$(($name, $crate::translate::FluentValue::from($value))),*])
    };
}

pub use crate::domain::Recipient;

/// What messages say about a case.
#[derive(Debug, Clone)]
pub struct CaseFacts {
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub enterprise_name: String,
    pub case_type: CaseType,
    pub due_on: Option<NaiveDate>,
    pub language: Locale,
    pub applicant_name: String,
    pub applicant_email: Option<String>,
    /// The address has proved itself (staff entered it, or its owner typed the access code
    /// back): until then a message to it carries no word the visitor chose.
    pub applicant_email_verified: bool,
}

impl CaseFacts {
    /// The applicant, when the case has an e-mail address to write to (greeted by name only
    /// once the address has proved itself).
    pub fn applicant(&self) -> Option<Recipient> {
        self.applicant_email.as_ref().map(|email| Recipient {
            email: email.clone(),
            name: if self.applicant_email_verified { self.applicant_name.clone() } else { String::new() },
            locale: self.language,
        })
    }

    /// The request's title as the applicant's messages name it: the kind of request in
    /// standard words until the address has proved itself, so that nobody can have the
    /// office mail a stranger a text of their choosing.
    fn title_for_applicant(&self, locale: Locale) -> String {
        if self.applicant_email_verified {
            self.title.clone()
        } else {
            type_name(locale, self.case_type)
        }
    }
}

/// The parts of a body, rendered once as text and once as HTML.
enum Block {
    Para(String),
    Quote(String),
    Link(String, String),
}

struct Letter {
    kind: &'static str,
    to: Recipient,
    subject: String,
    blocks: Vec<Block>,
    case_id: Option<i64>,
}

impl Letter {
    fn new(kind: &'static str, to: &Recipient, subject: String, case_id: Option<i64>) -> Letter {
        let locale = to.locale;
        let greeting = if to.name.trim().is_empty() {
            tr!(locale, "mail-greeting-anonymous")
        } else {
            tr!(locale, "mail-greeting", { "name" => to.name.trim() })
        };
        Letter { kind, to: to.clone(), subject, blocks: vec![Block::Para(greeting)], case_id }
    }

    fn para(mut self, text: String) -> Letter {
        self.blocks.push(Block::Para(text));
        self
    }

    fn quote(mut self, text: &str) -> Letter {
        self.blocks.push(Block::Quote(text.to_string()));
        self
    }

    fn link(mut self, label: String, url: String) -> Letter {
        self.blocks.push(Block::Link(label, url));
        self
    }

    fn finish(self) -> NewMessage {
        let locale = self.to.locale;
        let footer = tr!(locale, "mail-footer");
        let mut text = String::new();
        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><title>{}</title></head>\n\
             <body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em\">\n",
            locale.tag(),
            escape(&self.subject)
        );
        for b in &self.blocks {
            match b {
                Block::Para(p) => {
                    text.push_str(p);
                    html.push_str(&format!("<p>{}</p>\n", escape(p)));
                }
                Block::Quote(q) => {
                    for line in q.lines() {
                        text.push_str("> ");
                        text.push_str(line);
                        text.push('\n');
                    }
                    let lines: Vec<String> = q.lines().map(escape).collect();
                    html.push_str(&format!(
                        "<blockquote style=\"border-left: 4px solid #1d70b8; margin: 0; padding-left: 1em\"><p>{}</p></blockquote>\n",
                        lines.join("<br>")
                    ));
                }
                Block::Link(label, url) => {
                    text.push_str(&format!("{label}\n{url}"));
                    html.push_str(&format!("<p><a href=\"{}\">{}</a></p>\n", escape(url), escape(label)));
                }
            }
            text.push_str("\n\n");
        }
        text.push_str(&format!("-- \n{footer}\n"));
        html.push_str(&format!(
            "<hr>\n<p style=\"color: #505a5f; font-size: 14px\">{}</p>\n</body>\n</html>\n",
            escape(&footer)
        ));
        NewMessage {
            kind: self.kind,
            recipient: self.to.email,
            recipient_name: self.to.name,
            locale,
            subject: self.subject,
            body_text: text,
            body_html: html,
            case_id: self.case_id,
            attachments: Vec::new(),
        }
    }
}

fn type_name(locale: Locale, t_: CaseType) -> String {
    t(locale, &format!("case-type-{}", t_.as_str().replace('_', "-")))
}

fn status_name(locale: Locale, s: CaseStatus) -> String {
    t(locale, &format!("case-status-{}", s.as_str().replace('_', "-")))
}

/// A status as the applicant reads it: the staff's words, except that the status waiting for
/// the applicant speaks to them (as on the status page).
fn applicant_status_name(locale: Locale, s: CaseStatus) -> String {
    match s {
        CaseStatus::AwaitingApplicant => tr!(locale, "portal-status-awaiting-applicant"),
        s => status_name(locale, s),
    }
}

/// A language's name in the reader's language (the status page's messages).
fn language_name(locale: Locale, l: Locale) -> String {
    match l {
        Locale::ZhCn => tr!(locale, "portal-language-zh"),
        Locale::En => tr!(locale, "portal-language-en"),
        Locale::Fr => tr!(locale, "portal-language-fr"),
    }
}

/// The sender's display name in the recipient's language (the address is the configured one).
pub fn sender_name(locale: Locale) -> String {
    tr!(locale, "mail-sender-name")
}

fn due_text(locale: Locale, due: Option<NaiveDate>) -> String {
    match due {
        Some(d) => format_day(d, locale),
        None => tr!(locale, "mail-no-due-date"),
    }
}

fn case_url(settings: &Settings, id: i64) -> String {
    format!("{}/cases/{id}", settings.public_url)
}

/// To the applicant: how to follow their request.
fn check_status(l: Letter, settings: &Settings) -> Letter {
    let locale = l.to.locale;
    l.para(tr!(locale, "mail-check-status", { "url" => format!("{}/portal/status", settings.public_url) }))
}

/// To the applicant: their request is registered, with its reference and expected date
/// (`portal`: they submitted it themselves and hold the access code already).
pub fn case_opened(settings: &Settings, case: &CaseFacts, portal: bool) -> Option<NewMessage> {
    let to = case.applicant()?;
    let locale = to.locale;
    let (reference, title) = (case.reference.clone(), case.title_for_applicant(locale));
    let subject = tr!(locale, "mail-opened-subject", { "reference" => reference.clone() });
    let intro = if portal {
        tr!(locale, "mail-opened-intro-portal", { "title" => title, "reference" => reference })
    } else {
        tr!(locale, "mail-opened-intro", { "title" => title, "reference" => reference })
    };
    let mut l = Letter::new("case_opened", &to, subject, Some(case.id)).para(intro);
    if let Some(due) = case.due_on {
        l = l.para(tr!(locale, "mail-opened-expected", { "due" => format_day(due, locale) }));
    }
    Some(check_status(l, settings).finish())
}

/// To the applicant: a public update, in their language when the officer wrote it (another
/// language otherwise, said so).
pub fn public_update(settings: &Settings, case: &CaseFacts, text: &crate::domain::PublicText) -> Option<NewMessage> {
    let to = case.applicant()?;
    let locale = to.locale;
    let (body, written_in) = text.for_reader(locale, locale)?;
    let (reference, title) = (case.reference.clone(), case.title_for_applicant(locale));
    let subject = tr!(locale, "mail-update-subject", { "reference" => reference.clone() });
    let mut l = Letter::new("public_update", &to, subject, Some(case.id))
        .para(tr!(locale, "mail-update-intro", { "reference" => reference, "title" => title }));
    if written_in != locale {
        l = l.para(tr!(locale, "mail-update-other-language", { "language" => language_name(locale, written_in) }));
    }
    Some(check_status(l.quote(body), settings).finish())
}

/// To the applicant: their request moved to `to_status`, with the reason meant for them.
pub fn status_changed(
    settings: &Settings,
    case: &CaseFacts,
    to_status: CaseStatus,
    reason: &str,
) -> Option<NewMessage> {
    let to = case.applicant()?;
    let locale = to.locale;
    let status = applicant_status_name(locale, to_status);
    let (reference, title) = (case.reference.clone(), case.title_for_applicant(locale));
    let subject = tr!(locale, "mail-status-subject", { "reference" => reference.clone(), "status" => status.clone() });
    let mut l = Letter::new("status_changed", &to, subject, Some(case.id))
        .para(tr!(locale, "mail-status-intro", { "reference" => reference, "title" => title, "status" => status }));
    let explanation = match to_status {
        CaseStatus::Accepted | CaseStatus::InProgress => Some(match case.due_on {
            Some(due) => tr!(locale, "mail-status-expected", { "due" => format_day(due, locale) }),
            None => tr!(locale, "mail-status-expected-none"),
        }),
        CaseStatus::AwaitingApplicant => Some(tr!(locale, "mail-status-awaiting")),
        CaseStatus::Resolved => Some(tr!(locale, "mail-status-resolved")),
        _ => None,
    };
    if let Some(e) = explanation {
        l = l.para(e);
    }
    if !reason.trim().is_empty() {
        l = l.para(tr!(locale, "mail-status-reason")).quote(reason.trim());
    }
    Some(check_status(l, settings).finish())
}

/// To the officer who now owns a case.
pub fn case_assigned(settings: &Settings, to: &Recipient, case: &CaseFacts) -> NewMessage {
    let locale = to.locale;
    let (reference, title) = (case.reference.clone(), case.title.clone());
    let subject = tr!(locale, "mail-assigned-subject", { "reference" => reference.clone(), "title" => title.clone() });
    let body = match case.due_on {
        Some(due) => tr!(locale, "mail-assigned-body", {
            "reference" => reference,
            "title" => title,
            "type" => type_name(locale, case.case_type),
            "enterprise" => case.enterprise_name.clone(),
            "due" => format_day(due, locale),
        }),
        None => tr!(locale, "mail-assigned-body-no-due", {
            "reference" => reference,
            "title" => title,
            "type" => type_name(locale, case.case_type),
            "enterprise" => case.enterprise_name.clone(),
        }),
    };
    Letter::new("case_assigned", to, subject, Some(case.id))
        .para(body)
        .link(tr!(locale, "mail-open-case"), case_url(settings, case.id))
        .finish()
}

/// To the officer: the applicant answered their request for information.
pub fn applicant_replied(settings: &Settings, to: &Recipient, case: &CaseFacts) -> NewMessage {
    let locale = to.locale;
    let (reference, title) = (case.reference.clone(), case.title.clone());
    let subject = tr!(locale, "mail-replied-subject", { "reference" => reference.clone() });
    let body = tr!(locale, "mail-replied-body", { "reference" => reference, "title" => title });
    Letter::new("applicant_replied", to, subject, Some(case.id))
        .para(body)
        .link(tr!(locale, "mail-open-case"), case_url(settings, case.id))
        .finish()
}

/// To a department liaison: their department has a new task on a case.
pub fn task_assigned(
    settings: &Settings,
    to: &Recipient,
    case: &CaseFacts,
    department: &str,
    due: Option<NaiveDate>,
    instructions: &str,
) -> NewMessage {
    let locale = to.locale;
    let reference = case.reference.clone();
    let subject = tr!(locale, "mail-task-subject", { "department" => department, "reference" => reference.clone() });
    let body = match due {
        Some(due) => tr!(locale, "mail-task-body", {
            "reference" => reference,
            "title" => case.title.clone(),
            "enterprise" => case.enterprise_name.clone(),
            "department" => department,
            "due" => format_day(due, locale),
        }),
        None => tr!(locale, "mail-task-body-no-due", {
            "reference" => reference,
            "title" => case.title.clone(),
            "enterprise" => case.enterprise_name.clone(),
            "department" => department,
        }),
    };
    let mut l = Letter::new("task_assigned", to, subject, Some(case.id)).para(body);
    if !instructions.trim().is_empty() {
        l = l.para(tr!(locale, "mail-task-instructions")).quote(instructions.trim());
    }
    l.link(tr!(locale, "mail-open-tasks"), format!("{}/tasks", settings.public_url)).finish()
}

/// To the officer and the responsible leader: a case is at risk (due today or on the next
/// working day) or overdue.
pub fn deadline_notice(settings: &Settings, to: &Recipient, case: &CaseFacts, overdue: bool) -> NewMessage {
    let locale = to.locale;
    let reference = case.reference.clone();
    let (title, enterprise, due) = (case.title.clone(), case.enterprise_name.clone(), due_text(locale, case.due_on));
    let (kind, subject, body) = if overdue {
        (
            "case_overdue",
            tr!(locale, "mail-overdue-subject", { "reference" => reference.clone() }),
            tr!(locale, "mail-overdue-body", { "reference" => reference, "title" => title, "enterprise" => enterprise, "due" => due }),
        )
    } else {
        (
            "case_at_risk",
            tr!(locale, "mail-at-risk-subject", { "reference" => reference.clone() }),
            tr!(locale, "mail-at-risk-body", { "reference" => reference, "title" => title, "enterprise" => enterprise, "due" => due }),
        )
    };
    Letter::new(kind, to, subject, Some(case.id))
        .para(body)
        .link(tr!(locale, "mail-open-case"), case_url(settings, case.id))
        .finish()
}

/// To a department liaison: their department's task on a case is overdue.
pub fn task_overdue(
    settings: &Settings,
    to: &Recipient,
    case: &CaseFacts,
    department: &str,
    due: NaiveDate,
) -> NewMessage {
    let locale = to.locale;
    let reference = case.reference.clone();
    let subject =
        tr!(locale, "mail-task-overdue-subject", { "department" => department, "reference" => reference.clone() });
    let body = tr!(locale, "mail-task-overdue-body", {
        "department" => department,
        "reference" => reference,
        "title" => case.title.clone(),
        "due" => format_day(due, locale),
    });
    Letter::new("task_overdue", to, subject, Some(case.id))
        .para(body)
        .link(tr!(locale, "mail-open-tasks"), format!("{}/tasks", settings.public_url))
        .finish()
}

/// One case in an officer's daily digest.
#[derive(Debug, Clone)]
pub struct DigestLine {
    pub reference: String,
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub deadline: crate::domain::Deadline,
}

/// The digest's heading of a group of cases.
fn digest_heading(locale: Locale, d: crate::domain::Deadline) -> String {
    use crate::domain::Deadline;
    match d {
        Deadline::Overdue => tr!(locale, "mail-digest-overdue"),
        Deadline::AtRisk => tr!(locale, "mail-digest-at-risk"),
        Deadline::OnTrack => tr!(locale, "mail-digest-on-track"),
        Deadline::Stopped => tr!(locale, "mail-digest-paused"),
        Deadline::None | Deadline::Finished => tr!(locale, "mail-digest-no-date"),
    }
}

/// To an officer, each working morning: their open cases, overdue and at-risk ones first.
pub fn digest(settings: &Settings, to: &Recipient, lines: &[DigestLine], today: NaiveDate) -> NewMessage {
    use crate::domain::Deadline;
    let locale = to.locale;
    let count = |d: Deadline| lines.iter().filter(|l| l.deadline == d).count() as i64;
    let (overdue, at_risk) = (count(Deadline::Overdue), count(Deadline::AtRisk));
    let subject = tr!(locale, "mail-digest-subject", {
        "date" => format_day(today, locale),
        "overdue" => overdue,
        "at_risk" => at_risk,
    });
    let summary = tr!(locale, "mail-digest-summary", {
        "open" => lines.len() as i64,
        "overdue" => overdue,
        "at_risk" => at_risk,
    });
    let mut l = Letter::new("digest", to, subject, None).para(summary);
    for deadline in [Deadline::Overdue, Deadline::AtRisk, Deadline::OnTrack, Deadline::Stopped, Deadline::None] {
        let items: Vec<String> = lines
            .iter()
            .filter(|x| x.deadline == deadline)
            .map(|x| format!("{} · {} · {}", x.reference, x.title, due_text(locale, x.due_on)))
            .collect();
        if !items.is_empty() {
            l = l.para(digest_heading(locale, deadline)).quote(&items.join("\n"));
        }
    }
    l.link(tr!(locale, "mail-digest-open"), format!("{}/cases?mine=true", settings.public_url))
        .para(tr!(locale, "mail-digest-switch-off"))
        .finish()
}

/// To an official, an interpreter or a driver: the items of the programme of the delegation
/// `delegation_id` (titled `delegation`) they take part in, one line each, already written in
/// their language, with a calendar file of those items attached.
pub fn programme(to: &Recipient, delegation: &str, delegation_id: i64, lines: Vec<String>, ics: Vec<u8>) -> NewMessage {
    let locale = to.locale;
    let subject = tr!(locale, "mail-programme-subject", { "delegation" => delegation });
    let mut l = Letter::new("delegation_programme", to, subject, None)
        .para(tr!(locale, "mail-programme-intro", { "delegation" => delegation }));
    for line in lines {
        l = l.para(line);
    }
    let mut m = l.para(tr!(locale, "mail-programme-calendar")).finish();
    m.attachments.push(outbox::Attachment {
        filename: format!("programme-{delegation_id}.ics"),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        content: ics,
    });
    m
}

/// To an investor who expressed interest in a promoted project on the portal: it reached the
/// project's officer, who will write. The address has not proved itself: nothing the visitor
/// typed is in it, only the project's `title` as the office wrote it (in the investor's
/// language where written), its officer and its page.
pub fn interest_received(
    settings: &Settings,
    to: &Recipient,
    title: &str,
    officer: &str,
    project_id: i64,
) -> NewMessage {
    let locale = to.locale;
    let subject = tr!(locale, "mail-interest-subject", { "title" => title });
    Letter::new("interest_received", to, subject, None)
        .para(tr!(locale, "mail-interest-intro", { "title" => title }))
        .para(tr!(locale, "mail-interest-officer", { "officer" => officer }))
        .link(tr!(locale, "mail-interest-open"), format!("{}/portal/opportunities/{project_id}", settings.public_url))
        .finish()
}

/// To a project's officer: an investor expressed interest on the portal, which is now their
/// lead to follow.
pub fn portal_lead(settings: &Settings, to: &Recipient, lead_id: i64, company: &str, title: &str) -> NewMessage {
    let locale = to.locale;
    let subject = tr!(locale, "mail-portal-lead-subject", { "company" => company });
    Letter::new("portal_lead", to, subject, None)
        .para(tr!(locale, "mail-portal-lead-intro", { "company" => company, "title" => title }))
        .link(tr!(locale, "mail-portal-lead-open"), format!("{}/promotion/leads/{lead_id}", settings.public_url))
        .finish()
}

/// Queue `m` in the caller's transaction under a new, stable Message-ID.
pub async fn queue(tx: &mut Tx, settings: &Settings, m: &NewMessage, at: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let message_id = format!("<{}.{token}@{}>", at.timestamp(), settings.mail_domain);
    outbox::enqueue(tx, m, &message_id, at).await
}
