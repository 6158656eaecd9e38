# Programs, progress and the plan (English).

programs-help = Every program you can earn by stacking credentials, with how far along you are.
programs-none = This institution has no stackable programs.
programs-count = Showing { $shown } of { $total } programs.
programs-more = { $count ->
    [one] Show one more program
   *[other] Show { $count } more programs
}
progress-label = Progress toward { $title }
progress-percent = { $percent }% complete
program-missing = Still needed: { $names }
program-missing-more = and { $count } more
program-route = Cheapest way to finish:
program-route-pending = being worked out…
program-is-goal = Your goal

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
badges-error = The badges could not be read.
