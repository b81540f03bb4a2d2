//! Notes: a person's remarks on a span of one report in a session (stored as `annotations`).

use sqlx::AnyConnection;

use crate::checks::require_row;
use crate::error::{StoreError, StoreResult};
use crate::session_model::{NewNote, Note};
use crate::sessions::{touch_session, SESSION};
use crate::store::{Backend, Store};
use crate::time::now_utc;
use crate::versions::{advance_version, Versioned};

/// The columns of a [`Note`], for `annotations n JOIN articles a`; the quote is cut from the body's
/// bytes (offsets are bytes) and read back as text in Rust.
fn note_columns(backend: Backend) -> String {
    let bytes = match backend {
        Backend::Sqlite => r#"substr(CAST(a.body AS BLOB), n."start" + 1, n."end" - n."start")"#,
        Backend::Postgres => {
            r#"substr(convert_to(a.body, 'UTF8'), (n."start" + 1)::int, (n."end" - n."start")::int)"#
        }
    };
    format!(
        r#"n.id, n.session_id, n.article_id, n."start", n."end", {bytes} AS quote,
           n.note, n.created_at, n.created_by, n.version, n.changed_by"#
    )
}

#[derive(sqlx::FromRow)]
struct NoteRow {
    id: i64,
    session_id: i64,
    article_id: i64,
    start: i64,
    end: i64,
    quote: Vec<u8>,
    note: String,
    created_at: String,
    created_by: Option<String>,
    version: i64,
    changed_by: Option<String>,
}

impl From<NoteRow> for Note {
    fn from(row: NoteRow) -> Self {
        Note {
            id: row.id,
            session_id: row.session_id,
            article_id: row.article_id,
            start: usize::try_from(row.start).unwrap_or(0),
            end: usize::try_from(row.end).unwrap_or(0),
            quote: String::from_utf8_lossy(&row.quote).into_owned(),
            note: row.note,
            created_at: row.created_at,
            author: row.created_by,
            version: row.version,
            changed_by: row.changed_by,
        }
    }
}

impl Store {
    /// Adds a note on `start..end` (byte offsets, on character boundaries, `start < end`, within
    /// the body) of an article shown in the session; the note text cannot be blank.
    pub async fn add_note(&self, new: &NewNote) -> StoreResult<Note> {
        let text = required_note(&new.note)?;
        let mut tx = self.begin_write().await?;
        require_row(&mut tx, SESSION, "session", new.session_id).await?;
        let body: String = sqlx::query_scalar(
            "SELECT a.body FROM session_articles sa JOIN articles a ON a.id = sa.article_id
             WHERE sa.session_id = $1 AND sa.article_id = $2 AND a.deleted_at IS NULL",
        )
        .bind(new.session_id)
        .bind(new.article_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| {
            StoreError::Invalid(format!(
                "article #{} is not shown in this session, so it cannot carry a note",
                new.article_id
            ))
        })?;
        check_span(&body, new.start, new.end)?;
        let id: i64 = sqlx::query_scalar(
            r#"INSERT INTO annotations (session_id, article_id, "start", "end", note, created_at,
                                       created_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"#,
        )
        .bind(new.session_id)
        .bind(new.article_id)
        .bind(offset(new.start)?)
        .bind(offset(new.end)?)
        .bind(text)
        .bind(now_utc())
        .bind(self.author.as_deref())
        .fetch_one(&mut *tx)
        .await?;
        touch_session(&mut tx, new.session_id).await?;
        let note = note_by_id(&mut tx, id).await?;
        tx.commit().await?;
        Ok(note)
    }

    /// The notes of a session on the articles it shows (in the library, in the session), by pane
    /// then position in the text. [`StoreError::NotFound`] for an unknown session.
    pub async fn notes(&self, session_id: i64) -> StoreResult<Vec<Note>> {
        let mut conn = self.pool.acquire().await?;
        require_row(&mut conn, SESSION, "session", session_id).await?;
        let rows: Vec<NoteRow> = sqlx::query_as(&format!(
            r#"SELECT {}
               FROM annotations n
               JOIN articles a ON a.id = n.article_id
               JOIN session_articles sa ON sa.session_id = n.session_id AND sa.article_id = n.article_id
               WHERE n.session_id = $1 AND a.deleted_at IS NULL
               ORDER BY sa.position, n."start", n."end", n.id"#,
            note_columns(self.backend)
        ))
        .bind(session_id)
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows.into_iter().map(Note::from).collect())
    }

    /// Changes a note's text (it cannot be blank). With `expected_version` (the note's `version`
    /// as read), a note changed since by someone else is left as it is: [`StoreError::Conflict`].
    pub async fn update_note(
        &self,
        id: i64,
        note: &str,
        expected_version: Option<i64>,
    ) -> StoreResult<Note> {
        let text = required_note(note)?;
        let mut tx = self.begin_write().await?;
        advance_version(
            &mut tx,
            Versioned::Note,
            id,
            expected_version,
            self.author.as_deref(),
        )
        .await?;
        let session_id: i64 = sqlx::query_scalar(
            "UPDATE annotations SET note = $1 WHERE id = $2 RETURNING session_id",
        )
        .bind(text)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound { what: "note", id })?;
        touch_session(&mut tx, session_id).await?;
        let note = note_by_id(&mut tx, id).await?;
        tx.commit().await?;
        Ok(note)
    }

    /// Deletes a note.
    pub async fn delete_note(&self, id: i64) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let session_id: i64 =
            sqlx::query_scalar("DELETE FROM annotations WHERE id = $1 RETURNING session_id")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound { what: "note", id })?;
        touch_session(&mut tx, session_id).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn note_by_id(conn: &mut AnyConnection, id: i64) -> StoreResult<Note> {
    let row: NoteRow = sqlx::query_as(&format!(
        "SELECT {} FROM annotations n JOIN articles a ON a.id = n.article_id
         WHERE n.id = $1",
        note_columns(Backend::of(conn))
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(StoreError::NotFound { what: "note", id })?;
    Ok(row.into())
}

/// The trimmed note text, or an error when it is blank.
fn required_note(note: &str) -> StoreResult<&str> {
    match note.trim() {
        "" => Err(StoreError::Invalid(
            "a note needs some text; write what you noticed".into(),
        )),
        text => Ok(text),
    }
}

/// `Ok(())` when `start..end` is a non-empty span of `body` cut on character boundaries.
fn check_span(body: &str, start: usize, end: usize) -> StoreResult<()> {
    if start >= end {
        return Err(StoreError::Invalid(format!(
            "a note needs some text selected: its span {start}..{end} is empty or reversed"
        )));
    }
    if end > body.len() {
        return Err(StoreError::Invalid(format!(
            "the span {start}..{end} runs past the end of the report ({} bytes)",
            body.len()
        )));
    }
    for at in [start, end] {
        if !body.is_char_boundary(at) {
            return Err(StoreError::Invalid(format!(
                "the span {start}..{end} cuts a character in two at byte {at}; offsets must fall \
                 between characters"
            )));
        }
    }
    Ok(())
}

fn offset(at: usize) -> StoreResult<i64> {
    i64::try_from(at).map_err(|_| StoreError::Invalid(format!("offset {at} is too large")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_must_be_non_empty_inside_and_on_character_boundaries() {
        let body = "Ősz: café";
        assert!(check_span(body, 0, 2).is_ok(), "“Ő” is two bytes");
        assert!(check_span(body, 0, body.len()).is_ok());
        let cut = check_span(body, 1, 4).unwrap_err().to_string();
        assert!(cut.contains("cuts a character"), "{cut}");
        assert!(check_span(body, 3, 3).is_err(), "empty span");
        assert!(check_span(body, 4, 3).is_err(), "reversed span");
        let past = check_span(body, 0, body.len() + 1).unwrap_err().to_string();
        assert!(past.contains("past the end"), "{past}");
    }

    #[test]
    fn blank_notes_are_refused_and_text_trimmed() {
        assert!(required_note(" \n ").is_err());
        assert_eq!(
            required_note("  check the toll  ").unwrap(),
            "check the toll"
        );
    }
}
