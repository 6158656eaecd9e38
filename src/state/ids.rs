//! Maps and sets keyed by credential id, kept as sorted lists ([`LiteMap`], ICU4X's).
//!
//! A learner's plan names a few dozen credentials at most, so a sorted list answers as fast as a
//! `BTreeMap`; and its code is a fraction of a B-tree's in the widget's first WebAssembly module,
//! where every map type instantiates the whole B-tree again. Measured with `cargo xtask size`:
//! litemap costs the first download 0.4 KiB more than the sorted list this module used to
//! write by hand, once nothing collects into it through its sorting `FromIterator` (which cost
//! 1.2 KiB).

use litemap::LiteMap;

/// A map from credential id to `V`, sorted by id, each id once.
pub type IdMap<V> = LiteMap<String, V>;

/// A set of credential ids, sorted, each once: an [`IdMap`] to nothing, with a set's methods.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdSet(IdMap<()>);

impl IdSet {
    pub fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// Adds `id`; whether it was new.
    pub fn insert(&mut self, id: String) -> bool {
        self.0.insert(id, ()).is_none()
    }

    /// Removes `id`; whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        self.0.remove(id).is_some()
    }

    /// Keeps only the ids for which `keep` says so.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.0.retain(|id, ()| keep(id));
    }

    /// The ids, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Collects ids one insertion at a time (litemap's own collecting sorts, and a sort's code for
/// these few ids would cost more of the first download than it saves).
impl FromIterator<String> for IdSet {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        let mut set = IdSet::default();
        for id in ids {
            set.insert(id);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn an_id_set_is_sorted_with_each_id_once() {
        let mut set: IdSet = ["c", "a", "c", "b"]
            .map(str::to_owned)
            .into_iter()
            .collect();
        assert!(!set.insert("a".into()));
        assert!(set.insert("d".into()));
        assert!(set.remove("b"));
        assert!(!set.remove("b"));
        set.retain(|id| id != "d");
        let expected: BTreeSet<&str> = ["a", "c"].into();
        assert_eq!(
            set.iter().map(String::as_str).collect::<BTreeSet<_>>(),
            expected
        );
        assert_eq!(set.iter().collect::<Vec<_>>(), ["a", "c"]);
        assert!(set.contains("a") && !set.contains("b"));
        assert_eq!(set.len(), 2);
    }
}
