//! Reading credentials and their requirement trees.

use super::fields::{self, object, optional, Obj};
use super::suggest::did_you_mean;
use super::{CredentialSite, CreditsGroup, Ctx, Reference, Target};
use crate::feed::{Badge, Cost, Credential, Delivery, Employer, Kind, Requirement, Text};
use crate::json::{Node, Value};
use crate::validate::values::is_currency_code;

pub(crate) const CREDENTIAL_KEYS: &[&str] = &[
    "id",
    "kind",
    "title",
    "summary",
    "url",
    "provider",
    "hours",
    "credits",
    "weeks",
    "cost",
    "delivery",
    "level",
    "tags",
    "skills",
    "outcomes",
    "assessment",
    "employers",
    "badge",
    "requires",
    "prerequisites",
    "valid_years",
];

/// Upper bounds that catch unit mistakes (minutes typed as hours, cents as dollars).
const MAX_HOURS: f64 = 100_000.0;
const MAX_CREDITS: f64 = 10_000.0;
const MAX_WEEKS: f64 = 1_000.0;
const MAX_YEARS: f64 = 100.0;
const MAX_AMOUNT: f64 = 1_000_000_000.0;

/// Reads one credential, returning it with its id and where it is. Returns `None` (and
/// remembers the id) when it cannot be used: no id or a kind the format does not know.
pub(crate) fn read_credential<'d>(
    ctx: &mut Ctx<'d>,
    node: Node<'d>,
) -> Option<(Credential, &'d str, CredentialSite<'d>)> {
    let obj = object(ctx, node, "a credential", CREDENTIAL_KEYS)?;
    let id = obj
        .required(ctx, "id", "a credential")
        .and_then(|n| fields::id(ctx, n, "the credential id"));
    let kind = obj.required(ctx, "kind", "a credential").and_then(|n| {
        let s = fields::string(ctx, n, "`kind`")?;
        let kind = Kind::parse(s);
        if kind.is_none() {
            let hint = did_you_mean(s, Kind::ALL.iter().map(|k| k.as_str()));
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            ctx.error(
                "unknown-kind",
                n,
                format!(
                    "unknown kind `{}`{hint}; expected one of {}",
                    fields::shorten(s),
                    known.join(", ")
                ),
            );
        }
        kind
    });
    let title = obj
        .required(ctx, "title", "a credential")
        .and_then(|n| fields::text(ctx, n, "the title"));
    let (Some(id), Some(kind)) = (id, kind) else {
        if let Some(id) = obj.get("id").and_then(Node::as_str) {
            ctx.dropped_credentials.push(id);
        }
        return None;
    };
    // A credential without a usable title is still worth showing: fall back to its id.
    let title = title.unwrap_or_else(|| Text::Plain(id.to_owned()));
    let mut credential = Credential::new(id, kind, "");
    credential.title = title;
    credential.summary = optional(ctx, &obj, "summary", |c, n| {
        fields::text(c, n, "the summary")
    });
    credential.url = optional(ctx, &obj, "url", |c, n| fields::url(c, n, "`url`"));
    credential.provider = optional(ctx, &obj, "provider", |c, n| {
        let id = fields::id(c, n, "`provider`")?;
        c.references
            .push(Reference::new(Target::Institution, id, n));
        Some(id.to_owned())
    });
    credential.hours = optional(ctx, &obj, "hours", |c, n| {
        fields::number(c, n, "`hours`", 0.0, false, MAX_HOURS)
    });
    credential.credits = optional(ctx, &obj, "credits", |c, n| {
        fields::number(c, n, "`credits`", 0.0, false, MAX_CREDITS)
    });
    credential.weeks = optional(ctx, &obj, "weeks", |c, n| {
        fields::number(c, n, "`weeks`", 0.0, false, MAX_WEEKS)
    });
    credential.valid_years = optional(ctx, &obj, "valid_years", |c, n| {
        fields::number(c, n, "`valid_years`", 0.0, true, MAX_YEARS)
    });
    credential.cost = optional(ctx, &obj, "cost", read_cost);
    credential.delivery = optional(ctx, &obj, "delivery", read_delivery).unwrap_or_default();
    credential.level = optional(ctx, &obj, "level", |c, n| fields::text(c, n, "`level`"));
    credential.tags = optional(ctx, &obj, "tags", |c, n| {
        let items = fields::array(c, n, "`tags`", false)?;
        Some(
            items
                .filter_map(|item| fields::string(c, item, "a tag").map(str::to_owned))
                .collect(),
        )
    })
    .unwrap_or_default();
    credential.skills = optional(ctx, &obj, "skills", |c, n| {
        fields::reference_list(c, n, "`skills`", false, Target::Skill)
    })
    .unwrap_or_default();
    credential.outcomes = optional(ctx, &obj, "outcomes", |c, n| {
        let items = fields::array(c, n, "`outcomes`", false)?;
        Some(
            items
                .filter_map(|item| fields::text(c, item, "a learning outcome"))
                .collect(),
        )
    })
    .unwrap_or_default();
    credential.assessment = optional(ctx, &obj, "assessment", |c, n| {
        fields::text(c, n, "`assessment`")
    });
    credential.employers = optional(ctx, &obj, "employers", read_employers).unwrap_or_default();
    credential.badge = optional(ctx, &obj, "badge", read_badge);

    let mut site = CredentialSite {
        at: node,
        requires: None,
        prerequisites: None,
        requires_refs: (0, 0),
        prerequisites_refs: (0, 0),
    };
    if let Some(n) = obj.get("requires") {
        site.requires = Some(n);
        let start = ctx.references.len();
        credential.requires = read_requirement(ctx, n);
        site.requires_refs = (start, ctx.references.len());
    }
    if let Some(n) = obj.get("prerequisites") {
        site.prerequisites = Some(n);
        let start = ctx.references.len();
        credential.prerequisites = read_requirement(ctx, n);
        site.prerequisites_refs = (start, ctx.references.len());
    }
    Some((credential, id, site))
}

fn read_cost(ctx: &mut Ctx, node: Node) -> Option<Cost> {
    let obj = object(ctx, node, "`cost`", &["amount", "currency"])?;
    let amount = obj
        .required(ctx, "amount", "`cost`")
        .and_then(|n| fields::number(ctx, n, "the amount", 0.0, false, MAX_AMOUNT));
    let currency = obj.required(ctx, "currency", "`cost`").and_then(|n| {
        let code = fields::string(ctx, n, "the currency")?;
        if is_currency_code(code) {
            Some(code.to_owned())
        } else {
            let upper = code.to_ascii_uppercase();
            let hint = if is_currency_code(&upper) {
                format!(" (did you mean `{upper}`?)")
            } else {
                String::new()
            };
            ctx.error(
                "invalid-currency",
                n,
                format!(
                    "`{}` is not an active ISO 4217 currency code{hint}",
                    fields::shorten(code)
                ),
            );
            None
        }
    });
    Some(Cost {
        amount: amount?,
        currency: currency?,
    })
}

fn read_delivery(ctx: &mut Ctx, node: Node) -> Option<Vec<Delivery>> {
    let items = fields::array(ctx, node, "`delivery`", false)?;
    let mut out = Vec::new();
    for item in items {
        let Some(s) = fields::string(ctx, item, "a delivery mode") else {
            continue;
        };
        match Delivery::parse(s) {
            Some(d) if !out.contains(&d) => out.push(d),
            Some(_) => {}
            None => {
                let hint = did_you_mean(s, Delivery::ALL.iter().map(|d| d.as_str()));
                ctx.error(
                    "unknown-delivery",
                    item,
                    format!(
                        "unknown delivery mode `{}`{hint}; expected online, in-person or hybrid",
                        fields::shorten(s)
                    ),
                );
            }
        }
    }
    Some(out)
}

fn read_employers(ctx: &mut Ctx, node: Node) -> Option<Vec<Employer>> {
    let items = fields::array(ctx, node, "`employers`", false)?;
    Some(
        items
            .filter_map(|item| {
                let obj = object(ctx, item, "an employer", &["name", "url"])?;
                let name = obj
                    .required(ctx, "name", "an employer")
                    .and_then(|n| fields::text(ctx, n, "the employer's name"));
                let url = optional(ctx, &obj, "url", |c, n| fields::url(c, n, "`url`"));
                Some(Employer { name: name?, url })
            })
            .collect(),
    )
}

fn read_badge(ctx: &mut Ctx, node: Node) -> Option<Badge> {
    let obj = object(ctx, node, "`badge`", &["achievement", "image"])?;
    let achievement = obj
        .required(ctx, "achievement", "`badge`")
        .and_then(|n| fields::url(ctx, n, "`achievement`"));
    let image = optional(ctx, &obj, "image", |c, n| fields::url(c, n, "`image`"));
    Some(Badge {
        achievement: achievement?,
        image,
    })
}

/// Reads a requirement tree. Invalid branches are dropped; a group left with no child is dropped.
/// References read inside a dropped branch are still resolved (and reported when dangling) but
/// marked as not in the tree, so that the cycle check sees exactly the typed tree's leaves.
pub(crate) fn read_requirement<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Requirement> {
    let start = ctx.references.len();
    let requirement = read_requirement_node(ctx, node);
    if requirement.is_none() {
        for reference in ctx.references.get_mut(start..).unwrap_or_default() {
            reference.in_tree = false;
        }
    }
    requirement
}

fn read_requirement_node<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Requirement> {
    match node.value() {
        Value::String(_) => {
            let id = fields::id(ctx, node, "a credential id")?;
            ctx.references
                .push(Reference::new(Target::Credential, id, node));
            Some(Requirement::Credential(id.to_owned()))
        }
        Value::Object(members) => {
            // The group forms present, in document order (at most two are kept: enough to
            // name the clash).
            let mut forms: [&str; 2] = [""; 2];
            let mut count = 0usize;
            let mut names: Vec<&str> = Vec::new();
            for m in members {
                if matches!(m.key, "all" | "any" | "choose" | "credits") {
                    if let Some(slot) = forms.get_mut(count) {
                        *slot = m.key;
                    }
                    count += 1;
                    if count > 1 {
                        if names.is_empty() {
                            names.extend(forms.iter().take(1));
                        }
                        names.push(m.key);
                    }
                }
            }
            match (count, forms[0]) {
                (1, "all") => {
                    let obj = object(ctx, node, "an `all` group", &["all", "label"])?;
                    let children = read_children(ctx, &obj, "all")?;
                    Some(Requirement::All {
                        all: children,
                        label: read_label(ctx, &obj),
                    })
                }
                (1, "any") => {
                    let obj = object(ctx, node, "an `any` group", &["any", "label"])?;
                    let children = read_children(ctx, &obj, "any")?;
                    Some(Requirement::Any {
                        any: children,
                        label: read_label(ctx, &obj),
                    })
                }
                (1, "choose") => read_choose(ctx, node),
                (1, _) => read_credits(ctx, node),
                _ => {
                    let message = if count == 0 {
                        "a requirement group needs one of `all`, `any`, `choose` or `credits`"
                            .to_owned()
                    } else {
                        format!(
                            "a requirement group has exactly one of `all`, `any`, `choose` or `credits`, found {}",
                            names.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(" and ")
                        )
                    };
                    ctx.error("invalid-requirement", node, message);
                    None
                }
            }
        }
        _ => {
            fields::wrong_type(
                ctx,
                node,
                "a requirement must be a credential id or a group object",
            );
            None
        }
    }
}

fn read_label(ctx: &mut Ctx, obj: &Obj) -> Option<Text> {
    optional(ctx, obj, "label", |c, n| {
        fields::text(c, n, "the group label")
    })
}

fn read_children<'d>(
    ctx: &mut Ctx<'d>,
    obj: &Obj<'d>,
    key: &'static str,
) -> Option<Vec<Requirement>> {
    let node = obj.get(key)?;
    let what = match key {
        "all" => "`all`",
        "any" => "`any`",
        _ => "`from`",
    };
    let items = fields::array(ctx, node, what, true)?;
    let children: Vec<Requirement> = items
        .filter_map(|item| read_requirement(ctx, item))
        .collect();
    (!children.is_empty()).then_some(children)
}

fn read_choose<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Requirement> {
    let obj = object(ctx, node, "a `choose` group", &["choose", "from", "label"])?;
    let n_node = obj.get("choose")?;
    let n = fields::number(ctx, n_node, "`choose`", 1.0, false, u32::MAX as f64).and_then(|n| {
        if n.fract() != 0.0 {
            ctx.error(
                "number-out-of-range",
                n_node,
                format!(
                    "`choose` must be a whole number, found {}",
                    n_node.number_text().unwrap_or_default()
                ),
            );
            None
        } else {
            Some(n as u32)
        }
    });
    obj.required(ctx, "from", "a `choose` group")?;
    let from_len = match obj.get("from").map(Node::value) {
        Some(Value::Array(items)) => items.count(),
        _ => 0,
    };
    let children = read_children(ctx, &obj, "from");
    let label = read_label(ctx, &obj);
    let n = n?;
    if from_len > 0 && n as usize > from_len {
        ctx.error(
            "choose-too-large",
            n_node,
            format!("`choose` asks for {n} items but its list has only {from_len}: it can never be completed"),
        );
    }
    Some(Requirement::Choose {
        choose: n,
        from: children?,
        label,
    })
}

fn read_credits<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Requirement> {
    let obj = object(
        ctx,
        node,
        "a `credits` group",
        &["credits", "from", "label"],
    )?;
    let credits_node = obj.get("credits");
    let credits =
        credits_node.and_then(|n| fields::number(ctx, n, "`credits`", 0.0, true, MAX_CREDITS));
    let from_node = obj.required(ctx, "from", "a `credits` group")?;
    let items = fields::array(ctx, from_node, "`from`", true)?;
    let mut from = Vec::new();
    let refs_start = ctx.references.len();
    for item in items {
        if let Value::Object(_) | Value::Array(_) = item.value() {
            ctx.error(
                "nested-group-in-credits",
                item,
                "a `credits` group lists credential ids only; nested groups are not allowed here (wrap the credits group in an `all` instead)",
            );
            continue;
        }
        if let Some(id) = fields::id(ctx, item, "a credential id") {
            ctx.references
                .push(Reference::new(Target::Credential, id, item));
            from.push(id.to_owned());
        }
    }
    let label = read_label(ctx, &obj);
    let credits = credits?;
    if from.is_empty() {
        return None;
    }
    ctx.credits_groups.push(CreditsGroup {
        credits,
        from: (refs_start, ctx.references.len()),
        at: credits_node.unwrap_or(node),
    });
    Some(Requirement::Credits {
        credits,
        from,
        label,
    })
}
