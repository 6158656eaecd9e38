//! Requirement trees as the editor changes them: what kind of node a value is, and the value
//! a node becomes when its kind changes. Pure functions over JSON, so that they are tested
//! natively; `components/requirement_node.rs` draws them.

use serde_json::{json, Map, Value};

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

    pub fn of(value: &Value) -> NodeKind {
        match value {
            Value::String(_) => NodeKind::Credential,
            Value::Object(map) if map.contains_key("choose") => NodeKind::Choose,
            Value::Object(map) if map.contains_key("credits") => NodeKind::Credits,
            Value::Object(map) if map.contains_key("all") => NodeKind::All,
            Value::Object(map) if map.contains_key("any") => NodeKind::Any,
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
pub fn children(value: &Value) -> &[Value] {
    NodeKind::of(value)
        .list_key()
        .and_then(|key| value.get(key))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Whether every item is a credential id (a `credits` group may hold nothing else).
pub fn only_ids(items: &[Value]) -> bool {
    items.iter().all(Value::is_string)
}

/// `value` as a node of kind `to`: a group keeps its items and label, a credential becomes
/// the only item of the new group. `None` when it cannot (a `credits` group over nested
/// groups, or a group turned back into one credential, which would drop its items).
pub fn convert(value: &Value, to: NodeKind) -> Option<Value> {
    let from = NodeKind::of(value);
    if from == to {
        return Some(value.clone());
    }
    let (items, label) = match value {
        Value::String(_) => (vec![value.clone()], None),
        Value::Object(map) => (children(value).to_vec(), map.get("label").cloned()),
        _ => (Vec::new(), None),
    };
    let mut group = Map::new();
    match to {
        NodeKind::Credential | NodeKind::Other => {
            return match items.as_slice() {
                [only @ Value::String(_)] if label.is_none() => Some(only.clone()),
                [] if from == NodeKind::Other => Some(Value::String(String::new())),
                _ => None,
            };
        }
        NodeKind::All | NodeKind::Any => {
            group.insert(to.slug().to_owned(), Value::Array(items));
        }
        NodeKind::Choose => {
            let n = value
                .get("choose")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                .clamp(1, items.len().max(1) as u64);
            group.insert("choose".into(), json!(n));
            group.insert("from".into(), Value::Array(items));
        }
        NodeKind::Credits => {
            if !only_ids(&items) {
                return None;
            }
            group.insert("credits".into(), json!(1));
            group.insert("from".into(), Value::Array(items));
        }
    }
    if let Some(label) = label {
        group.insert("label".into(), label);
    }
    Some(Value::Object(group))
}

/// A new, empty group of `kind`, for "add a group".
pub fn new_group(kind: NodeKind) -> Value {
    convert(&json!({"all": []}), kind).unwrap_or_else(|| json!({"all": []}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_from_the_value() {
        assert_eq!(NodeKind::of(&json!("a")), NodeKind::Credential);
        assert_eq!(NodeKind::of(&json!({"all": []})), NodeKind::All);
        assert_eq!(NodeKind::of(&json!({"any": ["a"]})), NodeKind::Any);
        assert_eq!(
            NodeKind::of(&json!({"choose": 2, "from": []})),
            NodeKind::Choose
        );
        assert_eq!(
            NodeKind::of(&json!({"credits": 6, "from": []})),
            NodeKind::Credits
        );
        assert_eq!(NodeKind::of(&json!(3)), NodeKind::Other);
        assert_eq!(children(&json!({"choose": 1, "from": ["a", "b"]})).len(), 2);
    }

    #[test]
    fn changing_a_groups_kind_keeps_its_items_and_label() {
        let all = json!({"all": ["a", {"any": ["b", "c"]}], "label": {"en": "Core"}});
        assert_eq!(
            convert(&all, NodeKind::Any),
            Some(json!({"any": ["a", {"any": ["b", "c"]}], "label": {"en": "Core"}}))
        );
        assert_eq!(
            convert(&all, NodeKind::Choose),
            Some(json!({"choose": 1, "from": ["a", {"any": ["b", "c"]}], "label": {"en": "Core"}}))
        );
        assert_eq!(
            convert(&all, NodeKind::Credits),
            None,
            "credits take ids only"
        );
        assert_eq!(
            convert(&json!({"any": ["a", "b"]}), NodeKind::Credits),
            Some(json!({"credits": 1, "from": ["a", "b"]}))
        );
        assert_eq!(
            convert(&json!({"choose": 5, "from": ["a", "b"]}), NodeKind::Choose),
            Some(json!({"choose": 5, "from": ["a", "b"]})),
            "unchanged"
        );
        assert_eq!(
            convert(&json!({"all": ["a", "b", "c"]}), NodeKind::Choose),
            Some(json!({"choose": 1, "from": ["a", "b", "c"]}))
        );
    }

    #[test]
    fn a_credential_is_wrapped_in_a_new_group_and_back() {
        assert_eq!(
            convert(&json!("a"), NodeKind::All),
            Some(json!({"all": ["a"]}))
        );
        assert_eq!(
            convert(&json!({"all": ["a"]}), NodeKind::Credential),
            Some(json!("a"))
        );
        assert_eq!(
            convert(&json!({"all": ["a", "b"]}), NodeKind::Credential),
            None
        );
        assert_eq!(
            new_group(NodeKind::Credits),
            json!({"credits": 1, "from": []})
        );
        assert_eq!(
            new_group(NodeKind::Choose),
            json!({"choose": 1, "from": []})
        );
    }
}
