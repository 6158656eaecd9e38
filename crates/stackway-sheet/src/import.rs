//! Tables → feed document → the core's validator → problems at cells.

use stackway_core::canonical::{self, Json, Number};
use stackway_core::field_table::{self as table, Field, Object, Type};
use stackway_core::validate::values::is_language_tag;
use stackway_core::{parse_feed, Code, Severity};

use crate::expression;
use crate::table::{column_letter, read_csv, read_workbook, Cell, Table};

/// One file to import: its name (for the kind of file and, for a CSV, the sheet it is) and its
/// bytes.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A problem, where a person finds it in the spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The sheet (or CSV file) it is in.
    pub sheet: String,
    /// The row as the spreadsheet numbers it (the header is row 1); `None` for the whole sheet.
    pub row: Option<u32>,
    /// The column's letter (`C`) and header (`title_fr`); `None` for the whole row.
    pub column: Option<(String, String)>,
    pub severity: Severity,
    /// A validator code (`unknown-credential`, `invalid-url`, …) or one of the importer's:
    /// `unreadable-file`, `unknown-sheet`, `missing-value`, `not-a-number`, `bad-expression`,
    /// `duplicate-column`, `cell-error`.
    pub code: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    /// `credentials!C7 (title_fr): error[unknown-credential]: …`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.sheet)?;
        match (&self.column, self.row) {
            (Some((letter, header)), Some(row)) => write!(f, "!{letter}{row} ({header})")?,
            (Some((letter, header)), None) => write!(f, "!{letter} ({header})")?,
            (None, Some(row)) => write!(f, " row {row}")?,
            (None, None) => {}
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}[{}]: {}", self.code, self.message)
    }
}

/// What an import gives: the feed document, its canonical text, and every problem.
#[derive(Debug, Clone)]
pub struct Imported {
    pub document: Json,
    pub text: String,
    pub problems: Vec<Problem>,
}

impl Imported {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Where a value of the document came from.
#[derive(Debug, Clone)]
struct Origin {
    pointer: String,
    sheet: String,
    row: Option<u32>,
    column: Option<(String, String)>,
}

/// Imports `sources` into `base` (a feed document whose lists the sheets replace, or none).
pub fn import(sources: &[Source], base: Option<&Json>) -> Imported {
    let mut state = State {
        problems: Vec::new(),
        origins: Vec::new(),
        reported: Vec::new(),
        languages: Vec::new(),
    };
    let mut tables = Vec::new();
    for source in sources {
        let lower = source.name.to_lowercase();
        if lower.ends_with(".csv") || lower.ends_with(".txt") {
            let stem = file_stem(&source.name);
            let sheet = if sheet_object(&stem.to_lowercase()).is_some()
                || stem.eq_ignore_ascii_case("feed")
            {
                stem.to_lowercase()
            } else {
                // A single CSV holds credentials, whatever it is called.
                "credentials".to_owned()
            };
            match read_csv(&sheet, &source.bytes) {
                Ok(mut t) => {
                    t.name = sheet;
                    tables.push((source.name.clone(), t));
                }
                Err(e) => state.file_problem(&source.name, &e.message),
            }
        } else {
            match read_workbook(&source.bytes) {
                Ok(sheets) => tables.extend(sheets.into_iter().map(|t| (t.name.clone(), t))),
                Err(e) => state.file_problem(&source.name, &e.message),
            }
        }
    }
    let mut document = match base {
        Some(Json::Object(members)) => members.clone(),
        _ => Vec::new(),
    };
    for (shown, t) in &tables {
        state.read_sheet(shown, t, &mut document);
    }
    state.complete(&mut document);
    let document = Json::Object(document);
    let text = canonical::write(&document);
    state.validate(&text);
    let mut problems = state.problems;
    // By sheet, row and column (`B` before `AA`); the rest keeps the validator's order.
    problems.sort_by_key(|p| {
        let letter = p.column.as_ref().map(|c| (c.0.len(), c.0.clone()));
        (p.sheet.clone(), p.row, letter)
    });
    Imported {
        document,
        text,
        problems,
    }
}

fn file_stem(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.rsplit_once('.')
        .map_or(file, |(stem, _)| stem)
        .to_owned()
}

/// The object of a list sheet: the feed's list field of that name.
fn sheet_object(name: &str) -> Option<&'static Object> {
    match &table::FEED.field(name)?.ty {
        Type::List(list) => match list.item {
            Type::Object(object) => Some(object),
            _ => None,
        },
        _ => None,
    }
}

/// What a column holds: a field of the row's object, maybe a field of an object inside it, and
/// maybe a language.
#[derive(Debug, Clone)]
struct Column {
    /// `None` for a header the template does not know: its cells are kept under that name.
    field: Option<&'static Field>,
    inner: Option<&'static Field>,
    lang: Option<String>,
    /// The header as written, and its letter.
    header: String,
    letter: String,
    index: usize,
}

/// Reads a header against `object`'s fields: `hours`, `title_fr`, `cost_amount`,
/// `employers_name_en`. `None` when it names no field.
fn parse_header(
    object: &'static Object,
    header: &str,
) -> Option<(&'static Field, Option<&'static Field>, Option<String>)> {
    let normal = header.trim().replace(' ', "_");
    let lower = normal.to_lowercase();
    let field = object
        .fields
        .iter()
        .filter(|f| lower == f.key || lower.starts_with(&format!("{}_", f.key)))
        .max_by_key(|f| f.key.len())?;
    let rest = normal.get(field.key.len() + 1..).filter(|r| !r.is_empty());
    let inner_object = match &field.ty {
        Type::Object(o) => Some(*o),
        Type::List(list) => match list.item {
            Type::Object(o) => Some(o),
            _ => None,
        },
        _ => None,
    };
    match (inner_object, rest) {
        (Some(inner), Some(rest)) => {
            let (sub, _, lang) = parse_header(inner, rest)?;
            Some((field, Some(sub), lang))
        }
        (Some(_), None) => None,
        (None, None) => Some((field, None, None)),
        (None, Some(lang)) if texts(&field.ty) && is_language_tag(lang) => {
            Some((field, None, Some(lang.to_owned())))
        }
        (None, Some(_)) => None,
    }
}

/// Whether a type holds texts (so its columns may carry a language).
fn texts(ty: &Type) -> bool {
    match ty {
        Type::Text => true,
        Type::List(list) => matches!(list.item, Type::Text),
        _ => false,
    }
}

struct State {
    problems: Vec<Problem>,
    origins: Vec<Origin>,
    /// Pointers the importer already reported: the validator's findings there are not repeated.
    reported: Vec<String>,
    /// Languages of the text columns, in the order first seen.
    languages: Vec<String>,
}

impl State {
    fn file_problem(&mut self, name: &str, message: &str) {
        self.problems.push(Problem {
            sheet: name.to_owned(),
            row: None,
            column: None,
            severity: Severity::Error,
            code: "unreadable-file".into(),
            message: message.to_owned(),
        });
    }

    fn problem(
        &mut self,
        sheet: &str,
        row: u32,
        column: &Column,
        code: &str,
        message: String,
        pointer: &str,
    ) {
        self.problems.push(Problem {
            sheet: sheet.to_owned(),
            row: Some(row),
            column: Some((column.letter.clone(), column.header.clone())),
            severity: Severity::Error,
            code: code.into(),
            message,
        });
        self.reported.push(pointer.to_owned());
    }

    fn read_sheet(&mut self, shown: &str, t: &Table, document: &mut Vec<(String, Json)>) {
        let name = t.name.trim().to_lowercase();
        let (object, list) = if name == "feed" {
            (&table::FEED, false)
        } else if let Some(object) = sheet_object(&name) {
            (object, true)
        } else {
            self.problems.push(Problem {
                sheet: shown.to_owned(),
                row: None,
                column: None,
                severity: Severity::Warning,
                code: "unknown-sheet".into(),
                message: format!(
                    "a sheet named `{}` is not part of the template (feed, credentials, institutions, skills, equivalences, pathways); it is not imported",
                    t.name
                ),
            });
            return;
        };
        let Some(header) = t.rows.first() else { return };
        let columns = self.columns(shown, object, header);
        let mut items = Vec::new();
        for (r, cells) in t.rows.iter().enumerate().skip(1) {
            if cells.iter().all(|c| c.text().is_none()) {
                continue;
            }
            let row = r as u32 + 1;
            let pointer = if list {
                format!("/{name}/{}", items.len())
            } else {
                String::new()
            };
            self.origins.push(Origin {
                pointer: pointer.clone(),
                sheet: shown.to_owned(),
                row: Some(row),
                column: None,
            });
            let mut members = Vec::new();
            self.read_row(shown, row, &pointer, &columns, cells, &mut members);
            if list {
                self.check_required(shown, row, object, &columns, &members, &pointer);
            }
            if list {
                items.push(Json::Object(members));
            } else {
                for (key, value) in members {
                    set(document, &key, value);
                }
            }
        }
        if list {
            set(document, &name, Json::Array(items));
        }
    }

    /// The template columns of a header row; other headers are kept as unknown keys.
    fn columns(
        &mut self,
        shown: &str,
        object: &'static Object,
        header: &[Cell],
    ) -> Vec<Option<Column>> {
        let mut seen: Vec<(String, Option<String>, Option<String>)> = Vec::new();
        header
            .iter()
            .enumerate()
            .map(|(index, cell)| {
                let text = cell.text()?;
                let letter = column_letter(index);
                let Some((field, inner, lang)) = parse_header(object, &text) else {
                    // Kept under its own name: the validator reports it with a suggestion.
                    return Some(Column {
                        field: None,
                        inner: None,
                        lang: None,
                        header: text,
                        letter,
                        index,
                    });
                };
                if let Some(lang) = &lang {
                    if !self.languages.iter().any(|l| l.eq_ignore_ascii_case(lang)) {
                        self.languages.push(lang.clone());
                    }
                }
                let key = (
                    field.key.to_owned(),
                    inner.map(|f| f.key.to_owned()),
                    lang.clone(),
                );
                if seen.contains(&key) {
                    self.problems.push(Problem {
                        sheet: shown.to_owned(),
                        row: Some(1),
                        column: Some((letter, text)),
                        severity: Severity::Error,
                        code: "duplicate-column".into(),
                        message:
                            "another column already holds this field; this one is not imported"
                                .into(),
                    });
                    return None;
                }
                seen.push(key);
                Some(Column {
                    field: Some(field),
                    inner,
                    lang,
                    header: text,
                    letter,
                    index,
                })
            })
            .collect()
    }

    fn read_row(
        &mut self,
        sheet: &str,
        row: u32,
        at: &str,
        columns: &[Option<Column>],
        cells: &[Cell],
        members: &mut Vec<(String, Json)>,
    ) {
        for column in columns.iter().flatten() {
            let Some(cell) = cells.get(column.index) else {
                continue;
            };
            let Some(text) = cell.text() else { continue };
            let Some(field) = column.field else {
                let pointer = format!("{at}/{}", escape(&column.header));
                self.origin(&pointer, sheet, row, column);
                members.push((column.header.clone(), Json::String(text)));
                continue;
            };
            if let Cell::Error(e) = cell {
                let pointer = format!("{at}/{}", field.key);
                self.problem(
                    sheet,
                    row,
                    column,
                    "cell-error",
                    format!("the cell holds the spreadsheet error {e}"),
                    &pointer,
                );
                continue;
            }
            self.read_cell(sheet, row, at, field, column, cell, &text, members);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn read_cell(
        &mut self,
        sheet: &str,
        row: u32,
        at: &str,
        field: &'static Field,
        column: &Column,
        cell: &Cell,
        text: &str,
        members: &mut Vec<(String, Json)>,
    ) {
        let base = format!("{at}/{}", field.key);
        match (&field.ty, column.inner) {
            (Type::Object(_), Some(inner)) => {
                let pointer = format!("{base}/{}", inner.key);
                let value = self.value(sheet, row, column, &inner.ty, cell, text, &pointer);
                let object = entry(members, field.key, || Json::Object(Vec::new()));
                if let Json::Object(inner_members) = object {
                    place(inner_members, inner.key, column.lang.as_deref(), value);
                }
                self.origin(
                    &lang_pointer(&pointer, column.lang.as_deref()),
                    sheet,
                    row,
                    column,
                );
            }
            (Type::List(list), inner) if inner.is_some() || matches!(list.item, Type::Text) => {
                let lines: Vec<&str> = text.lines().map(str::trim).collect();
                let array = entry(members, field.key, || Json::Array(Vec::new()));
                let Json::Array(items) = array else { return };
                for (i, line) in lines.iter().enumerate() {
                    if items.len() <= i {
                        items.push(if inner.is_some() {
                            Json::Object(Vec::new())
                        } else {
                            Json::Null
                        });
                    }
                    if line.is_empty() {
                        continue;
                    }
                    let value = Json::String((*line).to_owned());
                    match (inner, items.get_mut(i)) {
                        (Some(inner), Some(Json::Object(m))) => {
                            place(m, inner.key, column.lang.as_deref(), value)
                        }
                        (None, Some(slot)) => place_text(slot, column.lang.as_deref(), value),
                        _ => {}
                    }
                }
                // Items a language left empty: none of them may stay `null`.
                items.retain(|item| !matches!(item, Json::Null));
                let pointer = match inner {
                    Some(inner) => format!("{base}/*/{}", inner.key),
                    None => base.clone(),
                };
                self.origin(
                    &lang_pointer(&pointer, column.lang.as_deref()),
                    sheet,
                    row,
                    column,
                );
            }
            _ => {
                let pointer = lang_pointer(&base, column.lang.as_deref());
                let value = self.value(sheet, row, column, &field.ty, cell, text, &base);
                place(members, field.key, column.lang.as_deref(), value);
                self.origin(&pointer, sheet, row, column);
            }
        }
    }

    /// A cell read as a value of `ty`; what cannot be read is reported and kept as text.
    #[allow(clippy::too_many_arguments)]
    fn value(
        &mut self,
        sheet: &str,
        row: u32,
        column: &Column,
        ty: &Type,
        cell: &Cell,
        text: &str,
        pointer: &str,
    ) -> Json {
        match ty {
            Type::Version | Type::Number(_) | Type::Integer(_) => {
                let number = match cell {
                    Cell::Number(n) => Number::from_f64(*n),
                    _ => Number::parse(text),
                };
                number.map(Json::Number).unwrap_or_else(|| {
                    self.problem(sheet, row, column, "not-a-number", format!("`{text}` is not a number (write it with digits and a decimal point, like 1.5)"), pointer);
                    Json::String(text.to_owned())
                })
            }
            Type::Requirement => match expression::parse(text) {
                Ok(requirement) => requirement,
                Err(e) => {
                    self.problem(sheet, row, column, "bad-expression", format!("{} (at character {} of `{text}`); see docs/spreadsheet.md for the grammar", e.message, e.at + 1), pointer);
                    Json::String(text.to_owned())
                }
            },
            Type::List(list) => Json::Array(
                text.split([',', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| match list.item {
                        Type::Number(_) | Type::Integer(_) => Number::parse(s)
                            .map_or_else(|| Json::String(s.to_owned()), Json::Number),
                        _ => Json::String(s.to_owned()),
                    })
                    .collect(),
            ),
            _ => Json::String(text.to_owned()),
        }
    }

    fn origin(&mut self, pointer: &str, sheet: &str, row: u32, column: &Column) {
        self.origins.push(Origin {
            pointer: pointer.to_owned(),
            sheet: sheet.to_owned(),
            row: Some(row),
            column: Some((column.letter.clone(), column.header.clone())),
        });
    }

    /// Required fields of the table left empty in a row, reported at their column.
    fn check_required(
        &mut self,
        sheet: &str,
        row: u32,
        object: &'static Object,
        columns: &[Option<Column>],
        members: &[(String, Json)],
        at: &str,
    ) {
        for field in object.fields.iter().filter(|f| f.required) {
            if members.iter().any(|(k, _)| k == field.key) {
                continue;
            }
            let column = columns
                .iter()
                .flatten()
                .find(|c| c.field.is_some_and(|f| std::ptr::eq(f, field)));
            let message = match column {
                Some(_) => format!("`{}` is required and this cell is empty", field.key),
                None => format!(
                    "`{}` is required: add a `{}` column",
                    field.key,
                    suggested_header(field)
                ),
            };
            self.problems.push(Problem {
                sheet: sheet.to_owned(),
                row: Some(row),
                column: column.map(|c| (c.letter.clone(), c.header.clone())),
                severity: Severity::Error,
                code: "missing-value".into(),
                message,
            });
            self.reported.push(format!("{at}#{}", field.key));
        }
    }

    /// What the document needs that no sheet gave: the format version, and the languages of the
    /// text columns.
    fn complete(&mut self, document: &mut Vec<(String, Json)>) {
        if !document.iter().any(|(k, _)| k == "stackway") {
            if let Some(version) = Number::parse("1") {
                document.push(("stackway".into(), Json::Number(version)));
            }
        }
        if !document.iter().any(|(k, _)| k == "languages") {
            let languages = if self.languages.is_empty() {
                vec!["en".to_owned()]
            } else {
                self.languages.clone()
            };
            document.push((
                "languages".into(),
                Json::Array(languages.into_iter().map(Json::String).collect()),
            ));
        }
    }

    /// The validator's findings on the written feed, each at the cell its pointer came from.
    fn validate(&mut self, text: &str) {
        for d in parse_feed(text).diagnostics {
            if d.code == Code::MissingField {
                let key = d.message.rsplit('`').nth(1).unwrap_or("");
                if self
                    .reported
                    .iter()
                    .any(|r| *r == format!("{}#{key}", d.pointer))
                {
                    continue;
                }
            }
            if self.reported.iter().any(|r| is_within(&d.pointer, r)) {
                continue;
            }
            let origin = self
                .origins
                .iter()
                .filter(|o| {
                    is_within(&d.pointer, &o.pointer.replace("/*", ""))
                        || matches_items(&d.pointer, &o.pointer)
                })
                .max_by_key(|o| (o.pointer.len(), o.column.is_some()));
            let (sheet, row, column) = match origin {
                Some(o) => (o.sheet.clone(), o.row, o.column.clone()),
                None => ("feed".to_owned(), None, None),
            };
            self.problems.push(Problem {
                sheet,
                row,
                column,
                severity: d.severity,
                code: d.code.as_str().to_owned(),
                message: d.message,
            });
        }
    }
}

/// The header a field's column takes (`title_en` for a text).
fn suggested_header(field: &Field) -> String {
    if texts(&field.ty) {
        format!("{}_en", field.key)
    } else {
        field.key.to_owned()
    }
}

/// Whether `pointer` is `prefix` or inside it.
fn is_within(pointer: &str, prefix: &str) -> bool {
    pointer == prefix
        || (pointer.starts_with(prefix) && pointer.as_bytes().get(prefix.len()) == Some(&b'/'))
}

/// Whether `pointer` is inside a `…/list/*/field` origin (any item of the list).
fn matches_items(pointer: &str, origin: &str) -> bool {
    let Some((list, field)) = origin.split_once("/*/") else {
        return false;
    };
    let Some(rest) = pointer.strip_prefix(list).and_then(|r| r.strip_prefix('/')) else {
        return false;
    };
    let Some((index, after)) = rest.split_once('/') else {
        return false;
    };
    index.parse::<usize>().is_ok() && is_within(&format!("/{after}"), &format!("/{field}"))
}

fn lang_pointer(pointer: &str, lang: Option<&str>) -> String {
    match lang {
        Some(lang) => format!("{pointer}/{}", escape(lang)),
        None => pointer.to_owned(),
    }
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Sets `key` in an object's members, replacing an earlier value.
fn set(members: &mut Vec<(String, Json)>, key: &str, value: Json) {
    match members.iter_mut().find(|(k, _)| k == key) {
        Some((_, slot)) => *slot = value,
        None => members.push((key.to_owned(), value)),
    }
}

/// The member `key`, made with `make` when absent.
fn entry<'m>(
    members: &'m mut Vec<(String, Json)>,
    key: &str,
    make: impl FnOnce() -> Json,
) -> &'m mut Json {
    let at = match members.iter().position(|(k, _)| k == key) {
        Some(at) => at,
        None => {
            members.push((key.to_owned(), make()));
            members.len() - 1
        }
    };
    &mut members[at].1
}

/// Puts a value under `key`: as it is, or as the `lang` entry of a text.
fn place(members: &mut Vec<(String, Json)>, key: &str, lang: Option<&str>, value: Json) {
    match lang {
        None => set(members, key, value),
        Some(_) => {
            let slot = entry(members, key, || Json::Object(Vec::new()));
            place_text(slot, lang, value);
        }
    }
}

/// Puts a text's string for `lang` (or the whole string, without a language).
fn place_text(slot: &mut Json, lang: Option<&str>, value: Json) {
    match lang {
        None => *slot = value,
        Some(lang) => {
            if !matches!(slot, Json::Object(_)) {
                *slot = Json::Object(Vec::new());
            }
            if let Json::Object(m) = slot {
                set(m, lang, value);
            }
        }
    }
}

/// The template's headers for a sheet (`feed`, or a list of the feed such as `credentials`),
/// from the field table, with texts in English and French: what `www/templates/` holds.
pub fn template_headers(sheet: &str) -> Vec<String> {
    let (object, feed) = match sheet_object(sheet) {
        Some(object) => (object, false),
        None if sheet == "feed" => (&table::FEED, true),
        None => return Vec::new(),
    };
    let mut headers = Vec::new();
    for field in object.fields {
        if feed
            && (matches!(field.key, "$schema" | "stackway") || sheet_object(field.key).is_some())
        {
            continue;
        }
        headers.extend(field_headers(field.key, &field.ty));
    }
    headers
}

fn field_headers(key: &str, ty: &Type) -> Vec<String> {
    let inner = match ty {
        Type::Object(o) => Some(*o),
        Type::List(list) => match list.item {
            Type::Object(o) => Some(o),
            _ => None,
        },
        _ => None,
    };
    match inner {
        Some(object) => object
            .fields
            .iter()
            .flat_map(|f| field_headers(&format!("{key}_{}", f.key), &f.ty))
            .collect(),
        None if texts(ty) => vec![format!("{key}_en"), format!("{key}_fr")],
        None => vec![key.to_owned()],
    }
}
