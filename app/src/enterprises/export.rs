//! The enterprise list as CSV (server only): the current filters, headers in the reader's
//! language, a UTF-8 byte-order mark so that Excel shows Chinese correctly, and cells that
//! a spreadsheet would run as formulas neutralised.

use super::{EnterpriseFilter, IndustryChain, Lifecycle};
use crate::auth::SessionUser;
use crate::domain::{Country, Locale};
use crate::error::AppError;
use crate::state::ServerState;
use crate::translate::t;

/// At most this many rows in one export.
pub const MAX_ROWS: i64 = 100_000;

/// A cell a spreadsheet would take for a formula gets a leading apostrophe.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn lifecycle_id(l: Lifecycle) -> &'static str {
    match l {
        Lifecycle::Lead => "lifecycle-lead",
        Lifecycle::Established => "lifecycle-established",
        Lifecycle::Expanding => "lifecycle-expanding",
        Lifecycle::Exited => "lifecycle-exited",
    }
}

pub async fn enterprises_csv(
    state: &ServerState,
    user: &SessionUser,
    filter: &EnterpriseFilter,
    locale: Locale,
) -> Result<Vec<u8>, AppError> {
    let f = EnterpriseFilter { page: 0, ..filter.clone() };
    let (rows, _) = crate::db::enterprises::search(&state.db, &f, user.id, super::service::cutoff(), MAX_ROWS).await?;
    let chains: Vec<IndustryChain> = crate::db::enterprises::industry_chains(&state.db).await?;
    let mut out = Vec::from("\u{FEFF}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let headers = [
            "field-name-zh",
            "field-name-original",
            "field-credit-code",
            "field-country",
            "field-industry-chain",
            "field-lifecycle",
            "field-key-enterprise",
            "field-liaison-officer",
            "enterprises-last-contact",
            "enterprises-overdue-badge",
        ];
        let write_err = |e: csv::Error| {
            tracing::error!(error = %e, "csv export failed");
            AppError::Internal
        };
        w.write_record(headers.iter().map(|id| t(locale, id))).map_err(write_err)?;
        let yes = t(locale, "common-yes");
        let no = t(locale, "common-no");
        for e in rows {
            let chain = e
                .industry_chain_id
                .and_then(|id| chains.iter().find(|c| c.id == id))
                .map(|c| c.name(locale).to_string())
                .unwrap_or_default();
            let country =
                Country::parse("country", &e.country).map(|c| c.name(locale).to_string()).unwrap_or(e.country);
            let record = [
                e.name_zh,
                e.name_original,
                e.credit_code.unwrap_or_default(),
                country,
                chain,
                t(locale, lifecycle_id(e.lifecycle)),
                if e.is_key { yes.clone() } else { no.clone() },
                e.liaison_name.unwrap_or_default(),
                e.last_contact_on.map(|d| d.to_string()).unwrap_or_default(),
                if e.overdue { yes.clone() } else { no.clone() },
            ];
            w.write_record(record.iter().map(|c| neutralise(c))).map_err(write_err)?;
        }
        w.flush().map_err(|e| {
            tracing::error!(error = %e, "csv export failed");
            AppError::Internal
        })?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+86 10"), "'+86 10");
        assert_eq!(neutralise("@SUM"), "'@SUM");
        assert_eq!(neutralise("光华"), "光华");
    }
}
