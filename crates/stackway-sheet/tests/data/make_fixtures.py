"""Writes the spreadsheet fixtures and templates of stackway-sheet with openpyxl (PyPI), a real
spreadsheet library, so that the importer is tested on files as spreadsheet programs write them.

    python3 -m pip install openpyxl==3.1.5
    python3 crates/stackway-sheet/tests/data/make_fixtures.py

The valid fixtures hold the sample feed's Certificate in Data Analytics and its seven
micro-credentials, cell by cell from www/feeds/sample.json; the tests check that importing them
gives those credentials back exactly. The header lists must equal
`stackway_sheet::import::template_headers` (a test compares the templates with it).
"""

import csv
import io
import json
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
SAMPLE = json.load(open(os.path.join(ROOT, "www", "feeds", "sample.json"), encoding="utf-8"))

HEADERS = {
    "feed": ["id", "updated", "languages", "credit_label_en", "credit_label_fr", "provider_id",
             "provider_name_en", "provider_name_fr", "provider_url"],
    "institutions": ["id", "name_en", "name_fr", "url"],
    "skills": ["id", "name_en", "name_fr", "framework", "uri"],
    "credentials": ["id", "kind", "title_en", "title_fr", "summary_en", "summary_fr", "url",
                    "provider", "hours", "credits", "weeks", "cost_amount", "cost_currency",
                    "delivery", "level_en", "level_fr", "tags", "skills", "outcomes_en",
                    "outcomes_fr", "assessment_en", "assessment_fr", "employers_name_en",
                    "employers_name_fr", "employers_url", "badge_achievement", "badge_image",
                    "requires", "prerequisites", "valid_years"],
    "equivalences": ["holding", "counts_as", "toward", "note_en", "note_fr"],
    "pathways": ["id", "title_en", "title_fr", "summary_en", "summary_fr", "goal", "steps"],
}

CERTIFICATE = ["data-foundations", "data-spreadsheets", "data-sql", "data-python-1",
               "data-statistics", "data-visualization", "data-ethics", "cert-data-analytics"]


def expression(requirement):
    """A requirement of the feed as the spreadsheet writes it."""
    if isinstance(requirement, str):
        return requirement
    label = requirement.get("label")
    prefix = ""
    if isinstance(label, dict):
        prefix = "[" + " | ".join(f"{k}: {v}" for k, v in label.items()) + "] "
    elif isinstance(label, str):
        prefix = f"[{label}] "
    item = lambda r: r if isinstance(r, str) else "(" + expression(r) + ")"
    if "all" in requirement:
        body = "all of " + ", ".join(item(r) for r in requirement["all"])
    elif "any" in requirement:
        body = "any of " + ", ".join(item(r) for r in requirement["any"])
    elif "choose" in requirement:
        body = f"choose {requirement['choose']} of " + ", ".join(item(r) for r in requirement["from"])
    else:
        body = f"{requirement['credits']} credits from " + ", ".join(requirement["from"])
    return prefix + body


def text(value, lang):
    if value is None:
        return None
    return value if isinstance(value, str) else value.get(lang)


def credential_row(c):
    employers = c.get("employers", [])
    outcomes = c.get("outcomes", [])
    cell = {
        "id": c["id"], "kind": c["kind"],
        "title_en": text(c["title"], "en"), "title_fr": text(c["title"], "fr"),
        "summary_en": text(c.get("summary"), "en"), "summary_fr": text(c.get("summary"), "fr"),
        "url": c.get("url"), "provider": c.get("provider"),
        "hours": c.get("hours"), "credits": c.get("credits"), "weeks": c.get("weeks"),
        "cost_amount": c.get("cost", {}).get("amount"), "cost_currency": c.get("cost", {}).get("currency"),
        "delivery": ", ".join(c.get("delivery", [])) or None,
        "level_en": text(c.get("level"), "en"), "level_fr": text(c.get("level"), "fr"),
        "tags": ", ".join(c.get("tags", [])) or None,
        "skills": ", ".join(c.get("skills", [])) or None,
        "outcomes_en": "\n".join(text(o, "en") for o in outcomes) or None,
        "outcomes_fr": "\n".join(text(o, "fr") for o in outcomes) or None,
        "assessment_en": text(c.get("assessment"), "en"), "assessment_fr": text(c.get("assessment"), "fr"),
        "employers_name_en": "\n".join(text(e["name"], "en") for e in employers) or None,
        "employers_name_fr": "\n".join(text(e["name"], "fr") for e in employers) or None,
        "employers_url": "\n".join(e.get("url", "") for e in employers) or None,
        "badge_achievement": c.get("badge", {}).get("achievement"),
        "badge_image": c.get("badge", {}).get("image"),
        "requires": expression(c["requires"]) if "requires" in c else None,
        "prerequisites": expression(c["prerequisites"]) if "prerequisites" in c else None,
        "valid_years": c.get("valid_years"),
    }
    return [cell[h] for h in HEADERS["credentials"]]


def valid_sheets():
    by_id = {c["id"]: c for c in SAMPLE["credentials"]}
    provider = SAMPLE["provider"]
    return {
        "feed": [[SAMPLE["id"], SAMPLE["updated"], ", ".join(SAMPLE["languages"]),
                  SAMPLE["credit_label"]["en"], SAMPLE["credit_label"]["fr"], provider["id"],
                  provider["name"]["en"], provider["name"]["fr"], provider["url"]]],
        "institutions": [[i["id"], i["name"]["en"], i["name"]["fr"], i.get("url")] for i in SAMPLE["institutions"]],
        "skills": [[s["id"], s["name"]["en"], s["name"]["fr"], s.get("framework"), s.get("uri")] for s in SAMPLE["skills"]],
        "credentials": [credential_row(by_id[i]) for i in CERTIFICATE],
    }


# Every row of the errors fixture has one problem the tests expect at a given cell.
ERRORS_HEADER = ["id", "kind", "title_en", "title_fr", "url", "hours", "credits", "requires", "colour"]
ERRORS_ROWS = [
    ["mc-a", "micro-credential", "A", "A", None, None, 2, None, "teal"],          # row 2: unknown column I
    ["mc-b", "module", "B", "B", None, None, 1, None, None],                     # row 3: unknown kind, B3
    ["mc-c", "micro-credential", "C", "C", None, "ten", 1, None, None],          # row 4: not a number, F4
    ["cert-x", "certificate", "X", "X", None, None, None, "choose 2 of mc-a, mc-zz", None],  # row 5: unknown credential, H5
    ["cert-y", "certificate", "Y", "Y", None, None, None, "all of mc-a mc-c", None],        # row 6: bad expression, H6
    [None, "course", "Z", "Z", None, None, None, None, None],                    # row 7: missing id, A7
    ["mc-d", "badge", "D", "D", "javascript:alert(1)", None, None, None, None],  # row 8: invalid URL, E8
]


def write_csv(path, header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


def write_xlsx(path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (header, rows) in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    book.save(path)


def main():
    valid = valid_sheets()
    write_csv(os.path.join(HERE, "valid.csv"), HEADERS["credentials"], valid["credentials"])
    write_xlsx(os.path.join(HERE, "valid.xlsx"), {k: (HEADERS[k], v) for k, v in valid.items()})
    write_csv(os.path.join(HERE, "errors.csv"), ERRORS_HEADER, ERRORS_ROWS)
    write_xlsx(os.path.join(HERE, "errors.xlsx"), {
        # No provider: the feed's missing field is reported on this sheet's row.
        "feed": (["id", "languages"], [["errors-feed", "en, fr"]]),
        "credentials": (ERRORS_HEADER, ERRORS_ROWS),
        "notes": (["anything"], [["a sheet the template does not know"]]),
    })
    templates = os.path.join(ROOT, "www", "templates")
    os.makedirs(templates, exist_ok=True)
    write_csv(os.path.join(templates, "stackway-credentials.csv"), HEADERS["credentials"], [])
    write_xlsx(os.path.join(templates, "stackway-feed.xlsx"), {k: (v, []) for k, v in HEADERS.items()})


if __name__ == "__main__":
    main()
