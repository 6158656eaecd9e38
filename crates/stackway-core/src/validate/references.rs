//! Resolving references: every id used in `requires`, `prerequisites`, `skills`, `provider`,
//! equivalences and pathways must name something defined in the feed. Dangling references are
//! reported and removed, so the returned feed only points at things that exist.

use std::collections::HashSet;

use super::suggest::did_you_mean;
use super::{Ctx, Target};
use crate::feed::{ChooseShortfall, Feed};

pub(crate) fn resolve(ctx: &mut Ctx, feed: &mut Feed) {
    let skills: HashSet<&str> = ctx.skill_ids.iter().copied().collect();
    let institutions: HashSet<&str> = ctx
        .institution_ids
        .iter()
        .copied()
        .filter(|id| !id.is_empty())
        .collect();
    let dropped: HashSet<&str> = ctx.dropped_credentials.iter().copied().collect();

    let mut bad_credentials = HashSet::new();
    let mut bad_skills = HashSet::new();
    let mut bad_institutions = HashSet::new();
    let mut found = Vec::new();
    for reference in &mut ctx.references {
        let known = match reference.target {
            Target::Credential => {
                reference.resolved = ctx.credential_index.get(reference.id).copied();
                reference.resolved.is_some()
            }
            Target::Skill => skills.contains(reference.id),
            Target::Institution => institutions.contains(reference.id),
        };
        if known {
            continue;
        }
        let (bad, code, what) = match reference.target {
            Target::Credential => (&mut bad_credentials, "unknown-credential", "credential"),
            Target::Skill => (&mut bad_skills, "unknown-skill", "skill"),
            Target::Institution => (&mut bad_institutions, "unknown-institution", "institution"),
        };
        bad.insert(reference.id);
        if reference.target == Target::Credential && dropped.contains(reference.id) {
            // Already reported where the credential itself is broken.
            continue;
        }
        let hint = match reference.target {
            Target::Credential => did_you_mean(reference.id, ctx.credential_index.keys().copied()),
            Target::Skill => did_you_mean(reference.id, skills.iter().copied()),
            Target::Institution => did_you_mean(reference.id, institutions.iter().copied()),
        };
        found.push((
            code,
            reference.at,
            format!(
                "no {what} has the id `{}`{hint}; this reference is ignored",
                reference.id
            ),
        ));
    }
    for (code, at, message) in found {
        ctx.error(code, at, message);
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
        credential
            .skills
            .retain(|s| !bad_skills.contains(s.as_str()));
        if credential
            .provider
            .as_ref()
            .is_some_and(|p| bad_institutions.contains(p.as_str()))
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
