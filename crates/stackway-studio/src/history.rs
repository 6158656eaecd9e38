//! Undo and redo: the edits made, each with the edit that undoes it.
//!
//! Typing in one field makes one edit per keystroke; those within [`COALESCE_MS`] of each other
//! in the same field become one step, so that Ctrl+Z takes back a word, not a letter. The
//! history also knows which step was last saved, so that undoing back to it makes the
//! document clean again.

use crate::doc::Edit;

/// Edits of the same field closer together than this (milliseconds) are one undo step.
pub const COALESCE_MS: f64 = 1500.0;

/// How many steps are kept; the oldest go first.
const LIMIT: usize = 500;

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    /// Identifies the document state after this step (for "is it saved?").
    id: u64,
    forward: Edit,
    inverse: Edit,
    /// Steps with the same group (a field's pointer) may merge while typing.
    group: Option<String>,
    time: f64,
}

/// The undo and redo stacks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    next_id: u64,
    /// The state last saved (0: the state the document was opened in).
    saved: u64,
    /// Stops the next edit merging into the last step (after an undo, a save, a blur).
    sealed: bool,
}

impl History {
    /// The state the document is in now (0 when no step is on the undo stack).
    fn current(&self) -> u64 {
        self.undo.last().map_or(0, |entry| entry.id)
    }

    /// Records an edit just applied (`forward`) with its `inverse`. `group` lets consecutive
    /// edits of one field within [`COALESCE_MS`] merge into one step; `now` is in milliseconds.
    pub fn record(&mut self, forward: Edit, inverse: Edit, group: Option<String>, now: f64) {
        self.redo.clear();
        let current = self.current();
        if let Some(last) = self.undo.last_mut() {
            let merges = !self.sealed
                && group.is_some()
                && last.group == group
                && now - last.time <= COALESCE_MS
                && last.id != self.saved;
            if merges {
                let previous = std::mem::replace(&mut last.forward, Edit::Batch(Vec::new()));
                last.forward = Edit::Batch(vec![previous, forward]);
                let older = std::mem::replace(&mut last.inverse, Edit::Batch(Vec::new()));
                last.inverse = Edit::Batch(vec![inverse, older]);
                last.time = now;
                return;
            }
        }
        let _ = current;
        self.next_id += 1;
        self.undo.push(Entry {
            id: self.next_id,
            forward,
            inverse,
            group,
            time: now,
        });
        self.sealed = false;
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
    }

    /// Ends the current step: the next edit starts a new one even in the same field.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// The edit that undoes the last step, moving it to the redo stack.
    pub fn undo(&mut self) -> Option<Edit> {
        let entry = self.undo.pop()?;
        let inverse = entry.inverse.clone();
        self.redo.push(entry);
        self.sealed = true;
        Some(inverse)
    }

    /// The edit that redoes the last undone step, moving it back.
    pub fn redo(&mut self) -> Option<Edit> {
        let entry = self.redo.pop()?;
        let forward = entry.forward.clone();
        self.undo.push(entry);
        self.sealed = true;
        Some(forward)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.saved = self.current();
        self.sealed = true;
    }

    /// Marks the current state as never saved (an import, a restored draft), so that it counts
    /// as a change until it is.
    pub fn mark_unsaved(&mut self) {
        self.saved = u64::MAX;
    }

    /// Whether the document differs from what was last saved (or opened).
    pub fn is_dirty(&self) -> bool {
        self.current() != self.saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }
    use crate::doc::Json;
    use crate::doc::{apply, Path};

    /// Applies `edit` to `doc` and records it, as the studio's reducer does.
    fn edit(doc: &mut Json, history: &mut History, at: &str, value: Json, now: f64) {
        let forward = Edit::Set {
            at: Path::parse(at),
            value: Some(value),
        };
        let inverse = apply(doc, forward.clone()).unwrap();
        history.record(forward, inverse, Some(at.to_owned()), now);
    }

    #[test]
    fn typing_in_one_field_undoes_as_one_step_and_redo_restores_it() {
        let mut doc = json(r#"{"title": ""}"#);
        let mut history = History::default();
        for (i, text) in ["S", "SQ", "SQL"].iter().enumerate() {
            edit(
                &mut doc,
                &mut history,
                "/title",
                Json::String(text.to_string()),
                i as f64 * 200.0,
            );
        }
        edit(&mut doc, &mut history, "/id", json(r#""sql""#), 700.0);
        assert_eq!(doc, json(r#"{"title": "SQL", "id": "sql"}"#));

        apply(&mut doc, history.undo().unwrap()).unwrap();
        assert_eq!(doc, json(r#"{"title": "SQL"}"#));
        apply(&mut doc, history.undo().unwrap()).unwrap();
        assert_eq!(doc, json(r#"{"title": ""}"#), "three keystrokes, one step");
        assert!(history.undo().is_none());

        apply(&mut doc, history.redo().unwrap()).unwrap();
        assert_eq!(doc, json(r#"{"title": "SQL"}"#));
        apply(&mut doc, history.redo().unwrap()).unwrap();
        assert_eq!(doc, json(r#"{"title": "SQL", "id": "sql"}"#));
        assert!(!history.can_redo());
    }

    #[test]
    fn a_pause_or_a_new_edit_after_undo_starts_a_new_step() {
        let mut doc = json(r#"{"title": ""}"#);
        let mut history = History::default();
        edit(&mut doc, &mut history, "/title", json(r#""A""#), 0.0);
        edit(&mut doc, &mut history, "/title", json(r#""AB""#), 5000.0);
        apply(&mut doc, history.undo().unwrap()).unwrap();
        assert_eq!(doc, json(r#"{"title": "A"}"#));
        edit(&mut doc, &mut history, "/title", json(r#""AC""#), 5100.0);
        assert!(!history.can_redo(), "a new edit drops the redo stack");
        apply(&mut doc, history.undo().unwrap()).unwrap();
        assert_eq!(
            doc,
            json(r#"{"title": "A"}"#),
            "not merged into the undone step"
        );
    }

    #[test]
    fn undoing_back_to_the_saved_state_makes_the_document_clean() {
        let mut doc = json(r#"{}"#);
        let mut history = History::default();
        assert!(!history.is_dirty());
        edit(&mut doc, &mut history, "/a", json(r#"1"#), 0.0);
        assert!(history.is_dirty());
        history.mark_saved();
        assert!(!history.is_dirty());
        edit(&mut doc, &mut history, "/a", json(r#"2"#), 100.0);
        assert!(
            history.is_dirty(),
            "an edit right after saving is a new step"
        );
        apply(&mut doc, history.undo().unwrap()).unwrap();
        assert_eq!(doc, json(r#"{"a": 1}"#));
        assert!(!history.is_dirty());
        apply(&mut doc, history.undo().unwrap()).unwrap();
        assert!(history.is_dirty(), "before the save is a change too");
        history.mark_unsaved();
        apply(&mut doc, history.redo().unwrap()).unwrap();
        assert!(history.is_dirty());
    }
}
