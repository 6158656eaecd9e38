//! Spreadsheet import: CSV files and workbooks (XLSX, XLS, XLSB, ODS) → a Stackway feed, with
//! every problem reported at its sheet, row and column.
//!
//! The template is the feed format's field table read as columns (docs/spreadsheet.md): one
//! sheet per list of the feed (`credentials`, `institutions`, `skills`, `equivalences`,
//! `pathways`; one row per item) and a `feed` sheet (one row) for the rest. A column is named
//! after its field: `hours`, `title_en` and `title_fr` for a text in two languages, `cost_amount`
//! for a field of an object, `outcomes_fr` or `employers_name_en` for lists of texts or objects
//! (one item per line of the cell), `tags` for a list of words (comma-separated), and
//! `requires` / `prerequisites` for a requirement expression (see [`expression`]).
//!
//! Nothing is dropped: every cell goes into the feed as written (a column the template does not
//! know becomes a key the format does not know, which the validator reports and the canonical
//! writer keeps), the feed is then checked by the core's validator, and each of its
//! diagnostics is reported at the cell its JSON Pointer came from. This crate does no I/O: it
//! takes bytes, so that the studio imports in the browser.

pub mod expression;
pub mod import;
pub mod table;

pub use import::{import, Imported, Problem, Source};
