# Programmes, progression et plan (français).

programs-help = Tous les programmes que vous pouvez obtenir en cumulant des titres, avec votre progression.
programs-none = Cet établissement n’a aucun programme cumulable.
programs-count = Programmes affichés : { $shown } sur { $total }.
programs-more = { $count ->
    [one] Afficher un programme de plus
   *[other] Afficher { $count } programmes de plus
}
progress-label = Progression vers { $title }
progress-percent = { $percent } % terminé
program-missing = Il manque encore : { $names }
program-missing-more = et { $count } de plus
program-route = La façon la moins chère de terminer :
program-route-pending = en cours de calcul…
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
route-not-proven = C’est le meilleur parcours trouvé dans le temps imparti ; il en existe peut-être un légèrement meilleur.
route-unknown = Non inclus dans les totaux (inconnu) : { $names }

badges-open = Ajouter mes badges
badges-help = Choisissez ou déposez un fichier de votre portefeuille de badges, ou collez son texte : un titre Open Badges 3.0 (JSON ou JWT), un relevé d’apprentissage complet (CLR 2.0) ou des assertions Open Badges 2.0. Il reste sur votre ordinateur.
badges-self-reported = Déclaré par vous, non vérifié : les signatures ne sont pas contrôlées.
badges-loading = Chargement du lecteur de badges…
badges-load-error = Le lecteur de badges n’a pas pu être chargé.
badges-choose = Choisir un fichier de badge
badges-paste = Ou collez votre badge, CLR ou JWT
badges-add = Ajouter ces badges
badges-added = { $count ->
    [0] Aucun de ces badges ne correspond à un titre offert ici.
    [one] 1 titre a été marqué comme obtenu grâce à vos badges.
   *[other] { $count } titres ont été marqués comme obtenus grâce à vos badges.
}
badges-matched-item = { $title } (d’après le badge « { $badge } »)
badges-unmatched = { $count ->
    [one] 1 badge ne correspond à aucun titre offert ici :
   *[other] { $count } badges ne correspondent à aucun titre offert ici :
}
badges-earned = obtenu le { $date }
badges-problems = { $count ->
    [one] 1 partie du fichier n’a pas pu être lue :
   *[other] { $count } parties du fichier n’ont pas pu être lues :
}
badges-unreadable = Rien dans ce fichier n’a pu être lu comme un badge.
badges-error = Les badges n’ont pas pu être lus.
