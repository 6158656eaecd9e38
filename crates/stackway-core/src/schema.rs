//! The JSON Schema (draft 2020-12) of feed format v1, for editors and other tools.
//!
//! It is written out rather than derived: the format has rules a derive cannot express well
//! (the id pattern on every reference, requirement groups told apart by their key, texts that
//! are a string or a map of translations, http(s)-only URLs), and a hand-written schema gives
//! editors precise completion and descriptions. Tests keep it honest: the sample feed and the
//! documentation example must validate against it, and the committed copy in `docs/` must equal
//! this output. The validator remains the authority for rules a schema cannot express
//! (references, cycles, feasibility).

use serde_json::{json, Value};

use crate::feed::{Delivery, Kind};
use crate::validate::ids::ID_PATTERN;
use crate::validate::values::CURRENCY_CODES;

/// The `$id` under which the schema is published.
pub const SCHEMA_ID: &str = "https://stackway.example.org/schema/feed-v1.schema.json";

/// The JSON Schema of feed format v1.
pub fn feed_schema() -> Value {
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let delivery: Vec<&str> = Delivery::ALL.iter().map(|d| d.as_str()).collect();
    let url_pattern = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*$";
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Stackway feed, format v1",
        "description": "An institution's offer of micro-credentials and how they stack toward certificates, diplomas and degrees.",
        "type": "object",
        "required": ["stackway", "id", "languages", "provider", "credentials"],
        "additionalProperties": false,
        "properties": {
            "$schema": { "type": "string", "description": "URL of this schema, for editors." },
            "stackway": { "const": 1, "description": "Format version: always 1." },
            "id": { "$ref": "#/$defs/id", "description": "Feed id, used for example to key a learner's saved plan." },
            "updated": { "$ref": "#/$defs/date", "description": "Date of the last update (YYYY-MM-DD)." },
            "languages": {
                "type": "array", "minItems": 1, "uniqueItems": true,
                "items": { "type": "string", "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$" },
                "description": "Language tags of the feed's texts; the first is the default."
            },
            "credit_label": { "$ref": "#/$defs/text", "description": "What a credit is called (\"credits\", \"units\")." },
            "provider": { "$ref": "#/$defs/institution", "description": "The feed's owner." },
            "institutions": {
                "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/institution" },
                "description": "Other institutions: partners and transfer sources."
            },
            "skills": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/skill" }, "description": "Skills that credentials teach." },
            "credentials": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/credential" }, "description": "Every credential, from micro-credentials to degrees." },
            "equivalences": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/equivalence" }, "description": "Credit transfer and prior-learning rules." },
            "pathways": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/pathway" }, "description": "Curated routes to show learners." }
        },
        "$defs": {
            "id": {
                "type": "string", "pattern": ID_PATTERN,
                "description": "Lower-case letters, digits, '.', '_' and '-'; starts with a letter or digit; at most 64 characters."
            },
            "idList": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/id" } },
            "date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A calendar date, YYYY-MM-DD." },
            "url": { "type": "string", "pattern": url_pattern, "description": "An absolute http or https URL." },
            "text": {
                "description": "A string, or an object from language tag to string ({\"en\": \"…\", \"fr\": \"…\"}).",
                "oneOf": [
                    { "type": "string" },
                    { "type": "object", "minProperties": 1, "additionalProperties": { "type": "string" } }
                ]
            },
            "institution": {
                "type": "object", "required": ["id", "name"], "additionalProperties": false,
                "properties": {
                    "id": { "$ref": "#/$defs/id" },
                    "name": { "$ref": "#/$defs/text" },
                    "url": { "$ref": "#/$defs/url" }
                }
            },
            "skill": {
                "type": "object", "required": ["id", "name"], "additionalProperties": false,
                "properties": {
                    "id": { "$ref": "#/$defs/id" },
                    "name": { "$ref": "#/$defs/text" },
                    "framework": { "type": "string", "description": "The framework the skill comes from." },
                    "uri": { "$ref": "#/$defs/url", "description": "The skill's URI in that framework." }
                }
            },
            "credential": {
                "type": "object", "required": ["id", "kind", "title"], "additionalProperties": false,
                "properties": {
                    "id": { "$ref": "#/$defs/id" },
                    "kind": { "enum": kinds, "description": "What sort of credential this is." },
                    "title": { "$ref": "#/$defs/text" },
                    "summary": { "$ref": "#/$defs/text" },
                    "url": { "$ref": "#/$defs/url", "description": "The institution's page for it." },
                    "provider": { "$ref": "#/$defs/id", "description": "Institution id; default: the feed's provider." },
                    "hours": { "type": "number", "minimum": 0, "description": "Learning hours." },
                    "credits": { "type": "number", "minimum": 0, "description": "Credits it gives toward stacking." },
                    "weeks": { "type": "number", "minimum": 0, "description": "Duration in weeks." },
                    "cost": {
                        "type": "object", "required": ["amount", "currency"], "additionalProperties": false,
                        "properties": {
                            "amount": { "type": "number", "minimum": 0 },
                            "currency": { "enum": CURRENCY_CODES.as_slice(), "description": "ISO 4217 currency code." }
                        }
                    },
                    "delivery": {
                        "type": "array", "minItems": 1, "uniqueItems": true,
                        "items": { "enum": delivery }
                    },
                    "level": { "$ref": "#/$defs/text" },
                    "tags": { "type": "array", "minItems": 1, "items": { "type": "string" } },
                    "skills": { "$ref": "#/$defs/idList", "description": "Skill ids." },
                    "outcomes": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/text" }, "description": "Learning outcomes." },
                    "assessment": { "$ref": "#/$defs/text", "description": "How learners are assessed." },
                    "employers": {
                        "type": "array", "minItems": 1, "description": "Employer partners.",
                        "items": {
                            "type": "object", "required": ["name"], "additionalProperties": false,
                            "properties": { "name": { "$ref": "#/$defs/text" }, "url": { "$ref": "#/$defs/url" } }
                        }
                    },
                    "badge": {
                        "type": "object", "required": ["achievement"], "additionalProperties": false,
                        "properties": {
                            "achievement": { "$ref": "#/$defs/url", "description": "URL of the Open Badges achievement." },
                            "image": { "$ref": "#/$defs/url", "description": "URL of the badge image." }
                        }
                    },
                    "requires": { "$ref": "#/$defs/requirement", "description": "How this credential is earned by stacking others." },
                    "prerequisites": { "$ref": "#/$defs/requirement", "description": "What must be held before starting it." },
                    "valid_years": { "type": "number", "exclusiveMinimum": 0, "description": "How long it counts toward stacking after it is earned." }
                }
            },
            "requirement": {
                "description": "A credential id, or a group: all, any, choose n from, or credits x from.",
                "oneOf": [
                    { "$ref": "#/$defs/id" },
                    {
                        "type": "object", "required": ["all"], "additionalProperties": false,
                        "properties": {
                            "all": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/requirement" }, "description": "Every item." },
                            "label": { "$ref": "#/$defs/text" }
                        }
                    },
                    {
                        "type": "object", "required": ["any"], "additionalProperties": false,
                        "properties": {
                            "any": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/requirement" }, "description": "One item." },
                            "label": { "$ref": "#/$defs/text" }
                        }
                    },
                    {
                        "type": "object", "required": ["choose", "from"], "additionalProperties": false,
                        "properties": {
                            "choose": { "type": "integer", "minimum": 1, "description": "How many distinct items." },
                            "from": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/requirement" } },
                            "label": { "$ref": "#/$defs/text" }
                        }
                    },
                    {
                        "type": "object", "required": ["credits", "from"], "additionalProperties": false,
                        "properties": {
                            "credits": { "type": "number", "exclusiveMinimum": 0, "description": "At least this many credits from distinct listed credentials." },
                            "from": { "$ref": "#/$defs/idList", "description": "Credential ids only (no nested groups)." },
                            "label": { "$ref": "#/$defs/text" }
                        }
                    }
                ]
            },
            "equivalence": {
                "type": "object", "required": ["holding", "counts_as"], "additionalProperties": false,
                "properties": {
                    "holding": { "$ref": "#/$defs/idList", "description": "Credentials that, all held, stand in for counts_as." },
                    "counts_as": { "$ref": "#/$defs/id" },
                    "toward": { "$ref": "#/$defs/idList", "description": "Where the rule applies; omitted means everywhere." },
                    "note": { "$ref": "#/$defs/text" }
                }
            },
            "pathway": {
                "type": "object", "required": ["id", "title", "goal", "steps"], "additionalProperties": false,
                "properties": {
                    "id": { "$ref": "#/$defs/id" },
                    "title": { "$ref": "#/$defs/text" },
                    "summary": { "$ref": "#/$defs/text" },
                    "goal": { "$ref": "#/$defs/id", "description": "The credential this route leads to." },
                    "steps": { "$ref": "#/$defs/idList", "description": "Credential ids in order." }
                }
            }
        }
    })
}

/// The schema as pretty-printed JSON with a final newline, exactly as `stackway schema` prints it.
pub fn feed_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&feed_schema()).unwrap_or_default();
    text.push('\n');
    text
}
