# Programs, progress and the plan (English).

programs-help = Every program you can earn by stacking credentials, with how far along you are.
programs-none = This institution has no stackable programs.
progress-label = Progress toward { $title }
progress-percent = { $percent }% complete
program-missing = Still needed: { $names }
program-missing-more = and { $count } more
program-route = Cheapest way to finish:
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
route-unknown = Not included in the totals (unknown): { $names }
