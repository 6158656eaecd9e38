# The Stackway widget's own words for its first screen (English): states, the header and
# tabs, and the Programs view. Feed text comes from the feed itself. Every id here must
# exist in locales/fr too; tests/messages.rs checks both ways.

## States

status-loading = Loading the credentials…
status-loading-view = Loading this view…
error-config-title = This widget is not set up correctly
error-fetch-title = The list of credentials could not be loaded
error-interop-title = This pathway (CTDL) could not be read: the part of the widget that reads it did not load
error-invalid-title = The list of credentials has problems
error-invalid-detail = { $count ->
    [one] The institution's feed has one problem that stops it from being shown.
   *[other] The institution's feed has { $count } problems that stop it from being shown.
}
error-help = Check your connection and try again. If the problem persists, tell your instructor: the details below will help them.
action-retry = Try again
error-view = This view could not be loaded. Check your connection and try again.
notice-offline = You are offline: this is the copy saved on { $when }.
notice-partial = Some entries of this catalogue could not be shown.
diagnostics-summary = { $count ->
    [one] Details for the institution (one finding)
   *[other] Details for the institution ({ $count } findings)
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
kind-career = Career
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
count-steps = { $count ->
    [one] { $count } step
   *[other] { $count } steps
}
action-details = Details
action-details-label = Details: { $title }
action-set-goal = Make it my goal
action-set-goal-label = Make it my goal: { $title }

## Programs and progress

programs-help = Every program you can earn by stacking credentials, with how far along you are.
programs-none = This institution has no stackable programs.
programs-count = Showing { $shown } of { $total } programs.
programs-more = { $count ->
    [one] Show one more program
   *[other] Show { $count } more programs
}
progress-label = Progress toward { $title }
progress-percent = { $percent }% complete
program-counts-toward = Counts toward: { $names }
program-route = Cheapest way to finish:
program-route-pending = being worked out…
program-is-goal = Your goal
program-held = You hold this program.

## Requirement groups (program cards and details)

count-credits = { $count ->
    [one] { $count } credit
   *[other] { $count } credits
}
# $kind: all, one (an "all of" with one member), any, choose, credits.
group-name = { $has_label ->
    [yes] { $kind ->
        [all] { $label }: all of
        [one] { $label }: required
        [any] { $label }: one of
        [choose] { $label }: choose { $need } of
       *[credits] { $credits ->
            [one] { $label }: { $credits } credit from
           *[other] { $label }: { $credits } credits from
        }
    }
   *[no] { $kind ->
        [all] All of
        [one] Required
        [any] One of
        [choose] Choose { $need } of
       *[credits] { $credits ->
            [one] { $credits } credit from
           *[other] { $credits } credits from
        }
    }
}
group-complete = Complete
group-still-needed = Still needed: { $count } more
group-still-needed-credits = { $credits ->
    [one] Still needed: { $credits } more credit
   *[other] Still needed: { $credits } more credits
}
member-held = Held
member-planned = Planned
member-started = In progress
member-missing = Still needed
member-via = through { $names }
members-more = { $count ->
    [one] and one more
   *[other] and { $count } more
}
groups-more = { $count ->
    [one] One more group is listed in the details.
   *[other] { $count } more groups are listed in the details.
}
