//! One `State` and the `Action`s that change it (Yew's reducer pattern).
//!
//! The document can be large (10,000 credentials), so the reducer does not copy it on every
//! keystroke: it lives in a `RefCell` shared by every version of the state, edited in place,
//! and `revision` tells components and effects that it changed. Every edit goes through
//! [`Action::Edit`], which records its inverse in the history: undo and redo cannot miss one.

use std::cell::RefCell;
use std::rc::Rc;

use crate::doc::Json;
use stackway_core::Diagnostic;
use yew::prelude::*;

use crate::check::{Place, Section};
use crate::doc::{self, Edit, Path};
use crate::history::History;
use crate::i18n::{I18n, Lang};
use crate::incremental::{self, Scope};

/// The version of a file that does not exist yet (the server's name for it).
pub const ABSENT: &str = "absent";

/// Where the document comes from and goes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Nothing opened yet.
    Nothing,
    /// The file `stackway studio` was started on: saved through its API.
    Server {
        /// The file's name, and its full path on the author's computer.
        file: String,
        path: String,
        /// The version of the file the document was loaded from or last saved as.
        version: String,
        token: String,
    },
    /// A file opened in the browser (static host, or a server started without a file): saved
    /// by downloading it, with a draft kept in the browser.
    Browser { file: String },
}

/// A short message shown in the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Message id (with its arguments already formatted by the caller when needed).
    pub text: String,
    pub error: bool,
}

#[derive(Clone)]
pub struct State {
    /// The feed being edited. Shared by every version of the state; see the module doc.
    pub doc: Rc<RefCell<Json>>,
    /// Bumped by every change to `doc`.
    pub revision: u64,
    /// Bumped by every change to `doc` that other parts of the feed may depend on (ids, kinds,
    /// credits, requirements, lists; see `incremental::Scope`): what is derived from the whole
    /// feed (where an id is used, what counts toward what) is kept until it moves.
    pub graph_revision: u64,
    pub history: Rc<RefCell<History>>,
    /// The diagnostics of the document as of `checked`.
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub checked: u64,
    /// What the edits since the last check may have changed (see `incremental.rs`); taken by
    /// the check that follows them.
    pub pending: Rc<std::cell::Cell<Scope>>,
    /// What the editor shows.
    pub place: Place,
    /// A field to focus once it is on screen (after a jump from the problems list).
    pub focus: Option<Path>,
    pub source: Source,
    pub i18n: I18n,
    pub notice: Option<Notice>,
    /// Set when a save found the file changed on disk: its version there.
    pub conflict: Option<String>,
    /// Whether the document has been loaded (or started empty).
    pub ready: bool,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.graph_revision == other.graph_revision
            && self.checked == other.checked
            && self.place == other.place
            && self.focus == other.focus
            && self.source == other.source
            && self.i18n == other.i18n
            && self.notice == other.notice
            && self.conflict == other.conflict
            && self.ready == other.ready
    }
}

pub enum Action {
    /// Applies an edit and records it for undo; `group` merges typing in one field.
    Edit {
        edit: Edit,
        group: Option<String>,
    },
    /// Ends the current undo step (a field lost focus).
    Seal,
    Undo,
    Redo,
    /// Replaces the whole document (opening, importing, restoring a draft); undoable unless it
    /// is the first load. `saved` says whether it is what the source holds.
    Load {
        doc: Json,
        source: Source,
        saved: bool,
    },
    /// New diagnostics for the document at `revision`: a whole check's (dropped when the
    /// document changed since, a newer one follows), or one credential's merged in.
    Checked {
        revision: u64,
        diagnostics: Vec<Diagnostic>,
        whole: bool,
    },
    Navigate(Place),
    /// Shows the field at this path and focuses it.
    Jump(Path),
    /// The field asked for has been focused.
    Focused,
    SetLang(Lang),
    Notice(Option<Notice>),
    /// The document was saved as this version of the source.
    Saved {
        version: String,
    },
    /// The file changed on disk; this is its version there.
    Conflict(Option<String>),
}

impl State {
    pub fn new(lang: Lang) -> State {
        State {
            doc: Rc::new(RefCell::new(Json::Null)),
            revision: 0,
            graph_revision: 0,
            history: Rc::default(),
            diagnostics: Rc::default(),
            checked: u64::MAX,
            pending: Rc::new(std::cell::Cell::new(Scope::None)),
            place: Place {
                section: Section::Credentials,
                item: None,
            },
            focus: None,
            source: Source::Nothing,
            i18n: I18n::new(lang),
            notice: None,
            conflict: None,
            ready: false,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.borrow().is_dirty()
    }

    /// The diagnostics that belong to the field at `path` or inside it.
    pub fn diagnostics_at(&self, path: &Path) -> Vec<Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| crate::check::anchor(d).starts_with(path))
            .cloned()
            .collect()
    }

    fn apply(&mut self, edit: Edit) -> Option<Edit> {
        let scope = incremental::scope(&edit);
        self.pending.set(self.pending.get().and(scope));
        if scope == Scope::Feed {
            self.graph_revision += 1;
        }
        let result = doc::apply(&mut self.doc.borrow_mut(), edit);
        match result {
            Ok(inverse) => {
                self.revision += 1;
                Some(inverse)
            }
            Err(error) => {
                web_log(&format!("Stackway Studio: an edit was refused: {error}"));
                None
            }
        }
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn web_log(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{message}");
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if matches!(action, Action::Edit { .. } | Action::Undo | Action::Redo) {
            crate::perf::edited();
        }
        let mut next = (*self).clone();
        match action {
            Action::Edit { edit, group } => {
                if let Some(inverse) = next.apply(edit.clone()) {
                    next.history
                        .borrow_mut()
                        .record(edit, inverse, group, now());
                    next.notice = None;
                }
            }
            Action::Seal => next.history.borrow_mut().seal(),
            Action::Undo => {
                let undo = next.history.borrow_mut().undo();
                if let Some(edit) = undo {
                    next.apply(edit);
                }
            }
            Action::Redo => {
                let redo = next.history.borrow_mut().redo();
                if let Some(edit) = redo {
                    next.apply(edit);
                }
            }
            Action::Load { doc, source, saved } => {
                if next.ready {
                    // Replacing an open document is one undoable step.
                    let edit = Edit::Set {
                        at: Path::root(),
                        value: Some(doc),
                    };
                    if let Some(inverse) = next.apply(edit.clone()) {
                        next.history.borrow_mut().record(edit, inverse, None, now());
                    }
                } else {
                    *next.doc.borrow_mut() = doc;
                    next.pending.set(Scope::Feed);
                    next.graph_revision += 1;
                    next.revision += 1;
                    next.ready = true;
                }
                let mut history = next.history.borrow_mut();
                if saved {
                    history.mark_saved();
                } else {
                    history.mark_unsaved();
                }
                drop(history);
                next.source = source;
                next.conflict = None;
                // The same place in the new document when it still exists (reopening the file
                // after a conflict), else the credential list.
                let len = next
                    .place
                    .section
                    .list_key()
                    .map(|key| doc::get_list(&next.doc.borrow(), &Path::root().key(key)).len());
                let first_load = self.revision == 0 && !self.ready;
                if first_load
                    || next
                        .place
                        .item
                        .is_some_and(|i| len.is_some_and(|len| i >= len))
                {
                    next.place = Place {
                        section: Section::Credentials,
                        item: None,
                    };
                }
            }
            Action::Checked {
                revision,
                diagnostics,
                whole,
            } => {
                // A whole check of an older document is not merged with what changed since: a
                // newer whole check follows.
                let stale = if whole {
                    revision != self.revision && self.checked != u64::MAX
                } else {
                    self.checked != u64::MAX && revision < self.checked
                };
                if stale {
                    return self;
                }
                next.diagnostics = Rc::new(diagnostics);
                next.checked = revision;
            }
            Action::Navigate(place) => {
                next.place = place;
                next.focus = None;
            }
            Action::Jump(path) => {
                next.place = crate::check::locate(&path);
                next.focus = Some(path);
            }
            Action::Focused => next.focus = None,
            Action::SetLang(lang) => next.i18n = I18n::new(lang),
            Action::Notice(notice) => next.notice = notice,
            Action::Saved { version } => {
                if let Source::Server {
                    version: current, ..
                } = &mut next.source
                {
                    *current = version;
                }
                next.history.borrow_mut().mark_saved();
                next.conflict = None;
            }
            Action::Conflict(version) => next.conflict = version,
        }
        Rc::new(next)
    }
}

/// The state as components read it, and the way to change it.
pub type Ctx = UseReducerHandle<State>;

/// The state from the nearest provider (the app's root provides it).
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("the studio's state is provided by its root")
}
