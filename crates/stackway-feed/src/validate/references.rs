//! Resolving references: every id used in `requires`, `prerequisites`, `skills`, `provider`,
//! equivalences and pathways must name something defined in the feed. Dangling references are
//! reported and removed, so the returned feed only points at things that exist.

use crate::diagnostics::Code;
use std::collections::HashMap;

use super::suggest::did_you_mean;
use super::{Ctx, Target};
use crate::feed::{ChooseShortfall, Feed};

/// A set of ids. The map type of the credential index, with the value unused: every other
/// key–value type would add its own copy of the hash table's code to the widget's WebAssembly
/// (docs/benchmarks.md, "Bundle size").
type IdSet<'d> = HashMap<&'d str, usize>;

fn id_set<'d>(ids: impl IntoIterator<Item = &'d str>) -> IdSet<'d> {
    ids.into_iter().map(|id| (id, 0)).collect()
}

pub(crate) fn resolve(ctx: &mut Ctx, feed: &mut Feed) {
    let skills = id_set(ctx.skill_ids.iter().copied());
    let institutions = id_set(
        ctx.institution_ids
            .iter()
            .copied()
            .filter(|id| !id.is_empty()),
    );
    let dropped = id_set(ctx.dropped_credentials.iter().copied());

    let mut bad_credentials = IdSet::new();
    let mut bad_skills = IdSet::new();
    let mut bad_institutions = IdSet::new();
    let mut found = Vec::new();
    for reference in &mut ctx.references {
        let known = match reference.target {
            Target::Credential => {
                reference.resolved = ctx.credential_index.get(reference.id).copied();
                reference.resolved.is_some()
            }
            Target::Skill => skills.contains_key(reference.id),
            Target::Institution => institutions.contains_key(reference.id),
        };
        if known {
            continue;
        }
        let (bad, code, what) = match reference.target {
            Target::Credential => (&mut bad_credentials, Code::UnknownCredential, "credential"),
            Target::Skill => (&mut bad_skills, Code::UnknownSkill, "skill"),
            Target::Institution => (
                &mut bad_institutions,
                Code::UnknownInstitution,
                "institution",
            ),
        };
        bad.insert(reference.id, 0);
        if reference.target == Target::Credential && dropped.contains_key(reference.id) {
            // Already reported where the credential itself is broken.
            continue;
        }
        let hint = match reference.target {
            Target::Credential => did_you_mean(reference.id, ctx.credential_index.keys().copied()),
            Target::Skill => did_you_mean(reference.id, skills.keys().copied()),
            Target::Institution => did_you_mean(reference.id, institutions.keys().copied()),
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

    let is_bad = |id: &str| bad_credentials.contains_key(id);
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
            .retain(|s| !bad_skills.contains_key(s.as_str()));
        if credential
            .provider
            .as_ref()
            .is_some_and(|p| bad_institutions.contains_key(p.as_str()))
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
