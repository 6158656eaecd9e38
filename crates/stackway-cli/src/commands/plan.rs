//! `stackway plan`: the optimal route (credentials to add) to a goal, and what each of its
//! steps unlocks (`plan::step_unlocks`, the answer the widget's "My plan" view shows).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use stackway_core::messages::format_number;
use stackway_core::plan::{
    best_route, step_unlocks, Infeasibility, Objective, Route, RouteStep, Totals, Unlocks,
};
use stackway_core::Catalog;

use super::progress::{build_record, check_id, load_catalog, title, Failure, Format, RecordArgs};

/// Arguments of `stackway plan`.
#[derive(clap::Args)]
pub struct Args {
    /// The feed (a JSON file; `-` reads standard input).
    pub feed: PathBuf,
    #[command(flatten)]
    pub record: RecordArgs,
    /// The credential to reach.
    #[arg(long)]
    pub goal: String,
    /// What to minimise over the added credentials.
    #[arg(long, default_value = "cost", value_parser = objective_parser())]
    pub minimize: Objective,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// `--minimize`: the planner's own objectives (`stackway_core::plan::Objective`), by name.
fn objective_parser() -> impl clap::builder::TypedValueParser<Value = Objective> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Objective::ALL.map(Objective::as_str))
        // Only the names above get here, and each parses.
        .map(|name| Objective::parse(&name).unwrap_or(Objective::Cost))
}

pub fn run(args: Args) -> ExitCode {
    match run_inner(&args) {
        Ok(code) | Err(Failure(code)) => code,
    }
}

fn run_inner(args: &Args) -> Result<ExitCode, Failure> {
    let cat = load_catalog(&args.feed, args.format)?;
    check_id(&cat, &args.goal, "--goal")?;
    let record = build_record(&cat, &args.record)?;
    let route = best_route(&cat, &record, &args.goal, args.minimize).map_err(|e| {
        eprintln!("error: {e}");
        Failure(ExitCode::from(2))
    })?;
    let unlocks = step_unlocks(&cat, &record, &route);
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&route_json(&route, &unlocks)).unwrap_or_default()
        ),
        Format::Human => print_human(&cat, &route, &unlocks),
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON contract of `stackway plan`: the core's `Route`, field for field and in its order,
/// with each step's `unlocks` (`completes`, `opens`) after the step's own fields.
#[derive(Serialize)]
struct RouteJson<'a> {
    goal: &'a str,
    objective: Objective,
    feasible: bool,
    already_met: bool,
    optimal: bool,
    add: &'a [String],
    steps: Vec<StepJson<'a>>,
    total: Totals,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'a str>,
    unknown: &'a [String],
    unknown_by_field: &'a BTreeMap<&'static str, Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    infeasible: Option<&'a Infeasibility>,
    explored: u64,
}

#[derive(Serialize)]
struct StepJson<'a> {
    #[serde(flatten)]
    step: &'a RouteStep,
    unlocks: &'a Unlocks,
}

fn route_json<'a>(route: &'a Route, unlocks: &'a [Unlocks]) -> RouteJson<'a> {
    // Every field named, so that a field added to `Route` fails to compile here rather than
    // going missing from the output.
    let Route {
        goal,
        objective,
        feasible,
        already_met,
        optimal,
        add,
        steps,
        total,
        currency,
        unknown,
        unknown_by_field,
        infeasible,
        explored,
    } = route;
    const NOTHING: &Unlocks = &Unlocks {
        completes: Vec::new(),
        opens: Vec::new(),
    };
    RouteJson {
        goal,
        objective: *objective,
        feasible: *feasible,
        already_met: *already_met,
        optimal: *optimal,
        add,
        steps: steps
            .iter()
            .enumerate()
            .map(|(i, step)| StepJson {
                step,
                unlocks: unlocks.get(i).unwrap_or(NOTHING),
            })
            .collect(),
        total: *total,
        currency: currency.as_deref(),
        unknown,
        unknown_by_field,
        infeasible: infeasible.as_ref(),
        explored: *explored,
    }
}

/// `id (title), id (title)`: the ids the feed uses, with the titles a learner sees.
fn named(cat: &Catalog, ids: &[String]) -> String {
    ids.iter()
        .map(|id| match title(cat, id) {
            t if t.is_empty() => id.clone(),
            t => format!("{id} ({t})"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn money(amount: f64, currency: Option<&str>) -> String {
    match currency {
        Some(c) => format!("{c} {}", format_number(amount)),
        None => format_number(amount),
    }
}

fn print_human(cat: &Catalog, route: &Route, unlocks: &[Unlocks]) {
    let goal_title = title(cat, &route.goal);
    println!(
        "Route to {} ({goal_title}), minimising {}",
        route.goal,
        route.objective.as_str()
    );
    if !route.feasible {
        let why = route
            .infeasible
            .as_ref()
            .map(|i| i.reason.english())
            .unwrap_or_default();
        println!("\nNo route exists: {why}.");
        return;
    }
    if route.already_met {
        println!("\nThe goal is already met: nothing to add.");
        return;
    }
    println!();
    let idw = route
        .add
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 32);
    for (i, s) in route.steps.iter().enumerate() {
        let mut parts = Vec::new();
        parts.push(match s.cost {
            Some(c) => money(c, s.currency.as_deref()),
            None => "cost ?".into(),
        });
        parts.push(match s.hours {
            Some(h) => format!("{} h", format_number(h)),
            None => "? h".into(),
        });
        parts.push(match s.credits {
            Some(c) => format!("{} {}", format_number(c), plural(c, "credit", "credits")),
            None => "? credits".into(),
        });
        parts.push(match s.weeks {
            Some(w) => format!("{} {}", format_number(w), plural(w, "week", "weeks")),
            None => "? weeks".into(),
        });
        let mut why = Vec::new();
        if !s.fills.is_empty() && s.fills.iter().any(|f| f != &s.credential) {
            why.push(format!("stands in for {}", s.fills.join(", ")));
        }
        if !s.prerequisite_for.is_empty() {
            why.push(format!(
                "prerequisite for {}",
                s.prerequisite_for.join(", ")
            ));
        }
        let why = if why.is_empty() {
            String::new()
        } else {
            format!("  ({})", why.join("; "))
        };
        println!(
            "{:>3}. {:<idw$}  {:<30}  {}{why}",
            i + 1,
            s.credential,
            title(cat, &s.credential),
            parts.join(" · ")
        );
        // Under the step, in the widget's words: what it completes, then what it opens.
        if let Some(u) = unlocks.get(i) {
            if !u.completes.is_empty() {
                println!("       Completes: {}", named(cat, &u.completes));
            }
            if !u.opens.is_empty() {
                println!("       Lets you start: {}", named(cat, &u.opens));
            }
        }
    }
    let t = route.total;
    println!(
        "\nTotal: {} · {} h · {} {} · {} {} ({} {})",
        money(t.cost, route.currency.as_deref()),
        format_number(t.hours),
        format_number(t.credits),
        plural(t.credits, "credit", "credits"),
        format_number(t.weeks),
        plural(t.weeks, "week", "weeks"),
        route.add.len(),
        plural(route.add.len() as f64, "credential", "credentials")
    );
    for (field, ids) in &route.unknown_by_field {
        println!("Unknown {field} (counted as 0): {}", ids.join(", "));
    }
    if !route.optimal {
        println!("Note: the search stopped at its limit; this route may not be the cheapest.");
    }
}

/// The English word for `n` of something: singular for exactly one ("1 credit", "1 week"),
/// plural otherwise ("0 credits", "1.5 credits").
fn plural(n: f64, one: &'static str, other: &'static str) -> &'static str {
    if n == 1.0 {
        one
    } else {
        other
    }
}
