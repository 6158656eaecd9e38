# Programmes, progression et plan (français).

programs-help = Tous les programmes que vous pouvez obtenir en cumulant des titres, avec votre progression.
programs-none = Cet établissement n’a aucun programme cumulable.
progress-label = Progression vers { $title }
progress-percent = { $percent } % terminé
program-missing = Il manque encore : { $names }
program-missing-more = et { $count } de plus
program-route = La façon la moins chère de terminer :
program-is-goal = Votre objectif

plan-goal = Mon objectif
plan-goal-none = Pas encore d’objectif
plan-minimize = Meilleur parcours selon
objective-cost = Le coût le plus bas
objective-weeks = Le moins de semaines
objective-hours = Le moins d’heures
objective-credits = Le moins de crédits
plan-goal-heading = Objectif : { $title }
plan-choose-goal = Choisissez un objectif pour voir votre progression et le meilleur parcours pour l’atteindre.
plan-mine = Mes titres
plan-empty = Indiquez les titres obtenus ou prévus dans Explorer, la carte ou les détails d’un programme.
plan-date = Obtenu le
plan-expired = Ne compte plus (expiré)
plan-print = Imprimer mon plan
plan-export = Exporter mon plan
plan-import = Importer un plan
plan-import-error = Ce fichier n’est pas un plan Stackway.
plan-reset = Effacer mon plan
route-heading = Meilleur parcours
route-done = Vous avez tout ce qu’il faut pour cet objectif.
route-infeasible = Aucun parcours ne permet d’atteindre cet objectif avec les titres offerts.
route-completes = Termine : { $names }
route-opens = Permet de commencer : { $names }
route-totals = Total : { $cost }, { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
}, { $weeks ->
    [one] { $weeks } semaine
   *[other] { $weeks } semaines
}, { $credits ->
    [one] { $credits } crédit
   *[other] { $credits } crédits
}.
route-unknown = Non inclus dans les totaux (inconnu) : { $names }
