//! The glossary's terms are the ones used, and no message says what a native reader corrected.

use super::{patterns, text_elements, Tally, LOCALES};
use std::collections::BTreeMap;

/// DOMAIN.md's glossary for the terms readers meet most: where an English message says one of
/// the first spellings, the same message says one of the second in Chinese and one of the third
/// in French (spellings separated by `|`, letter case not compared).
const GLOSSARY: [(&str, &str, &str); 20] = [
    ("liaison officer", "联系干部", "chargé(e) de liaison|chargé de liaison|chargés de liaison"),
    ("green channel", "绿色通道", "procédure accélérée"),
    ("full-process agency", "全程代办", "de bout en bout"),
    ("one-stop", "一站式", "guichet unique"),
    ("reference", "受理编号", "référence"),
    ("access code", "查询码", "code d’accès|codes d’accès"),
    ("at risk|due soon", "即将到期", "échéance proche"),
    ("task", "协调事项", "tâche"),
    ("resolved", "办结", "traité"),
    ("work permit", "工作许可", "permis de travail"),
    ("residence permit", "居留许可", "titre de séjour|titres de séjour"),
    ("credit code", "信用代码", "code unifié de crédit social|code de crédit"),
    (
        "foreign-invested enterprise",
        "外资企业",
        "entreprise à capitaux étrangers|entreprises à capitaux étrangers|entreprise étrangère prioritaire",
    ),
    ("key enterprise|key foreign-invested", "重点", "prioritaire"),
    ("responsible leader|responsible for", "领导|联系的企业", "dirigeant référent"),
    ("incoming delegation", "来访", "délégation reçue|délégations reçues"),
    ("outgoing delegation", "出访", "mission"),
    ("itinerary", "日程", "programme"),
    ("sister cit", "友好城市", "ville jumelée|villes jumelées"),
    ("prospective friendship cit", "意向友好城市", "ville amie pressentie|villes amies pressenties"),
];

/// Renderings a native reader corrected (issue 22), each with what is said instead: the second
/// column appears in no message of the first's locale (letter case not compared). The fourth
/// narrows the rule to the messages whose file:id starts with it; the fifth lists longer words
/// that contain the wrong one and are right (协调事项 is not 事项), or a message (file:id)
/// where it is meant.
#[allow(clippy::type_complexity)]
const FORBIDDEN: [(&str, &str, &str, &str, &[&str]); 42] = [
    // Chinese: one concept, one word.
    // 招商任务 is the leaders' investment task list of DOMAIN.md, not a department's task.
    ("zh-CN", "任务", "协调事项 (a department's task)", "", &["招商任务"]),
    ("zh-CN", "事项", "诉求 (a case, in e-mails)", "mail.ftl:", &["协调事项"]),
    ("zh-CN", "编号", "受理编号 (the reference)", "", &["受理编号"]),
    ("zh-CN", "临近到期", "即将到期", "", &[]),
    ("zh-CN", "计时暂停", "暂停计时", "", &[]),
    ("zh-CN", "暂停计算", "暂停计时", "", &[]),
    ("zh-CN", "时限暂停", "暂停计时", "", &["暂停计时"]),
    ("zh-CN", "收受", "受赠 (收受 reads as taking a bribe)", "", &[]),
    ("zh-CN", "接受人", "受赠人", "", &[]),
    ("zh-CN", "首日", "开始日期", "", &[]),
    ("zh-CN", "末日", "结束日期", "", &[]),
    ("zh-CN", "阅读语言", "接收语言", "", &[]),
    ("zh-CN", "沉寂", "长期未联系", "", &[]),
    ("zh-CN", "账户", "账号 (我的账号)", "", &[]),
    ("zh-CN", "“联络”", "联络通 (the product's name)", "", &[]),
    ("zh-CN", "香港", "中国香港", "", &["中国香港"]),
    ("zh-CN", "澳门", "中国澳门", "", &["中国澳门"]),
    ("zh-CN", "台湾", "中国台湾", "", &["中国台湾"]),
    // English: GOV.UK style, one word for one thing.
    ("en", "e-mail", "email", "", &[]),
    ("en", "dealt with", "resolved", "", &[]),
    ("en", "has been handled", "has been resolved", "", &[]),
    ("en", "finished", "resolved", "", &[]),
    ("en", "mission", "outgoing delegation", "", &["submission", "permission"]),
    ("en", "dear ", "Hello (one greeting register)", "", &[]),
    ("en", "around the day", "Date", "", &[]),
    ("en", "most days away", "Maximum number of days abroad", "", &[]),
    ("en", "saved over", "saved despite", "", &[]),
    ("en", "what became of it", "What was done with the gift", "", &[]),
    // French: one word for one thing, the right meaning, a written register.
    ("fr", "e-mail", "courriel", "", &[]),
    ("fr", "adresse électronique", "adresse de courriel", "", &[]),
    ("fr", "voie verte", "traitement prioritaire (a voie verte is a cycle path)", "", &[]),
    ("fr", "responsable hiérarchique", "dirigeant référent", "", &[]),
    ("fr", "licence commerciale", "licence d’exploitation", "", &[]),
    ("fr", "à risque", "échéance proche", "", &[]),
    ("fr", "employé", "salarié", "", &[]),
    ("fr", "il y a du nouveau", "nous vous informons de l’avancement", "", &[]),
    ("fr", "si quelque chose ne convient pas", "si la réponse apportée ne vous donne pas satisfaction", "", &[]),
    ("fr", "a fuité", "a été divulguée", "", &[]),
    ("fr", "matin ouvré", "chaque jour ouvré, le matin", "", &[]),
    ("fr", "le programme part", "le programme est envoyé", "", &[]),
    ("fr", "autour du", "a heading that names its subject", "", &[]),
    ("fr", "autour des", "a heading that names its subject", "", &[]),
];

/// One concept, one word, the glossary's: where English names a term of the glossary, Chinese
/// and French name it as the glossary does; and no message says what a native reader corrected.
#[test]
fn the_glossary_is_followed() {
    // file:id (or file:id.attribute) → what the reader sees of it, in lower case, one line
    // for each piece of text between the placeables.
    let text = |locale: &str| -> BTreeMap<String, String> {
        patterns(locale)
            .into_iter()
            .map(|(id, pattern)| {
                let mut texts = Vec::new();
                text_elements(&pattern, &mut texts);
                let seen = texts.join("\n").to_lowercase();
                (id, seen)
            })
            .collect()
    };
    let text: BTreeMap<&str, BTreeMap<String, String>> = LOCALES.iter().map(|&l| (l, text(l))).collect();
    let mut wrong = Vec::new();
    let mut terms = Tally::new("glossary terms");
    for (id, english) in &text["en"] {
        for (en, zh, fr) in GLOSSARY {
            if !en.split('|').any(|t| english.contains(t)) {
                continue;
            }
            for (locale, wanted) in [("zh-CN", zh), ("fr", fr)] {
                let said =
                    text[locale].get(id).is_some_and(|t| wanted.split('|').any(|w| t.contains(&w.to_lowercase())));
                terms.count(locale, !said);
                if !said {
                    wrong.push(format!("{locale}/{id}: where English says \"{en}\", not \"{wanted}\""));
                }
            }
        }
    }
    let mut forbidden = Tally::new("forbidden renderings");
    for locale in LOCALES {
        for (id, seen) in &text[locale] {
            let mut faults = Vec::new();
            for (rule_locale, bad, instead, only, except) in FORBIDDEN {
                if rule_locale != locale || !id.starts_with(only) || except.contains(&id.as_str()) {
                    continue;
                }
                let mut seen = seen.clone();
                for word in except {
                    seen = seen.replace(&word.to_lowercase(), " ");
                }
                if seen.contains(bad) {
                    faults.push(format!("{locale}/{id}: \"{bad}\", where the glossary says {instead}"));
                }
            }
            forbidden.count(locale, !faults.is_empty());
            wrong.extend(faults);
        }
    }
    terms.print();
    forbidden.print();
    assert!(wrong.is_empty(), "{} off the glossary:\n{}", wrong.len(), wrong.join("\n"));
}
