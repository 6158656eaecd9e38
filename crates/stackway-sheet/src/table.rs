//! Reading spreadsheet files into tables of cells: CSV with the `csv` crate, and workbooks
//! (XLSX, XLS, XLSB, ODS) with `calamine`. Bytes in, cells out: no file system, so the studio
//! can import in the browser.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

/// One sheet (or one CSV file): its rows, the first being the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name, or the CSV file's name without its extension.
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// One cell, as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date cell, as `YYYY-MM-DD`.
    Date(String),
    /// A formula error such as `#N/A`.
    Error(String),
}

impl Cell {
    /// The cell's text as the importer reads it (trimmed), `None` for an empty cell.
    pub fn text(&self) -> Option<String> {
        let text = match self {
            Cell::Empty => return None,
            Cell::Text(s) => s.trim().to_owned(),
            Cell::Number(n) => stackway_core::canonical::Number::from_f64(*n)
                .map(|n| n.as_str().to_owned())
                .unwrap_or_default(),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.clone(),
            Cell::Error(e) => e.clone(),
        };
        (!text.is_empty()).then_some(text)
    }
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub message: String,
}

/// A CSV file (UTF-8, with or without a byte-order mark; comma-separated, `"`-quoted, cells may
/// hold line breaks).
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Table, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError {
            message: format!("row {}: {e}", i + 1),
        })?;
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(Table {
        name: name.to_owned(),
        rows,
    })
}

/// Every sheet of a workbook (XLSX, XLS, XLSB or ODS, told apart by its content).
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Table>, ReadError> {
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| ReadError {
            message: format!("not a spreadsheet this importer reads (XLSX, XLS, XLSB, ODS): {e}"),
        })?;
    let mut tables = Vec::new();
    for (name, range) in workbook.worksheets() {
        // Cells are placed where they are: a sheet whose data starts at C3 keeps its columns.
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell));
            rows.push(cells);
        }
        tables.push(Table { name, rows });
    }
    Ok(tables)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Date(excel_date(d.as_f64(), d.is_datetime())),
        Data::DateTimeIso(s) => Cell::Date(s.get(..10).unwrap_or(s).to_owned()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// A spreadsheet serial date (days since 1899-12-30, the convention of Excel and LibreOffice
/// for dates after 1900-03-01) as `YYYY-MM-DD`. Durations are kept as numbers.
fn excel_date(serial: f64, is_date: bool) -> String {
    if !is_date {
        return stackway_core::canonical::Number::from_f64(serial)
            .map(|n| n.as_str().to_owned())
            .unwrap_or_default();
    }
    // Days from 1970-01-01, then the civil calendar (Howard Hinnant's algorithm).
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The spreadsheet name of a 0-based column: A, B, …, Z, AA, AB, …
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_dates_and_column_letters() {
        assert_eq!(excel_date(45_658.0, true), "2025-01-01");
        assert_eq!(excel_date(46_328.75, true), "2026-11-02");
        assert_eq!(excel_date(60.0, true), "1900-02-28");
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn csv_cells_keep_line_breaks_and_a_byte_order_mark_is_ignored() {
        let table = read_csv(
            "credentials",
            b"\xEF\xBB\xBFid,outcomes_en\nmc-a,\"One.\nTwo.\"\n\n,\n",
        )
        .unwrap();
        assert_eq!(table.rows[0][0], Cell::Text("id".into()));
        assert_eq!(table.rows[1][1], Cell::Text("One.\nTwo.".into()));
        assert_eq!(table.rows[2], vec![Cell::Empty, Cell::Empty]);
        assert!(read_workbook(b"id,title\n").is_err());
    }
}
