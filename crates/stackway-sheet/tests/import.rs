//! Importing real spreadsheet files (written by openpyxl: `tests/data/make_fixtures.py`): the
//! valid CSV and XLSX give back the sample feed's Certificate in Data Analytics exactly, the
//! files with errors report each problem at its sheet, row and column, and the templates have
//! the field table's columns.

use stackway_core::canonical::Json;
use stackway_core::{parse_feed, Credential, Severity};
use stackway_sheet::import::template_headers;
use stackway_sheet::table::read_workbook;
use stackway_sheet::{import, Imported, Problem, Source};

const SAMPLE: &str = include_str!("../../../www/feeds/sample.json");
const CERTIFICATE: [&str; 8] = [
    "data-foundations",
    "data-spreadsheets",
    "data-sql",
    "data-python-1",
    "data-statistics",
    "data-visualization",
    "data-ethics",
    "cert-data-analytics",
];

fn source(name: &str) -> Source {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    Source {
        name: name.to_owned(),
        bytes: std::fs::read(path).unwrap(),
    }
}

fn sample_credentials() -> Vec<Credential> {
    let feed = parse_feed(SAMPLE).feed.unwrap();
    CERTIFICATE
        .iter()
        .map(|id| feed.credential(id).unwrap().clone())
        .collect()
}

/// The sample feed without its credentials, equivalences and pathways: what a CSV of
/// credentials is imported into.
fn sample_base() -> Json {
    let mut doc = Json::parse(SAMPLE).unwrap();
    if let Json::Object(members) = &mut doc {
        members.retain(|(k, _)| !matches!(k.as_str(), "equivalences" | "pathways"));
        for (k, v) in members.iter_mut() {
            if k == "credentials" {
                *v = Json::Array(Vec::new());
            }
        }
    }
    doc
}

fn assert_clean(imported: &Imported) {
    let shown: Vec<String> = imported.problems.iter().map(Problem::to_string).collect();
    assert!(shown.is_empty(), "{shown:#?}");
}

#[test]
fn the_valid_workbook_gives_the_sample_certificate_exactly() {
    let imported = import(&[source("valid.xlsx")], None);
    assert_clean(&imported);
    let feed = parse_feed(&imported.text).feed.unwrap();
    assert_eq!(feed.credentials, sample_credentials());
    let sample = parse_feed(SAMPLE).feed.unwrap();
    assert_eq!(feed.id, sample.id);
    assert_eq!(feed.provider, sample.provider);
    assert_eq!(feed.skills, sample.skills);
    assert_eq!(feed.institutions, sample.institutions);
    assert_eq!(feed.languages, sample.languages);
    assert_eq!(feed.credit_label, sample.credit_label);
    assert_eq!(feed.updated, sample.updated);
}

#[test]
fn the_valid_csv_imported_into_the_sample_gives_the_same_certificate() {
    let imported = import(&[source("valid.csv")], Some(&sample_base()));
    assert_clean(&imported);
    let feed = parse_feed(&imported.text).feed.unwrap();
    assert_eq!(feed.credentials, sample_credentials());
}

/// (sheet, row, column letter, code) of every problem.
fn places(imported: &Imported) -> Vec<(String, Option<u32>, Option<String>, String)> {
    imported
        .problems
        .iter()
        .map(|p| {
            (
                p.sheet.clone(),
                p.row,
                p.column.as_ref().map(|c| c.0.clone()),
                p.code.clone(),
            )
        })
        .collect()
}

fn expected_credential_problems(sheet: &str) -> Vec<(String, Option<u32>, Option<String>, String)> {
    [
        (2, "I", "unknown-key"),
        (3, "B", "unknown-kind"),
        (4, "F", "not-a-number"),
        (5, "H", "unknown-credential"),
        (6, "H", "bad-expression"),
        (7, "A", "missing-value"),
        (8, "E", "invalid-url"),
    ]
    .iter()
    .map(|(row, column, code)| {
        (
            sheet.to_owned(),
            Some(*row),
            Some(column.to_string()),
            code.to_string(),
        )
    })
    .collect()
}

#[test]
fn every_problem_of_the_csv_is_reported_at_its_row_and_column() {
    // A CSV file's problems carry its file name as their sheet.
    let imported = import(&[source("errors.csv")], None);
    let found = places(&imported);
    for e in expected_credential_problems("errors.csv") {
        assert!(found.contains(&e), "{e:?} not in {found:#?}");
    }
    // No feed sheet and no base: the feed's own fields are missing.
    assert!(found
        .iter()
        .any(|(sheet, row, _, code)| sheet == "feed" && row.is_none() && code == "missing-field"));
    assert!(imported.has_errors());
    // Nothing is dropped: the unknown column, the unknown kind and the unreadable values are in
    // the written feed.
    for kept in [
        r#""colour": "teal""#,
        r#""kind": "module""#,
        r#""hours": "ten""#,
        r#""requires": "all of mc-a mc-c""#,
    ] {
        assert!(imported.text.contains(kept), "{kept}");
    }
    let shown: Vec<String> = imported.problems.iter().map(Problem::to_string).collect();
    assert!(shown.contains(&"errors.csv!B3 (kind): error[unknown-kind]: unknown kind `module`; expected one of micro-credential, badge, course, certificate, graduate-certificate, diploma, advanced-diploma, degree, prior-learning, career".to_owned()), "{shown:#?}");
}

#[test]
fn every_problem_of_the_workbook_is_reported_at_its_sheet_row_and_column() {
    let imported = import(&[source("errors.xlsx")], None);
    let found = places(&imported);
    for e in expected_credential_problems("credentials") {
        assert!(found.contains(&e), "{e:?} not in {found:#?}");
    }
    // The missing provider is reported on the feed sheet's row, the unknown sheet by name.
    assert!(
        found.contains(&("feed".into(), Some(2), None, "missing-field".into())),
        "{found:#?}"
    );
    assert!(
        found.contains(&("notes".into(), None, None, "unknown-sheet".into())),
        "{found:#?}"
    );
    let problem = imported
        .problems
        .iter()
        .find(|p| p.code == "bad-expression")
        .unwrap();
    assert_eq!(
        problem.to_string(),
        "credentials!H6 (requires): error[bad-expression]: unexpected `mc-c`: a list continues with a comma, and a group inside a list goes in parentheses (at character 13 of `all of mc-a mc-c`); see docs/spreadsheet.md for the grammar"
    );
    assert_eq!(problem.severity, Severity::Error);
}

#[test]
fn the_templates_have_the_field_tables_columns() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/templates");
    let csv = std::fs::read_to_string(format!("{root}/stackway-credentials.csv")).unwrap();
    assert_eq!(csv.trim_end(), template_headers("credentials").join(","));
    let book =
        read_workbook(&std::fs::read(format!("{root}/stackway-feed.xlsx")).unwrap()).unwrap();
    let names: Vec<&str> = book.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "feed",
            "institutions",
            "skills",
            "credentials",
            "equivalences",
            "pathways"
        ]
    );
    for sheet in &book {
        let header: Vec<String> = sheet.rows[0].iter().filter_map(|c| c.text()).collect();
        assert_eq!(header, template_headers(&sheet.name), "{}", sheet.name);
    }
}
