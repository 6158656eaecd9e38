# Stackway Studio's words, in English. Every message has a French twin in locales/fr/studio.ftl
# (tests/messages.rs checks it).

## The frame
skip-to-editor = Skip to the editor
toolbar = Feed actions
sections = Sections of the feed
side-panel = Preview and problems
interface-language = Interface language
no-file = No file open
file-in-browser = Kept in this browser; download it to save a file
file-new = { $path } (new: the first save creates it)
status-saved = All changes saved
status-unsaved = Unsaved changes
undo = Undo
redo = Redo
undo-shortcut = Undo (Ctrl+Z)
redo-shortcut = Redo (Ctrl+Shift+Z)
save = Save
download = Download
open = Open a feed…
new-feed = New feed
import = Import…
dismiss = Dismiss
cancel = Cancel
remove = Remove
untitled = (untitled)
choose-one = Choose one…

## Messages
saved = Saved. The previous version is kept as a .bak file next to it.
save-failed = The feed could not be saved: { $error }
downloaded = Downloaded as { $file }.
open-failed = The file could not be read: { $error }
open-not-json = This file is not JSON, so the studio cannot edit it ({ $error }). Fix it in a text editor, or start a new feed.
draft-restored = Restored the draft kept in this browser at { $time }.
draft-available = This browser kept a draft of this file with unsaved changes ({ $time }). Open it from a new window with “Open a feed…” if you need it.
token-refused = This page was not opened with the link “stackway studio” printed, so it cannot read or save the file. Use that link (it carries a key for this run only).
server-unreachable = The studio's server did not answer: { $error }

## Welcome (no feed open)
welcome-heading = Stackway Studio
welcome-text = Build, check and preview a Stackway feed: your institution's credentials and how they stack. Start a new feed, open one, or import a spreadsheet or a CTDL pathway.
welcome-privacy = Everything stays in this browser: nothing is uploaded. Unsaved work is kept as a draft here.

## Sections
section-feed = Feed and provider
section-institutions = Institutions
section-skills = Skills
section-credentials = Credentials
section-equivalences = Equivalences
section-pathways = Pathways
missing-translations = { $count ->
    [0] No missing translations
    [one] 1 missing translation
   *[other] { $count } missing translations
}
count-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
}
count-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
count-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}

## Fields
field-required = required
text-all-languages = All languages
text-translate-separately = Give each language its own text
text-missing = { $language } missing
lang-name-en = English
lang-name-fr = French
lang-name-en-ca = English (Canada)
lang-name-fr-ca = French (Canada)
id-empty = An id cannot be empty.
id-taken = The id “{ $id }” is already used.
id-rule = Use lower-case letters, digits, “.”, “_” or “-”, starting with a letter or a digit (at most 64).
id-use-suggestion = Use “{ $id }”
id-uses = { $count ->
    [one] Used in 1 place; renaming it changes it there too.
   *[other] Used in { $count } places; renaming it changes them all.
}
id-suggested-help = Suggested from the title; other parts of the feed use it to refer to this credential.
list-add = Add
list-add-to = Add to { $list }
item-field = { $item }: { $field }
list-move-up = Move { $item } up
list-move-down = Move { $item } down
list-remove = Remove { $item }
item-remove = Remove { $item }
severity-error = Error
severity-warning = Warning
diag-detail = Details ({ $code }):

## The feed
group-feed = The feed

## Institutions, skills
institutions-intro = Partners and transfer sources. Credentials can name one of them as their provider.
institutions-add = Add an institution
institutions-none = No other institution yet.
skills-intro = Skills that credentials teach, optionally from a published framework.
skills-add = Add a skill
skills-none = No skill yet.

## Credentials
credential-add = Add a credential
credential-add-submit = Add
new-title-in = Title ({ $language })
credential-count = { $shown } of { $total } shown
search = Search
search-placeholder = Title or id
filter-kind = Kind
filter-any-kind = Any kind
filter-show = Show
filter-all = All
filter-stackable = Stackable only
filter-problems = With problems
show-more = Show { $count } more
stackable = stackable
back-to-list = ← All credentials
credential-delete = Delete
credential-delete-used = “{ $id }” is used in { $count ->
    [one] 1 place
   *[other] { $count } places
} (requirements, equivalences, pathways).
credential-delete-with-uses = Delete it and remove it from those places
credential-delete-keep-uses = Delete it only (those places will be reported as problems)
credential-gone = This credential no longer exists.
group-basics = What it is
group-size = Size, cost and delivery
group-content = What it teaches
group-stacking = How it stacks
provider-default = The feed's provider
outcome-item = Outcome { $number }
outcome-add = Add an outcome
employer-item = Employer { $number }
employer-add = Add an employer
counts-toward = Counts toward
counts-toward-none = It counts toward no stackable credential yet.
counts-toward-add-label = Make it count toward
counts-toward-add = Add to its requirement

## Requirements
req-start = Kind of requirement
req-none = None
req-name-requires = Requires
req-name-prerequisites = Prerequisites
req-kind-credential = One credential
req-kind-of = Kind of group { $item }
req-count-of = { $field } in { $item }
req-credential-of = Credential: { $item }
req-unknown = (no such credential)
req-move-up = Move { $item } up
req-move-down = Move { $item } down
req-remove = Remove { $item }
req-move-up-short = Move up
req-move-down-short = Move down
req-remove-short = Remove
req-add-credential = Add a credential
req-add-group = Add a group
req-add-credential-to = Add a credential to { $item }
req-add-group-to = Add a group to { $item }
req-make-group = Make a group
req-make-group-of = Make { $item } a group
req-label-of = Label of { $item }

## Equivalences, pathways
equivalences-intro = Credit transfer and prior learning: holding these credentials stands in for another one.
equivalences-add = Add an equivalence
equivalences-none = No equivalence yet.
pathways-intro = Curated routes to a goal, shown to learners as ordered steps.
pathways-add = Add a pathway
pathways-none = No pathway yet.

## Problems
problems = Problems
checking = Checking…
no-problems = No problems: this feed is ready to publish.
problem-summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
problems-all = All problems
problems-errors = Errors
problems-warnings = Warnings
problems-translations = Missing translations

## Preview
preview = Learner preview
preview-help = The learner widget, showing this feed as learners will see it.
preview-language = Language
preview-width = Width
preview-phone = Phone
preview-desktop = Desktop
preview-view = View
preview-view-programs = Programs
preview-view-map = Map
preview-view-explore = Explore
preview-view-plan = My plan
preview-view-pathways = Pathways
what-if = { $count ->
    [0] What if a learner holds…
   *[other] What if a learner holds… ({ $count })
}
what-if-help = Mark credentials as held to see a learner's progress.
what-if-add-label = Credential id to mark as held
what-if-add = Mark as held
what-if-remove = Unmark { $id }

## Conflict
conflict-heading = The file changed on disk
conflict-text = Someone or something changed the file since the studio opened it. Saving now would replace those changes. What do you want to do?
conflict-overwrite = Replace it with my version
conflict-overwrite-help = Their changes are kept in the .bak file.
conflict-reload = Open the version on disk
conflict-reload-help = Undo brings your version back.
conflict-download = Download my version
conflict-download-help = Save it as another file and compare.

## Import
import-heading = Import a spreadsheet or a CTDL pathway
import-sheet-text = From a spreadsheet in Stackway's template (CSV, XLSX, XLS or ODS; its columns are described in docs/spreadsheet.md). Each sheet replaces the list it holds in the open feed (a CSV of credentials replaces the credentials); the rest of the feed stays.
import-templates = The templates:
import-template-xlsx = the whole feed (XLSX)
import-template-csv = the credentials alone (CSV)
import-problems = Problems found, by place
import-sheet = Sheet
import-row = Row
import-column = Column
import-where = Place in the feed
import-problem = Problem
import-ctdl-text = From a CTDL pathway (JSON-LD), as the Credential Registry publishes it.
import-file = File to import
import-found = { $count ->
    [one] Found 1 credential
   *[other] Found { $count } credentials
}, { $problems ->
    [0] with no problem.
    [one] with 1 problem:
   *[other] with { $problems } problems:
}
import-nothing = Nothing could be imported from this file.
import-apply = Replace the open feed with it
import-replaces = The import replaces the open feed; Undo brings it back.
import-done = Imported { $count } credentials from { $file }.

## Diagnostic codes, for the French interface (the English one shows the validator's message)
code-invalid-json = Not valid JSON.
code-missing-field = A required field is empty.
code-wrong-type = This value has the wrong type.
code-unknown-kind = Not one of the nine kinds.
code-unknown-delivery = Not a delivery mode (online, in person, hybrid).
code-duplicate-id = This id is already used in the same list.
code-invalid-id = This id breaks the id rule.
code-invalid-language = Not a language tag.
code-unknown-credential = No credential has this id.
code-unknown-skill = No skill has this id.
code-unknown-institution = No institution has this id.
code-requires-cycle = Requirements go round in a circle.
code-prerequisites-cycle = Prerequisites go round in a circle.
code-invalid-requirement = A group must be exactly one of all, any, choose, credits.
code-choose-too-large = It asks to choose more items than the list has.
code-credits-unreachable = The list cannot give that many credits.
code-nested-group-in-credits = A credits list holds credential ids only.
code-number-out-of-range = This number is out of range.
code-invalid-currency = Not an active ISO 4217 currency code.
code-invalid-date = Not a real date (YYYY-MM-DD).
code-invalid-url = Not an absolute http(s) address.
code-empty-list = This list is empty.
code-empty-text = This text has no language in it.
code-missing-translation = A translation is missing.
code-unknown-key = A key the format does not know.
code-duplicate-key = A key written twice.
code-duplicate-language = A language written twice.
code-missing-version = The format version is missing.
code-unsupported-version = Not format version 1.
code-unreadable-file = The file cannot be read as a spreadsheet.
code-unknown-sheet = A sheet the template does not have; it was not read.
code-missing-value = A required cell is empty.
code-not-a-number = Not a number; it was kept as text.
code-bad-expression = The requirement expression cannot be read; it was kept as text.
code-duplicate-column = A column written twice; the first one counts.
code-cell-error = The spreadsheet shows an error in this cell (a formula that failed).
