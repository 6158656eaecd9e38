# The words of the views after the first screen (English): map, explore, plan, pathways,
# detail, badges. They ship in the widget's second module (src/later.rs) and join the
# bundle when it arrives; tests/messages.rs checks that the first screen uses none of them.

## Credentials

delivery-online = Online
delivery-in-person = In person
delivery-hybrid = Hybrid
mark-held = Held
mark-planned = Planned
mark-earned = Earned
mark-available = Available now
mark-group-label = Your plan for { $title }
action-hold = I have it
action-hold-label = I have { $title }
action-plan = Plan it
action-plan-label = Plan { $title }
action-unmark = Remove
action-unmark-label = Remove { $title } from my plan
action-close = Close
action-close-detail = Close the details

## Detail

detail-label = Details of { $title }
fact-kind = Type
fact-provider = Offered by
fact-hours = Hours
fact-credits = Credits
fact-weeks = Weeks
fact-cost = Cost
fact-delivery = Delivery
fact-level = Level
fact-valid = Counts toward stacking for
fact-valid-years = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
detail-skills = Skills
detail-outcomes = What you will be able to do
detail-assessment = How it is assessed
detail-employers = Employer partners
detail-badge = Digital badge
detail-badge-link = See the badge (opens in a new tab)
detail-requirements = What it takes
detail-prerequisites = Before you start
detail-prerequisites-met = You meet the prerequisites.
detail-prerequisites-unmet = You do not meet the prerequisites yet.
detail-counts-toward = Counts toward
detail-equivalences = Credit transfer
detail-equivalence = { $holding } counts as { $target }
detail-visit = Visit the institution's page
link-new-tab = (opens in a new tab)

## Explore

filter-query = Search
filter-skill = Skill
filter-tag = Topic
filter-delivery = Delivery
filter-kind = Type
filter-provider = Offered by
filter-max-cost = Maximum cost
filter-max-weeks = Maximum weeks
filter-any = Any
filter-clear = Clear filters
filters-toggle = { $count ->
    [0] Filters
    [one] Filters (1 active)
   *[other] Filters ({ $count } active)
}
explore-count = { $count ->
    [0] No credential matches.
    [one] One credential matches.
   *[other] { $count } credentials match.
}
explore-more = Show { $count } more

## Map

map-help = Tab into the map, then use the arrow keys: right to what a credential counts toward, left to what counts toward it, up and down along a column. Enter opens the details. Drag or scroll to see the rest; + and − zoom.
map-modes = Map view
map-mode-goal = Around my goal
map-mode-program = Around a program
map-mode-whole = Whole map
map-show-list = View as list
map-too-large = { $count } credentials are too many to draw; here they are as a list.
map-zoom-label = Zoom
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-zoom-reset = Actual size
map-legend = Legend
map-edge-counts = Solid line: counts toward
map-edge-prerequisite = Dashed line: needed before
map-label = Pathway map of { $count } credentials in { $levels } columns, from first steps on the left to what they lead to on the right. The list view has the same information as text.
map-node-label = { $title }, { $meta }
map-focus-label = Map around { $title }
map-focus-before = Before you start
map-focus-blocks = Building blocks
map-focus-goal = Your goal
map-focus-program = Program
map-focus-leads-to = Leads to
map-focus-top = Nothing builds on it: it is the top of this ladder.
map-group-one = Required
map-group-all = All of these
map-group-any = One of these
map-group-choose = Choose { $count } of { $total }
map-group-credits = { $credits } from these
list-level = Level { $level } ({ $count })
list-counts-toward = Counts toward: { $names }
list-opens = Needed before: { $names }
list-truncated = Only the first { $count } credentials are listed; use Explore to find the others.

## Pathways

pathways-none = This institution has not published curated pathways.
pathway-goal = Leads to { $title }
pathway-done = { $done } of { $count } done

## My plan and badges

plan-goal = My goal
plan-goal-none = No goal yet
plan-minimize = Best route by
objective-cost = Lowest cost
objective-weeks = Fewest weeks
objective-hours = Fewest hours
objective-credits = Fewest credits
plan-goal-heading = Goal: { $title }
plan-choose-goal = Choose a goal to see your progress and the best route to it.
plan-mine = My credentials
plan-empty = Mark credentials as held or planned in Explore, the map or a program's details.
plan-date = Earned on
plan-expired = No longer counts (expired)
plan-print = Print my plan
plan-export = Export my plan
plan-import = Import a plan
plan-import-error = That file is not a Stackway plan.
plan-reset = Clear my plan
route-heading = Best route
route-done = You have everything you need for this goal.
route-infeasible = No route can reach this goal with the credentials offered.
route-completes = Completes: { $names }
route-opens = Lets you start: { $names }
route-totals = Total: { $cost }, { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}, { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
}, { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
}.
route-not-proven = This is the best route found in the time allowed; a slightly better one may exist.
route-unknown = Not included in the totals (unknown): { $names }
badges-open = Add my badges
badges-help = Choose or drop a file from your badge wallet, or paste its text: an Open Badges 3.0 credential (JSON or JWT), a Comprehensive Learner Record (CLR 2.0) or Open Badges 2.0 assertions. It stays on your computer.
badges-self-reported = Self-reported, not verified: signatures are not checked.
badges-loading = Loading the badge reader…
badges-load-error = The badge reader could not be loaded.
badges-choose = Choose a badge file
badges-paste = Or paste your badge, CLR or JWT
badges-add = Add these badges
badges-added = { $count ->
    [0] None of these badges matches a credential offered here.
    [one] 1 credential was marked as held from your badges.
   *[other] { $count } credentials were marked as held from your badges.
}
badges-matched-item = { $title } (from the badge “{ $badge }”)
badges-unmatched = { $count ->
    [one] 1 badge does not match any credential offered here:
   *[other] { $count } badges do not match any credential offered here:
}
badges-earned = earned { $date }
badges-problems = { $count ->
    [one] 1 part of the file could not be read:
   *[other] { $count } parts of the file could not be read:
}
badges-unreadable = Nothing in that file could be read as a badge.

## The validator's findings (the error screen and the partly-invalid notice ask for this
## module to list them)

diagnostic-place = line { $line }, column { $column }
severity-error = Error
severity-warning = Warning
