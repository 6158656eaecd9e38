//! Resolving references: every id used in `requires`, `prerequisites`, `skills`, `provider`,
//! equivalences and pathways must name something defined in the feed. Dangling references are
//! reported and removed, so the returned feed only points at things that exist.

use std::collections::HashSet;

use super::suggest::did_you_mean;
use super::{Ctx, Target};
use crate::feed::{ChooseShortfall, Feed, Requirement};

pub(crate) fn resolve(ctx: &mut Ctx, feed: &mut Feed) {
    let credentials: HashSet<String> = feed.credentials.iter().map(|c| c.id.clone()).collect();
    let skills: HashSet<String> = feed.skills.iter().map(|s| s.id.clone()).collect();
    let institutions: HashSet<String> = std::iter::once(&feed.provider)
        .chain(&feed.institutions)
        .map(|i| i.id.clone())
        .filter(|id| !id.is_empty())
        .collect();
    let dropped: HashSet<&str> = ctx.dropped_credentials.iter().map(String::as_str).collect();

    let mut bad_credentials = HashSet::new();
    let mut bad_skills = HashSet::new();
    let mut bad_institutions = HashSet::new();
    let mut found = Vec::new();
    for reference in &ctx.references {
        let (known, bad, code, what) = match reference.target {
            Target::Credential => (
                &credentials,
                &mut bad_credentials,
                "unknown-credential",
                "credential",
            ),
            Target::Skill => (&skills, &mut bad_skills, "unknown-skill", "skill"),
            Target::Institution => (
                &institutions,
                &mut bad_institutions,
                "unknown-institution",
                "institution",
            ),
        };
        if known.contains(&reference.id) {
            continue;
        }
        bad.insert(reference.id.clone());
        if reference.target == Target::Credential && dropped.contains(reference.id.as_str()) {
            // Already reported where the credential itself is broken.
            continue;
        }
        let hint = did_you_mean(&reference.id, known.iter().map(String::as_str));
        found.push((
            code,
            reference.at.clone(),
            format!(
                "no {what} has the id `{}`{hint}; this reference is ignored",
                reference.id
            ),
        ));
    }
    for (code, at, message) in found {
        ctx.error(code, &at.pointer, at.pos, message);
    }
    if bad_credentials.is_empty() && bad_skills.is_empty() && bad_institutions.is_empty() {
        return;
    }

    let is_bad = |id: &str| bad_credentials.contains(id);
    for credential in &mut feed.credentials {
        credential.requires = credential
            .requires
            .take()
            .and_then(|r| r.prune_leaves(&is_bad, ChooseShortfall::Keep));
        credential.prerequisites = credential
            .prerequisites
            .take()
            .and_then(|r| r.prune_leaves(&is_bad, ChooseShortfall::Keep));
        credential.skills.retain(|s| !bad_skills.contains(s));
        if credential
            .provider
            .as_ref()
            .is_some_and(|p| bad_institutions.contains(p))
        {
            credential.provider = None;
        }
    }
    feed.equivalences.retain_mut(|e| {
        e.holding.retain(|id| !is_bad(id));
        let toward_ok = match &mut e.toward {
            Some(toward) => {
                toward.retain(|id| !is_bad(id));
                // An emptied `toward` must not silently widen the rule to "everywhere".
                !toward.is_empty()
            }
            None => true,
        };
        toward_ok && !e.holding.is_empty() && !is_bad(&e.counts_as)
    });
    feed.pathways.retain_mut(|p| {
        p.steps.retain(|id| !is_bad(id));
        !is_bad(&p.goal)
    });
}

/// Removes every leaf whose id satisfies `remove`; groups left empty disappear, `choose` counts
/// stay as written. Kept for `cycles.rs`; the logic is [`Requirement::prune_leaves`].
pub(crate) fn prune(
    requirement: Requirement,
    remove: &dyn Fn(&str) -> bool,
) -> Option<Requirement> {
    requirement.prune_leaves(remove, ChooseShortfall::Keep)
}
