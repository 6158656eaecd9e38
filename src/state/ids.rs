//! Maps and sets keyed by credential id, kept as sorted lists.
//!
//! A learner's plan names a few dozen credentials at most, so a sorted list answers as fast as a
//! `BTreeMap`; and its code is a fraction of a B-tree's in the widget's first WebAssembly module,
//! where every map type instantiates the whole B-tree again.

/// A map from credential id to `V`, sorted by id, each id once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdMap<V>(Vec<(String, V)>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<V> IdMap<V> {
    /// Where `id` is, or where it would go.
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.as_str().cmp(id))
    }

    /// The value of `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        let at = self.find(id).ok()?;
        self.0.get(at).map(|(_, value)| value)
    }

    /// Whether `id` is in the map.
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the value of `id`, returning the one it replaces.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(at) => self
                .0
                .get_mut(at)
                .map(|(_, old)| std::mem::replace(old, value)),
            Err(at) => {
                self.0.insert(at, (id, value));
                None
            }
        }
    }

    /// Removes `id`, returning its value.
    pub fn remove(&mut self, id: &str) -> Option<V> {
        let at = self.find(id).ok()?;
        Some(self.0.remove(at).1)
    }

    /// The value of `id`, first set to `make()` if `id` is not in the map.
    pub fn get_or_insert_with(&mut self, id: String, make: impl FnOnce() -> V) -> &mut V {
        let at = match self.find(&id) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (id, make()));
                at
            }
        };
        &mut self.0[at].1
    }

    /// Keeps only the entries for which `keep` says so.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &mut V) -> bool) {
        self.0.retain_mut(|(id, value)| keep(id, value));
    }

    /// The entries, sorted by id.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(id, value)| (id, value))
    }

    /// The values, in id order, to change.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, value)| value)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Collects entries; for an id given twice the last value wins, as with a `BTreeMap`.
impl<V> FromIterator<(String, V)> for IdMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut map = IdMap::default();
        for (id, value) in entries {
            map.insert(id, value);
        }
        map
    }
}

/// A set of credential ids, sorted, each once.
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
        self.0.iter().map(|(id, ())| id)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<String> for IdSet {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        IdSet(ids.into_iter().map(|id| (id, ())).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// The same operations on an `IdMap` and a `BTreeMap` give the same map at every step.
    #[test]
    fn an_id_map_behaves_as_a_btree_map() {
        let ids = ["b", "a", "d", "c", "a", "e", "b"];
        let mut ours = IdMap::default();
        let mut theirs = BTreeMap::new();
        for (step, id) in ids.iter().cycle().take(40).enumerate() {
            let id = id.to_string();
            match step % 5 {
                0 | 1 => assert_eq!(ours.insert(id.clone(), step), theirs.insert(id, step)),
                2 => assert_eq!(ours.remove(&id), theirs.remove(&id)),
                3 => {
                    *ours.get_or_insert_with(id.clone(), || 100) += 1;
                    *theirs.entry(id).or_insert(100) += 1;
                }
                _ => {
                    ours.retain(|id, value| id != "c" && *value % 3 != 0);
                    theirs.retain(|id: &String, value| id != "c" && *value % 3 != 0);
                }
            }
            let listed: Vec<(String, usize)> =
                ours.iter().map(|(id, v)| (id.clone(), *v)).collect();
            let expected: Vec<(String, usize)> = theirs.clone().into_iter().collect();
            assert_eq!(listed, expected, "after step {step}");
            assert_eq!(ours.len(), theirs.len());
            for id in ["a", "b", "c", "d", "e", "z"] {
                assert_eq!(ours.get(id), theirs.get(id), "{id} after step {step}");
                assert_eq!(ours.contains_key(id), theirs.contains_key(id));
            }
        }
        let collected: IdMap<u8> = [("x".to_owned(), 1), ("w".into(), 2), ("x".into(), 3)]
            .into_iter()
            .collect();
        let listed: Vec<(&String, &u8)> = collected.iter().collect();
        assert_eq!(listed, [(&"w".to_owned(), &2), (&"x".to_owned(), &3)]);
    }

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
