# The engine's results (stackway-core messages), English. Ids are the core's message ids with
# an `engine-` prefix; credential arguments arrive as titles. Optional arguments come with a
# `has_<name>` switch ("yes" or "no").

engine-goal-satisfied = { $goal } is complete
engine-goal-held = You hold { $goal }
engine-group-count = { $has_label ->
    [yes] { $met } of { $need } { $label }
   *[no] { $met } of { $need } required
}
engine-group-credits = { $has_label ->
    [yes] { $missing ->
        [one] { $missing } more credit ({ $label })
       *[other] { $missing } more credits ({ $label })
    }
   *[no] { $missing ->
        [one] { $missing } more credit
       *[other] { $missing } more credits
    }
}
engine-credential-missing = { $credential } still needed
engine-explain-counted = { $has_via ->
    [yes] { $credential } counts toward { $toward } in place of { $via }
   *[no] { $credential } counts toward { $toward }
}
engine-explain-expired = { $credential } no longer counts: earned { $earned }, it expired on { $expired_on }
engine-explain-already-used = { $credential } is already used in this goal (for { $used_for }), so it cannot count twice
engine-explain-not-accepted = { $credential } is not accepted toward { $goal }
engine-explain-not-needed = { $credential } is accepted toward { $goal } but not needed: those requirements are already met
engine-explain-not-held = { $credential } is not in your plan
engine-infeasible-unknown-credential = { $credential } is not offered in this list, so this goal cannot be reached
engine-infeasible-cycle = { $credential } requires itself, so it cannot be earned
engine-infeasible-not-enough-options = { $has_label ->
    [yes] { $label } of { $owner }: only { $possible } of the { $need } needed can ever be met
   *[no] A group of { $owner }: only { $possible } of the { $need } needed can ever be met
}
engine-infeasible-not-enough-credits = { $has_label ->
    [yes] { $label } of { $owner }: at most { $possible } of the { $need } credits needed can be earned
   *[no] { $owner }: at most { $possible } of the { $need } credits needed can be earned
}
engine-infeasible-prerequisites = The prerequisites of { $credential } can never be met
engine-infeasible-shared-credentials = The requirements of { $goal } share credentials, and there are not enough different ones to fill them all
engine-search-limit = The search for the best route stopped after { $nodes } steps; the route shown may not be the best
