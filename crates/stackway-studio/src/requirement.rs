//! Requirement trees as the editor changes them: what kind of node a value is, and the value
//! a node becomes when its kind changes. Pure functions over JSON, so that they are tested
//! natively; `components/requirement_node.rs` draws them.

use crate::doc::{whole, Json, JsonExt};

/// The kinds of requirement node the format has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// One credential, by id.
    Credential,
    All,
    Any,
    Choose,
    Credits,
    /// Something else (an invalid value), shown as it is.
    Other,
}

impl NodeKind {
    /// The group kinds, in the order the editor offers them.
    pub const GROUPS: [NodeKind; 4] = [
        NodeKind::All,
        NodeKind::Any,
        NodeKind::Choose,
        NodeKind::Credits,
    ];

    pub fn of(value: &Json) -> NodeKind {
        match value {
            Json::String(_) => NodeKind::Credential,
            Json::Object(_) if value.get("choose").is_some() => NodeKind::Choose,
            Json::Object(_) if value.get("credits").is_some() => NodeKind::Credits,
            Json::Object(_) if value.get("all").is_some() => NodeKind::All,
            Json::Object(_) if value.get("any").is_some() => NodeKind::Any,
            _ => NodeKind::Other,
        }
    }

    /// The member that holds a group's list.
    pub fn list_key(self) -> Option<&'static str> {
        match self {
            NodeKind::All => Some("all"),
            NodeKind::Any => Some("any"),
            NodeKind::Choose | NodeKind::Credits => Some("from"),
            NodeKind::Credential | NodeKind::Other => None,
        }
    }

    /// A short name for ids and messages.
    pub fn slug(self) -> &'static str {
        match self {
            NodeKind::Credential => "credential",
            NodeKind::All => "all",
            NodeKind::Any => "any",
            NodeKind::Choose => "choose",
            NodeKind::Credits => "credits",
            NodeKind::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<NodeKind> {
        [
            NodeKind::Credential,
            NodeKind::All,
            NodeKind::Any,
            NodeKind::Choose,
            NodeKind::Credits,
        ]
        .into_iter()
        .find(|k| k.slug() == slug)
    }
}

/// The items of a group (empty for a leaf).
pub fn children(value: &Json) -> &[Json] {
    NodeKind::of(value)
        .list_key()
        .and_then(|key| value.get(key))
        .and_then(JsonExt::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Whether every item is a credential id (a `credits` group may hold nothing else).
pub fn only_ids(items: &[Json]) -> bool {
    items.iter().all(JsonExt::is_string)
}

/// `value` as a node of kind `to`: a group keeps its items and label, a credential becomes
/// the only item of the new group. `None` when it cannot (a `credits` group over nested
/// groups, or a group turned back into one credential, which would drop its items).
pub fn convert(value: &Json, to: NodeKind) -> Option<Json> {
    let from = NodeKind::of(value);
    if from == to {
        return Some(value.clone());
    }
    let (items, label) = match value {
        Json::String(_) => (vec![value.clone()], None),
        Json::Object(_) => (children(value).to_vec(), value.get("label").cloned()),
        _ => (Vec::new(), None),
    };
    let mut group: Vec<(String, Json)> = Vec::new();
    match to {
        NodeKind::Credential | NodeKind::Other => {
            return match items.as_slice() {
                [only @ Json::String(_)] if label.is_none() => Some(only.clone()),
                [] if from == NodeKind::Other => Some(Json::String(String::new())),
                _ => None,
            };
        }
        NodeKind::All | NodeKind::Any => {
            group.push((to.slug().to_owned(), Json::Array(items)));
        }
        NodeKind::Choose => {
            let n = value
                .get("choose")
                .and_then(JsonExt::as_u64)
                .unwrap_or(1)
                .clamp(1, items.len().max(1) as u64);
            group.push(("choose".into(), whole(n)));
            group.push(("from".into(), Json::Array(items)));
        }
        NodeKind::Credits => {
            if !only_ids(&items) {
                return None;
            }
            group.push(("credits".into(), whole(1)));
            group.push(("from".into(), Json::Array(items)));
        }
    }
    if let Some(label) = label {
        group.push(("label".into(), label));
    }
    Some(Json::Object(group))
}

/// A new, empty group of `kind`, for "add a group".
pub fn new_group(kind: NodeKind) -> Json {
    let empty = Json::Object(vec![("all".into(), Json::Array(Vec::new()))]);
    convert(&empty, kind).unwrap_or(empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }

    #[test]
    fn kinds_are_read_from_the_value() {
        assert_eq!(NodeKind::of(&json(r#""a""#)), NodeKind::Credential);
        assert_eq!(NodeKind::of(&json(r#"{"all": []}"#)), NodeKind::All);
        assert_eq!(NodeKind::of(&json(r#"{"any": ["a"]}"#)), NodeKind::Any);
        assert_eq!(
            NodeKind::of(&json(r#"{"choose": 2, "from": []}"#)),
            NodeKind::Choose
        );
        assert_eq!(
            NodeKind::of(&json(r#"{"credits": 6, "from": []}"#)),
            NodeKind::Credits
        );
        assert_eq!(NodeKind::of(&json(r#"3"#)), NodeKind::Other);
        assert_eq!(
            children(&json(r#"{"choose": 1, "from": ["a", "b"]}"#)).len(),
            2
        );
    }

    #[test]
    fn changing_a_groups_kind_keeps_its_items_and_label() {
        let all = json(r#"{"all": ["a", {"any": ["b", "c"]}], "label": {"en": "Core"}}"#);
        assert_eq!(
            convert(&all, NodeKind::Any),
            Some(json(
                r#"{"any": ["a", {"any": ["b", "c"]}], "label": {"en": "Core"}}"#
            ))
        );
        assert_eq!(
            convert(&all, NodeKind::Choose),
            Some(json(
                r#"{"choose": 1, "from": ["a", {"any": ["b", "c"]}], "label": {"en": "Core"}}"#
            ))
        );
        assert_eq!(
            convert(&all, NodeKind::Credits),
            None,
            "credits take ids only"
        );
        assert_eq!(
            convert(&json(r#"{"any": ["a", "b"]}"#), NodeKind::Credits),
            Some(json(r#"{"credits": 1, "from": ["a", "b"]}"#))
        );
        assert_eq!(
            convert(
                &json(r#"{"choose": 5, "from": ["a", "b"]}"#),
                NodeKind::Choose
            ),
            Some(json(r#"{"choose": 5, "from": ["a", "b"]}"#)),
            "unchanged"
        );
        assert_eq!(
            convert(&json(r#"{"all": ["a", "b", "c"]}"#), NodeKind::Choose),
            Some(json(r#"{"choose": 1, "from": ["a", "b", "c"]}"#))
        );
    }

    #[test]
    fn a_credential_is_wrapped_in_a_new_group_and_back() {
        assert_eq!(
            convert(&json(r#""a""#), NodeKind::All),
            Some(json(r#"{"all": ["a"]}"#))
        );
        assert_eq!(
            convert(&json(r#"{"all": ["a"]}"#), NodeKind::Credential),
            Some(json(r#""a""#))
        );
        assert_eq!(
            convert(&json(r#"{"all": ["a", "b"]}"#), NodeKind::Credential),
            None
        );
        assert_eq!(
            new_group(NodeKind::Credits),
            json(r#"{"credits": 1, "from": []}"#)
        );
        assert_eq!(
            new_group(NodeKind::Choose),
            json(r#"{"choose": 1, "from": []}"#)
        );
    }
}
