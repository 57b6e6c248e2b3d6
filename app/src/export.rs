//! CSV exports (server only): a UTF-8 byte-order mark so that Excel shows Chinese
//! correctly, headers in the reader's language, and cells that a spreadsheet would run as
//! formulas neutralised.

use crate::error::AppError;

/// A file that leaves the office (an export, a printed programme, a calendar) goes into the
/// audit log: who took it, which file, with which filters.
pub async fn record_download(
    state: &crate::state::ServerState,
    actor_id: Option<i64>,
    file: &str,
    entity_id: Option<i64>,
    query: &str,
    ip: &str,
) -> Result<(), AppError> {
    use crate::db::audit;
    let mut tx = state.db.begin().await?;
    let entry = audit::Entry {
        actor_id,
        action: "file_downloaded",
        entity_type: file,
        entity_id: entity_id.map(|id| id.to_string()),
        changes: audit::Changes::new().fact("query", query.chars().take(500).collect::<String>()),
        ip: Some(ip),
        at: crate::db::now(),
    };
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(())
}

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

/// The CSV file of `headers` and `rows`, with its byte-order mark.
pub fn csv_bytes(headers: &[String], rows: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<u8>, AppError> {
    let write_err = |e: csv::Error| {
        tracing::error!(error = %e, "csv export failed");
        AppError::Internal
    };
    let mut out = Vec::from("\u{FEFF}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(headers).map_err(write_err)?;
        for row in rows {
            w.write_record(row.iter().map(|c| neutralise(c))).map_err(write_err)?;
        }
        w.flush().map_err(|e| write_err(e.into()))?;
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

    #[test]
    fn files_start_with_a_byte_order_mark_and_quote_what_needs_it() {
        let bytes = csv_bytes(&["名称".into(), "note".into()], [vec!["光华, 有限".into(), "=1+1".into()]]).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text, "\u{FEFF}名称,note\n\"光华, 有限\",'=1+1\n");
    }
}
