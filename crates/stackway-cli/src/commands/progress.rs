//! `stackway progress`: a learner's progress toward one goal or every stackable credential.
//!
//! Also home of the helpers shared with `stackway plan`: reading the feed, parsing `--have`,
//! resolving ids with a "did you mean" suggestion, and today's date.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{json, Value};
use stackway_core::engine::{self, Progress, Status};
use stackway_core::{parse_feed, Catalog, Date, Record, Severity};

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A short table for people.
    Human,
    /// The stable JSON contract.
    Json,
}

/// A learner's record on the command line, the same for `stackway progress` and `stackway plan`.
#[derive(clap::Args)]
pub struct RecordArgs {
    /// Credentials held, comma-separated, each optionally with the date earned: `ID[@YYYY-MM-DD]`.
    #[arg(long, value_delimiter = ',')]
    pub have: Vec<String>,
    /// Credentials planned (what-if), comma-separated: treated as held, without a date.
    #[arg(long, value_delimiter = ',')]
    pub planned: Vec<String>,
    /// Evaluation date, `YYYY-MM-DD` (default: today, UTC).
    #[arg(long)]
    pub as_of: Option<String>,
}

/// Arguments of `stackway progress`.
#[derive(clap::Args)]
pub struct Args {
    /// The feed (a JSON file; `-` reads standard input).
    pub feed: PathBuf,
    #[command(flatten)]
    pub record: RecordArgs,
    /// Only this goal (default: every stackable credential).
    #[arg(long)]
    pub goal: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// A failure that ends the command with an exit code after printing its message.
pub struct Failure(pub ExitCode);

/// Today's date (UTC) from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_days((secs / 86_400) as i64)
}

/// Reads and parses the feed; prints the diagnostics and fails (exit 1) when it has errors,
/// or fails with exit 2 when it cannot be read.
pub fn load_catalog(path: &PathBuf, format: Format) -> Result<Catalog, Failure> {
    let text = if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
    } else {
        std::fs::read_to_string(path)
    };
    let text = text.map_err(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        Failure(ExitCode::from(2))
    })?;
    let parsed = parse_feed(&text);
    match parsed.feed {
        Some(feed) if !parsed.has_errors() => Ok(Catalog::from_feed(feed)),
        _ => {
            if format == Format::Json {
                println!(
                    "{}",
                    json!({"ok": false, "diagnostics": parsed.diagnostics})
                );
            } else {
                eprintln!("error: {} is not a valid feed:", path.display());
            }
            for d in &parsed.diagnostics {
                let sev = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                let at = match (d.line, d.column) {
                    (Some(l), Some(c)) => format!("{}:{l}:{c}", path.display()),
                    _ => path.display().to_string(),
                };
                eprintln!("{at}: {sev}[{}]: {}", d.code, d.message);
            }
            Err(Failure(ExitCode::from(1)))
        }
    }
}

/// Resolves a credential id or fails naming the closest known id.
pub fn check_id(cat: &Catalog, id: &str, what: &str) -> Result<(), Failure> {
    if cat.index_of(id).is_some() {
        return Ok(());
    }
    match cat.closest_id(id) {
        Some(c) => eprintln!("error: unknown credential {id:?} in {what} (did you mean {c:?}?)"),
        None => {
            eprintln!("error: unknown credential {id:?} in {what} (the feed has no credentials)")
        }
    }
    Err(Failure(ExitCode::from(2)))
}

/// Builds the learner record from `--have`, `--planned` and `--as-of`, checking every id.
pub fn build_record(cat: &Catalog, args: &RecordArgs) -> Result<Record, Failure> {
    let as_of = match args.as_of.as_deref() {
        Some(s) => Some(Date::parse(s).ok_or_else(|| {
            eprintln!("error: --as-of {s:?} is not a date (expected YYYY-MM-DD)");
            Failure(ExitCode::from(2))
        })?),
        None => Some(today()),
    };
    let mut record = Record::new(as_of);
    for item in args.have.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let (id, earned) = match item.split_once('@') {
            Some((id, date)) => {
                let d = Date::parse(date).ok_or_else(|| {
                    eprintln!(
                        "error: --have {item:?}: {date:?} is not a date (expected YYYY-MM-DD)"
                    );
                    Failure(ExitCode::from(2))
                })?;
                (id, Some(d))
            }
            None => (item, None),
        };
        check_id(cat, id, "--have")?;
        record = record.with_held(id, earned);
    }
    for id in args
        .planned
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        check_id(cat, id, "--planned")?;
        record = record.with_planned(id);
    }
    Ok(record)
}

/// The title of a credential in the feed's default language.
pub fn title(cat: &Catalog, id: &str) -> String {
    let lang = cat.feed().default_language().to_owned();
    cat.index_of(id)
        .and_then(|c| cat.credential(c))
        .map(|c| c.title.get(&lang, &lang).to_owned())
        .unwrap_or_default()
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// The JSON contract of one goal: `id` first, then the engine's fields.
fn goal_json(p: &Progress) -> Value {
    let mut v = serde_json::to_value(p).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        if let Some(goal) = m.remove("goal") {
            m.insert("id".into(), goal);
        }
    }
    v
}

pub fn run(args: Args) -> ExitCode {
    match run_inner(&args) {
        Ok(code) => code,
        Err(Failure(code)) => code,
    }
}

fn run_inner(args: &Args) -> Result<ExitCode, Failure> {
    let cat = load_catalog(&args.feed, args.format)?;
    if let Some(g) = &args.goal {
        check_id(&cat, g, "--goal")?;
    }
    let record = build_record(&cat, &args.record)?;
    let goals: Vec<Progress> = match &args.goal {
        Some(g) => vec![engine::progress(&cat, &record, g).map_err(|e| {
            eprintln!("error: {e}");
            Failure(ExitCode::from(2))
        })?],
        None => engine::progress_all(&cat, &record),
    };
    match args.format {
        Format::Json => {
            let out = json!({
                "as_of": record.as_of.map(|d| d.to_string()),
                "goals": goals.iter().map(goal_json).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Format::Human => print_human(&cat, &record, &goals, args.goal.is_some()),
    }
    Ok(ExitCode::SUCCESS)
}

fn print_human(cat: &Catalog, record: &Record, goals: &[Progress], detail: bool) {
    let as_of = record.as_of.map(|d| d.to_string()).unwrap_or_default();
    println!(
        "Progress as of {as_of} ({} held, {} planned)\n",
        record.held.len(),
        record.planned.len()
    );
    if goals.is_empty() {
        println!("The feed has no stackable credentials.");
        return;
    }
    let idw = goals
        .iter()
        .map(|p| p.goal.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 32);
    println!(
        "{:<idw$}  {:<28}  {:<11}  {:>4}  REMAINING",
        "GOAL", "TITLE", "STATUS", "DONE"
    );
    for p in goals {
        let status = if p.held {
            "held"
        } else if p.satisfied {
            "complete"
        } else if p.fraction > 0.0 {
            "in progress"
        } else {
            "not started"
        };
        let remaining = if p.satisfied {
            "-".to_owned()
        } else {
            p.summary
                .iter()
                .map(|m| m.english())
                .collect::<Vec<_>>()
                .join("; ")
        };
        println!(
            "{:<idw$}  {:<28}  {:<11}  {:>3}%  {}",
            truncate(&p.goal, idw),
            truncate(&title(cat, &p.goal), 28),
            status,
            (p.fraction * 100.0).floor() as u32,
            remaining
        );
    }
    if detail {
        for p in goals {
            if !p.used.is_empty() {
                println!("\nCounted toward {}:", p.goal);
                for u in &p.used {
                    let via = if u.credential == u.fills {
                        String::new()
                    } else {
                        format!(" (stands in for {})", u.fills)
                    };
                    println!("  - {}{via}, in {}", u.credential, u.toward);
                }
            }
            let not: Vec<_> = p
                .explanations
                .iter()
                .filter(|e| !matches!(e.status, Status::Counted { .. }))
                .collect();
            if !not.is_empty() {
                println!("\nNot counted:");
                for e in not {
                    println!("  - {}", e.message.english());
                }
            }
            for r in &p.remaining {
                if !r.options.is_empty() {
                    println!(
                        "\n{}: choose from {}",
                        r.message.english(),
                        r.options.join(", ")
                    );
                }
            }
        }
    }
}
