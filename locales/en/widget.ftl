# The Stackway widget's own words (English). Feed text comes from the feed itself.
# Every id here must exist in locales/fr too; tests/messages.rs checks both ways.

## States

status-loading = Loading the credentials…
status-loading-view = Loading this view…
error-config-title = This widget is not set up correctly
error-fetch-title = The list of credentials could not be loaded
error-interop-title = This pathway (CTDL) could not be read: its converter did not load
error-invalid-title = The list of credentials has problems
error-invalid-detail = { $count ->
    [one] The institution's feed has one problem that stops it from being shown.
   *[other] The institution's feed has { $count } problems that stop it from being shown.
}
error-help = Check your connection and try again. If the problem persists, tell your instructor: the details below will help them.
action-retry = Try again
error-view = This view could not be loaded. Check your connection and try again.
diagnostics-summary = { $count ->
    [one] One finding
   *[other] { $count } findings
}
diagnostic-place = line { $line }, column { $column }
severity-error = Error
severity-warning = Warning
notice-offline = You are offline: this is the copy saved on { $when }.
notice-partial = { $count ->
    [one] Part of this list could not be read (one problem); everything else is shown.
   *[other] Part of this list could not be read ({ $count } problems); everything else is shown.
}
notice-empty = This institution has not published any credentials yet.
announce-plan-reset = Your plan was cleared.
announce-plan-imported = { $count ->
    [0] Your plan was imported.
    [one] Your plan was imported; one entry no longer in this list was left out.
   *[other] Your plan was imported; { $count } entries no longer in this list were left out.
}

## Navigation and language

nav-label = Stackway views
view-programs = Programs
view-map = Pathway map
view-explore = Explore
view-plan = My plan
view-pathways = Pathways
language-label = Language
language-en = English
language-fr = Français

## Credentials

kind-micro-credential = Micro-credential
kind-badge = Badge
kind-course = Course
kind-certificate = Certificate
kind-graduate-certificate = Graduate certificate
kind-diploma = Diploma
kind-advanced-diploma = Advanced diploma
kind-degree = Degree
kind-prior-learning = Prior learning
delivery-online = Online
delivery-in-person = In person
delivery-hybrid = Hybrid
count-credentials = { $count ->
    [one] { $count } credential
   *[other] { $count } credentials
}
count-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
count-weeks = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
}
count-credits = { $count ->
    [one] { $count } credit
   *[other] { $count } credits
}
count-steps = { $count ->
    [one] { $count } step
   *[other] { $count } steps
}
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
action-details = Details
action-set-goal = Make it my goal
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
explore-count = { $count ->
    [0] No credential matches.
    [one] One credential matches.
   *[other] { $count } credentials match.
}
explore-more = Show { $count } more

## Map

map-help = Tab into the map, then use the arrow keys: down to what a credential counts toward, up to what counts toward it, left and right along a row. Enter opens the details.
map-show-list = Show as a list
map-show-drawing = Show the map
map-too-large = { $count } credentials are too many to draw; here they are as a list.
map-zoom-label = Zoom
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-fit = Fit
map-legend = Legend
map-edge-counts = Solid line: counts toward
map-edge-prerequisite = Dashed line: needed before
map-label = Pathway map of { $count } credentials on { $levels } levels. The list view has the same information as text.
map-node-label = { $title }, { $meta }
list-level = Level { $level } ({ $count })
list-counts-toward = Counts toward: { $names }
list-opens = Needed before: { $names }
list-truncated = Only the first { $count } credentials are listed; use Explore to find the others.

## Pathways

pathways-none = This institution has not published curated pathways.
pathway-goal = Leads to { $title }
pathway-done = { $done } of { $count } done
