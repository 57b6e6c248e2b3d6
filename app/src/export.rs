//! CSV exports (server only): a UTF-8 byte-order mark so that Excel shows Chinese
//! correctly, headers in the reader's language, and cells that a spreadsheet would run as
//! formulas neutralised.
//!
//! The long lists (enterprises, cases) stream: rows go from the database to the response as
//! they are read (`Db::stream`, `csv_stream`), so an export of 100 000 rows holds a few rows in
//! memory, not the file. A user runs one export at a time (`Lease`, kept in the database so
//! every app server sees it); a server streams a few at once (`SLOTS`) and the others wait
//! their turn, so exports cannot take every database connection from the pages.

use crate::error::AppError;
use crate::state::ServerState;
use std::time::Duration;
use tokio::sync::OwnedSemaphorePermit;

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

/// How many exports one server streams at once (`ServerState::exports`); the others wait for
/// a slot, at most `SLOT_WAIT` (then `Busy`).
pub const SLOTS: usize = 2;
const SLOT_WAIT: Duration = Duration::from_secs(60);
/// A lease lapses this long after it was taken or last renewed (its server stopped mid-export)…
const LEASE: Duration = Duration::from_secs(300);
/// …and is renewed this often while its rows go out.
const RENEW_EVERY: Duration = Duration::from_secs(60);
/// Rows per piece of the response.
const ROWS_PER_PIECE: usize = 256;

fn millis(at: chrono::DateTime<chrono::Utc>, after: Duration) -> i64 {
    at.timestamp_millis() + after.as_millis() as i64
}

/// A user's one running export: taken before the export starts, renewed while its rows go out,
/// given back when the last has been read (before the response ends, so the next export may
/// start as soon as this one has arrived), and lapsing on its own if its server stops. It holds
/// one of this server's export slots.
pub struct Lease {
    db: crate::db::Db,
    user_id: i64,
    /// Empty once given back.
    token: String,
    renewed: std::time::Instant,
    _slot: Option<OwnedSemaphorePermit>,
}

impl Lease {
    /// The user's lease, `ExportRunning` while another export of theirs runs; then a slot on
    /// this server, waiting for one (`Busy` after `SLOT_WAIT`).
    pub async fn take(state: &ServerState, user_id: i64) -> Result<Lease, AppError> {
        let token = {
            use rand::RngCore;
            let mut bytes = [0u8; 16];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            hex::encode(bytes)
        };
        let now = crate::db::now();
        let mut tx = state.db.begin().await?;
        let taken =
            crate::db::exports::take(&mut tx, user_id, &token, now.timestamp_millis(), millis(now, LEASE)).await?;
        tx.commit().await?;
        if !taken {
            return Err(AppError::ExportRunning);
        }
        // From here on, a request given up while it waits gives the lease back (`Drop`).
        let mut lease = Lease { db: state.db.clone(), user_id, token, renewed: std::time::Instant::now(), _slot: None };
        match tokio::time::timeout(SLOT_WAIT, state.exports.clone().acquire_owned()).await {
            Ok(Ok(slot)) => lease._slot = Some(slot),
            _ => {
                lease.give_back().await;
                return Err(AppError::Busy);
            }
        }
        Ok(lease)
    }

    /// Give the lease back (and the slot with it).
    pub async fn give_back(mut self) {
        if give_back(&self.db, self.user_id, &self.token).await {
            self.token.clear();
        }
    }
}

impl crate::db::Holding for Lease {
    async fn keep(&mut self) {
        if self.renewed.elapsed() < RENEW_EVERY {
            return;
        }
        self.renewed = std::time::Instant::now();
        let renewed = async {
            let mut tx = self.db.begin().await?;
            let kept =
                crate::db::exports::renew(&mut tx, self.user_id, &self.token, millis(crate::db::now(), LEASE)).await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(kept)
        };
        match renewed.await {
            Ok(true) => {}
            Ok(false) => tracing::warn!(user_id = self.user_id, "an export's lease lapsed while it ran"),
            Err(e) => tracing::warn!(error = %e, "an export's lease could not be renewed"),
        }
    }

    async fn finish(self) {
        self.give_back().await;
    }
}

impl Drop for Lease {
    /// An export stopped early (the download was cancelled, or stalled), or a lease whose
    /// giving back did not finish: given back in a task of its own, as dropping cannot wait.
    fn drop(&mut self) {
        if !self.token.is_empty() {
            let (db, user_id, token) = (self.db.clone(), self.user_id, std::mem::take(&mut self.token));
            tokio::spawn(async move { give_back(&db, user_id, &token).await });
        }
    }
}

/// Delete the lease `token`; `false` (logged) if the database could not: it lapses on its own.
async fn give_back(db: &crate::db::Db, user_id: i64, token: &str) -> bool {
    let given = async {
        let mut tx = db.begin().await?;
        crate::db::exports::give_back(&mut tx, user_id, token).await?;
        tx.commit().await
    };
    match given.await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(error = %e, "an export's lease could not be given back; it lapses on its own");
            false
        }
    }
}

/// A CSV download: the stem of its file name, and its bytes as they are written.
pub struct CsvFile {
    pub name: String,
    pub bytes: futures_util::stream::BoxStream<'static, Result<Vec<u8>, std::io::Error>>,
}

impl CsvFile {
    /// A file made whole in memory (the short registers).
    pub fn whole(name: &str, bytes: Vec<u8>) -> CsvFile {
        CsvFile { name: name.to_string(), bytes: Box::pin(futures_util::stream::once(async move { Ok(bytes) })) }
    }

    /// A file written as its `rows` arrive (see `csv_stream`). The first row is waited for
    /// here: a database that fails before it is a refusal page, not a broken download.
    pub async fn stream<T: Send + 'static>(
        name: &str,
        headers: Vec<String>,
        mut rows: crate::db::Rows<T>,
        record: impl FnMut(T) -> Vec<String> + Send + 'static,
    ) -> Result<CsvFile, AppError> {
        let first = match rows.next().await {
            Some(Err(e)) => return Err(e.into()),
            Some(Ok(row)) => Some(row),
            None => None,
        };
        Ok(CsvFile { name: name.to_string(), bytes: Box::pin(csv_stream(headers, first, rows, record)) })
    }
}

/// A CSV file being written as its rows arrive: the byte-order mark and `headers` first, then
/// each row `record` makes of `first` and what `rows` sends, in pieces of a few hundred rows.
/// The same bytes as `csv_bytes`. Rows that fail or stop before the last end the response
/// with an error (the download fails rather than arriving cut short as if whole).
pub fn csv_stream<T: Send + 'static>(
    headers: Vec<String>,
    first: Option<T>,
    rows: crate::db::Rows<T>,
    record: impl FnMut(T) -> Vec<String> + Send + 'static,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    let start = Writing { rows, first, record, headers: Some(headers), done: false };
    futures_util::stream::unfold(start, |mut w| async move {
        if w.done {
            return None;
        }
        let piece = w.next_piece().await;
        if let Err(e) = &piece {
            tracing::error!(error = %e, "csv export failed");
            w.done = true;
        }
        Some((piece, w))
    })
}

/// A streamed CSV file's state between two pieces.
struct Writing<T, F> {
    rows: crate::db::Rows<T>,
    /// A row read before the first piece.
    first: Option<T>,
    record: F,
    /// Until the first piece is written.
    headers: Option<Vec<String>>,
    done: bool,
}

impl<T, F: FnMut(T) -> Vec<String>> Writing<T, F> {
    async fn next_piece(&mut self) -> Result<Vec<u8>, std::io::Error> {
        let mut bytes = Vec::with_capacity(ROWS_PER_PIECE * 160);
        if self.headers.is_some() {
            bytes.extend_from_slice("\u{FEFF}".as_bytes());
        }
        let mut piece = csv::Writer::from_writer(bytes);
        if let Some(headers) = self.headers.take() {
            piece.write_record(&headers)?;
        }
        if let Some(row) = self.first.take() {
            piece.write_record((self.record)(row).iter().map(|c| neutralise(c)))?;
        }
        for _ in 0..ROWS_PER_PIECE {
            match self.rows.next().await {
                Some(Ok(row)) => piece.write_record((self.record)(row).iter().map(|c| neutralise(c)))?,
                Some(Err(e)) => return Err(std::io::Error::other(e)),
                None => {
                    self.done = true;
                    break;
                }
            }
        }
        piece.into_inner().map_err(|e| e.into_error())
    }
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

    /// Rows as a stream of the database would send them.
    fn rows_of(rows: Vec<Result<Vec<String>, sqlx::Error>>, whole: bool) -> crate::db::Rows<Vec<String>> {
        crate::db::Rows::from_parts(rows, whole)
    }

    /// A streamed file is byte for byte the file made whole: one byte-order mark, the header
    /// once, every row in order across the pieces, formulas neutralised.
    #[tokio::test]
    async fn a_streamed_file_is_the_file_made_whole() {
        use futures_util::StreamExt;
        let rows: Vec<Vec<String>> = (0..1000)
            .map(|i| vec![format!("光华 {i}, 有限"), if i % 3 == 0 { format!("=A{i}") } else { format!("{i}") }])
            .collect();
        let headers = vec!["名称".to_string(), "note".to_string()];
        let whole = csv_bytes(&headers, rows.clone()).unwrap();
        let file = CsvFile::stream("x", headers, rows_of(rows.into_iter().map(Ok).collect(), true), |r| r);
        let pieces: Vec<Vec<u8>> = file.await.unwrap().bytes.map(Result::unwrap).collect().await;
        assert!(pieces.len() >= 1000 / ROWS_PER_PIECE, "written in pieces: {}", pieces.len());
        assert_eq!(pieces.concat(), whole);
        let empty = CsvFile::stream("x", vec!["h".into()], rows_of(Vec::new(), true), |r| r).await.unwrap();
        let pieces: Vec<Vec<u8>> = empty.bytes.map(Result::unwrap).collect().await;
        assert_eq!(pieces.concat(), "\u{FEFF}h\n".as_bytes());
    }

    #[tokio::test]
    async fn a_failing_or_stopped_database_fails_the_download_rather_than_cutting_it_short() {
        use futures_util::StreamExt;
        // Failing before the first row: a refusal, no download at all.
        let refused =
            CsvFile::stream("x", vec!["h".into()], rows_of(vec![Err(sqlx::Error::PoolTimedOut)], false), |r| r);
        assert!(matches!(refused.await, Err(AppError::Internal)));
        // Failing later: the download ends with an error after the rows before it.
        for (rows, whole) in [
            (vec![Ok(vec!["1".to_string()]), Err(sqlx::Error::PoolTimedOut)], false),
            // The reading gave up (a stalled reader): the rows stop without their end.
            (vec![Ok(vec!["1".to_string()])], false),
        ] {
            let file = CsvFile::stream("x", vec!["h".into()], rows_of(rows, whole), |r| r).await.unwrap();
            let pieces: Vec<_> = file.bytes.collect().await;
            assert_eq!(pieces.len(), 1, "nothing after the failure");
            assert!(pieces[0].is_err());
        }
    }

    #[test]
    fn files_start_with_a_byte_order_mark_and_quote_what_needs_it() {
        let bytes = csv_bytes(&["名称".into(), "note".into()], [vec!["光华, 有限".into(), "=1+1".into()]]).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text, "\u{FEFF}名称,note\n\"光华, 有限\",'=1+1\n");
    }
}
