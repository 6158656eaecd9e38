//! The engine's results in words: a stackway-core `Message` (an id with arguments) rendered with
//! the `engine-<id>` words of `locales/*/engine.ftl`. Only the views of the second module show
//! engine messages (the plan's progress, explanations and why no route exists; the program
//! cards word their requirement groups themselves), so these words travel in that module with
//! `views.ftl`, and this file is reached from nowhere in the first screen.

use crate::context::title;
use crate::i18n::I18n;

/// An engine message in the language of `i18n`: credential ids become titles, feed texts are
/// localised, and each optional argument gets a `has_<name>` switch for the Fluent selector.
pub fn message(
    feed: &stackway_core::Feed,
    i18n: &I18n,
    message: &stackway_core::messages::Message,
) -> String {
    use crate::i18n::Arg;
    use stackway_core::messages::Arg as CoreArg;
    let mut args: Vec<(&str, Arg)> = message
        .args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                CoreArg::Number(n) => Arg::Num(*n),
                CoreArg::Id(id) => Arg::Str(title(feed, i18n, id)),
                CoreArg::Text(text) => Arg::Str(crate::format::text(feed, text, i18n.lang())),
            };
            (name, value)
        })
        .collect();
    for optional in ["label", "via"] {
        let present = message.args.contains_key(optional);
        args.push((
            if optional == "label" {
                "has_label"
            } else {
                "has_via"
            },
            Arg::from(if present { "yes" } else { "no" }),
        ));
    }
    i18n.t_args(&format!("engine-{}", message.id.as_str()), &args)
}
