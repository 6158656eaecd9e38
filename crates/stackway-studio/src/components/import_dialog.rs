//! Importing a feed from elsewhere: a spreadsheet in Stackway's template (CSV, XLSX, XLS, XLSB,
//! ODS; through the `stackway-sheet` crate, the same as `stackway import sheet`), or a CTDL
//! pathway as the Credential Registry publishes it (through core's CTDL importer, the same as
//! `stackway import ctdl`). The result replaces the open feed as one step that Undo takes back;
//! every problem the importer found is listed first, a spreadsheet's at its sheet, row and
//! column, so that it can be fixed where it was written.
//!
//! The spreadsheet is read here, in the browser, not by the studio's server: the studio also
//! runs from a static host with no server, the crate does no I/O and builds for wasm32, and the
//! file never leaves the author's machine.

use crate::doc::Json;
use stackway_core::Severity;
use yew::prelude::*;

use crate::components::field_shell::DiagnosticLine;
use crate::i18n::Arg;
use crate::state::{use_ctx, Action, Notice, Source};

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    pub on_close: Callback<()>,
}

/// Where a problem of an import is: a spreadsheet's cell, row or sheet, or a place in the feed
/// a CTDL document gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    Cell {
        sheet: String,
        /// As the spreadsheet numbers it (the header is row 1).
        row: Option<u32>,
        /// The column's letter and header.
        column: Option<(String, String)>,
    },
    Pointer(String),
}

/// One problem of an import, where it is. Its own type rather than a core `Diagnostic`: a
/// spreadsheet's problems have codes of the sheet importer's own (`unreadable-file`,
/// `missing-value`, …) beside the validator's, so the code is kept as the text it was given.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportProblem {
    pub place: Place,
    pub severity: Severity,
    /// The stable code: a core `Code`'s text, or one of the sheet importer's.
    pub code: AttrValue,
    pub message: AttrValue,
}

/// What an import produced: the feed (when anything could be read) and the problems found.
#[derive(Clone, PartialEq)]
pub struct Imported {
    pub file: String,
    pub feed: Option<Json>,
    pub problems: Vec<ImportProblem>,
    pub credentials: usize,
}

/// Imports CTDL text.
pub fn import_ctdl(file: &str, text: &str) -> Imported {
    let parsed = stackway_core::interop::ctdl::import_text(text);
    let credentials = parsed.feed.as_ref().map_or(0, |f| f.credentials.len());
    Imported {
        file: file.to_owned(),
        feed: parsed.feed.as_ref().map(Json::from_feed),
        problems: parsed
            .diagnostics
            .into_iter()
            .map(|d| ImportProblem {
                place: Place::Pointer(d.pointer),
                severity: d.severity,
                code: AttrValue::Static(d.code.as_str()),
                message: d.message.into(),
            })
            .collect(),
        credentials,
    }
}

/// Whether a file is read as a spreadsheet (anything but JSON: the sheet importer tells CSV
/// from the workbook formats, and reports a file it cannot read).
pub fn is_spreadsheet(name: &str) -> bool {
    let lower = name.to_lowercase();
    !(lower.ends_with(".json") || lower.ends_with(".jsonld"))
}

/// Imports spreadsheet files (name, bytes) into `base`, the open feed: each sheet replaces the
/// list it holds (a CSV of credentials replaces the credentials) and the rest of `base` stays.
pub fn import_sheets(files: Vec<(String, Vec<u8>)>, base: Option<&Json>) -> Imported {
    let file = files
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let count = files.len();
    let sources: Vec<stackway_sheet::Source> = files
        .into_iter()
        .map(|(name, bytes)| stackway_sheet::Source { name, bytes })
        .collect();
    let imported = stackway_sheet::import(&sources, base);
    let unreadable = imported
        .problems
        .iter()
        .filter(|p| p.code == "unreadable-file")
        .count();
    let credentials = imported
        .document
        .pointer("/credentials")
        .and_then(|c| match c {
            Json::Array(items) => Some(items.len()),
            _ => None,
        })
        .unwrap_or(0);
    Imported {
        file,
        // Nothing to apply when no file could be read at all.
        feed: (unreadable < count).then_some(imported.document),
        problems: imported
            .problems
            .into_iter()
            .map(|p| ImportProblem {
                place: Place::Cell {
                    sheet: p.sheet,
                    row: p.row,
                    column: p.column,
                },
                severity: p.severity,
                code: p.code.into(),
                message: p.message.into(),
            })
            .collect(),
        credentials,
    }
}

/// Reads the chosen files and imports them.
async fn read_and_import(files: Vec<web_sys::File>, base: Option<Json>) -> Option<Imported> {
    let first = files.first()?;
    if !is_spreadsheet(&first.name()) {
        let name = first.name();
        let text = gloo::file::futures::read_as_text(&gloo::file::Blob::from(first.clone()))
            .await
            .ok()?;
        return Some(import_ctdl(&name, &text));
    }
    let mut read = Vec::new();
    for file in files {
        let name = file.name();
        // A file that cannot be read reaches the importer empty, which reports it by name.
        let bytes = gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(file))
            .await
            .unwrap_or_default();
        read.push((name, bytes));
    }
    Some(import_sheets(read, base.as_ref()))
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let dialog = use_node_ref();
    let result = use_state(|| None::<Imported>);
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        });
    }
    let on_file = {
        let result = result.clone();
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            // A spreadsheet is read into the open feed (its lists replaced, the rest kept).
            let base = (ctx.ready && matches!(&*ctx.doc.borrow(), Json::Object(_)))
                .then(|| ctx.doc.borrow().clone());
            let result = result.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(imported) = read_and_import(files, base).await {
                    result.set(Some(imported));
                }
            });
        })
    };
    let apply = {
        let ctx = ctx.clone();
        let result = result.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |_| {
            let Some(imported) = (*result).clone() else {
                return;
            };
            let Some(feed) = imported.feed else { return };
            let source = match &ctx.source {
                Source::Nothing => Source::Browser {
                    file: String::new(),
                },
                other => other.clone(),
            };
            ctx.dispatch(Action::Load {
                doc: feed,
                source,
                saved: false,
            });
            ctx.dispatch(Action::Notice(Some(Notice {
                text: ctx.i18n.t_with(
                    "import-done",
                    &[
                        ("count", Arg::from(imported.credentials)),
                        ("file", Arg::from(imported.file.as_str())),
                    ],
                ),
                error: false,
            })));
            on_close.emit(());
        })
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let oncancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            on_close.emit(());
        })
    };
    html! {
        <dialog ref={dialog} class="dialog wide" aria-labelledby="import-heading" {oncancel} id="import-dialog">
            <h2 id="import-heading">{ i18n.t("import-heading") }</h2>
            <p>{ i18n.t("import-sheet-text") }</p>
            // The templates ship next to the studio (`www/templates/`, beside `pkg/studio/`).
            <p class="templates">{ i18n.t("import-templates") }{ " " }
                <a href="../../www/templates/stackway-feed.xlsx" download="stackway-feed.xlsx" id="template-xlsx">{ i18n.t("import-template-xlsx") }</a>
                { ", " }
                <a href="../../www/templates/stackway-credentials.csv" download="stackway-credentials.csv" id="template-csv">{ i18n.t("import-template-csv") }</a>
            </p>
            <p>{ i18n.t("import-ctdl-text") }</p>
            <div class="field">
                <label class="field-label" for="import-file">{ i18n.t("import-file") }</label>
                <input id="import-file" type="file" multiple=true onchange={on_file}
                       accept=".csv,.xlsx,.xls,.xlsb,.ods,.json,.jsonld,text/csv,application/json,application/ld+json" />
            </div>
            if let Some(imported) = &*result {
                <div class="import-result" role="status">
                    if imported.feed.is_some() {
                        <p>{ i18n.t_with("import-found", &[("count", Arg::from(imported.credentials)), ("problems", Arg::from(imported.problems.len()))]) }</p>
                    } else {
                        <p class="diag diag-error">{ i18n.t("import-nothing") }</p>
                    }
                    <ProblemTable problems={imported.problems.clone()} />
                </div>
            }
            <div class="actions">
                <button type="button" class="primary" onclick={apply} id="import-apply"
                        disabled={result.as_ref().is_none_or(|r| r.feed.is_none())}>{ i18n.t("import-apply") }</button>
                <button type="button" onclick={close}>{ i18n.t("cancel") }</button>
            </div>
            <p class="help">{ i18n.t("import-replaces") }</p>
        </dialog>
    }
}

#[derive(Properties, PartialEq)]
struct ProblemTableProps {
    problems: Vec<ImportProblem>,
}

/// An import's problems: a spreadsheet's as a table by sheet, row and column (in the
/// spreadsheet's own numbering, `H` and `5`), a CTDL document's with the place in the feed.
#[function_component(ProblemTable)]
fn problem_table(props: &ProblemTableProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    if props.problems.is_empty() {
        return html! {};
    }
    let cells = props
        .problems
        .iter()
        .any(|p| matches!(p.place, Place::Cell { .. }));
    let rows = props.problems.iter().map(|p| {
        let place = match &p.place {
            Place::Cell { sheet, row, column } => html! { <>
                <td class="problem-sheet">{ sheet.clone() }</td>
                <td class="problem-row">{ row.map(|r| r.to_string()).unwrap_or_default() }</td>
                <td class="problem-column">{ match column {
                    Some((letter, header)) => html! { <>{ letter.clone() }{ " " }<code>{ header.clone() }</code></> },
                    None => html! {},
                } }</td>
            </> },
            Place::Pointer(pointer) => html! { <td><code>{ pointer.clone() }</code></td> },
        };
        let class = match p.severity {
            Severity::Error => "problem-error",
            Severity::Warning => "problem-warning",
        };
        html! { <tr class={class}>{ place }<td><DiagnosticLine severity={p.severity} code={p.code.clone()} message={p.message.clone()} /></td></tr> }
    });
    html! {
        // A region the keyboard can scroll: a long list of problems scrolls inside the dialog.
        <div class="table-scroll" tabindex="0" role="region" aria-label={i18n.t("import-problems")}>
            <table class="import-problems">
                <caption class="visually-hidden">{ i18n.t("import-problems") }</caption>
                <thead><tr>
                    if cells {
                        <th scope="col">{ i18n.t("import-sheet") }</th>
                        <th scope="col">{ i18n.t("import-row") }</th>
                        <th scope="col">{ i18n.t("import-column") }</th>
                    } else {
                        <th scope="col">{ i18n.t("import-where") }</th>
                    }
                    <th scope="col">{ i18n.t("import-problem") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> (String, Vec<u8>) {
        let path = format!(
            "{}/../stackway-sheet/tests/data/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        (name.to_owned(), std::fs::read(path).unwrap())
    }

    #[test]
    fn a_workbooks_problems_keep_their_sheet_row_and_column() {
        let sample = Json::parse(include_str!("../../../../www/feeds/sample.json")).unwrap();
        let imported = import_sheets(vec![fixture("errors.xlsx")], Some(&sample));
        assert_eq!(imported.credentials, 7);
        let feed = imported.feed.expect("a feed, errors and all");
        // The sample's provider stays; its credentials are the sheet's.
        assert_eq!(feed.pointer("/provider"), sample.pointer("/provider"));
        let kind = imported
            .problems
            .iter()
            .find(|p| p.code == "unknown-kind")
            .unwrap();
        assert_eq!(
            kind.place,
            Place::Cell {
                sheet: "credentials".into(),
                row: Some(3),
                column: Some(("B".into(), "kind".into())),
            }
        );
        assert_eq!(kind.severity, Severity::Error);
    }

    #[test]
    fn a_file_that_is_no_spreadsheet_gives_nothing_to_apply() {
        let imported = import_sheets(
            vec![("notes.xlsx".into(), b"not a workbook".to_vec())],
            None,
        );
        assert!(imported.feed.is_none());
        assert!(imported.problems.iter().any(|p| p.code == "unreadable-file"
            && p.place
                == Place::Cell {
                    sheet: "notes.xlsx".into(),
                    row: None,
                    column: None
                }));
        assert!(is_spreadsheet("Offer.ODS") && is_spreadsheet("c.csv"));
        assert!(!is_spreadsheet("pathway.jsonld") && !is_spreadsheet("p.JSON"));
    }
}
