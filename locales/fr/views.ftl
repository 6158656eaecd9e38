# Les mots des vues après le premier écran (français) : carte, explorer, plan, parcours,
# détail, badges. Ils viennent avec le second module du widget (src/later.rs) ;
# tests/messages.rs vérifie que le premier écran n’en utilise aucun.

## Titres

delivery-online = En ligne
delivery-in-person = En personne
delivery-hybrid = Hybride
mark-held = Obtenu
mark-planned = Prévu
mark-earned = Acquis
mark-available = Accessible dès maintenant
mark-group-label = Votre plan pour { $title }
action-hold = Je l’ai obtenu
action-hold-label = J’ai obtenu { $title }
action-plan = Je le prévois
action-plan-label = Je prévois { $title }
action-unmark = Retirer
action-unmark-label = Retirer { $title } de mon plan
action-close = Fermer
action-close-detail = Fermer les détails

## Détail

detail-label = Détails de { $title }
fact-kind = Type
fact-provider = Offert par
fact-hours = Heures
fact-credits = Crédits
fact-weeks = Semaines
fact-cost = Coût
fact-delivery = Mode de prestation
fact-level = Niveau
fact-valid = Reste valide pour le cumul pendant
fact-valid-years = { $count ->
    [one] { $count } an
   *[other] { $count } ans
}
detail-skills = Compétences
detail-outcomes = Ce que vous saurez faire
detail-assessment = Mode d’évaluation
detail-employers = Employeurs partenaires
detail-badge = Badge numérique
detail-badge-link = Voir le badge (s’ouvre dans un nouvel onglet)
detail-requirements = Ce qu’il faut obtenir
detail-prerequisites = Avant de commencer
detail-prerequisites-met = Vous remplissez les préalables.
detail-prerequisites-unmet = Vous ne remplissez pas encore les préalables.
detail-counts-toward = Contribue à
detail-equivalences = Transfert de crédits
detail-equivalence = { $holding } équivaut à { $target }
detail-visit = Consulter la page de l’établissement
link-new-tab = (s’ouvre dans un nouvel onglet)

## Explorer

filter-query = Rechercher
filter-skill = Compétence
filter-tag = Sujet
filter-delivery = Mode de prestation
filter-kind = Type
filter-provider = Offert par
filter-max-cost = Coût maximal
filter-max-weeks = Durée maximale (semaines)
filter-any = Indifférent
filter-clear = Effacer les filtres
filters-toggle = { $count ->
    [0] Filtres
    [one] Filtres (1 actif)
   *[other] Filtres ({ $count } actifs)
}
explore-count = { $count ->
    [0] Aucun titre ne correspond.
    [one] Un titre correspond.
   *[other] { $count } titres correspondent.
}
explore-more = Afficher { $count } autres

## Carte

map-help = Entrez dans la carte avec Tab, puis utilisez les flèches : vers la droite pour ce à quoi un titre contribue, vers la gauche pour ce qui y contribue, en haut et en bas le long d’une colonne. Entrée ouvre les détails. Faites glisser ou défiler pour voir le reste ; + et − zooment.
map-modes = Vue de la carte
map-mode-goal = Autour de mon objectif
map-mode-program = Autour d’un programme
map-mode-whole = Carte complète
map-show-list = Voir en liste
map-too-large = { $count } titres, c’est trop pour les dessiner ; les voici sous forme de liste.
map-zoom-label = Zoom
map-zoom-in = Zoom avant
map-zoom-out = Zoom arrière
map-zoom-reset = Taille réelle
map-legend = Légende
map-edge-counts = Trait plein : compte pour
map-edge-prerequisite = Pointillés : requis avant
map-label = Carte des parcours : { $count } titres en { $levels } colonnes, des premiers pas à gauche jusqu’à ce à quoi ils mènent à droite. La vue en liste donne les mêmes informations en texte.
map-node-label = { $title }, { $meta }
map-focus-label = Carte autour de { $title }
map-focus-before = Avant de commencer
map-focus-blocks = Éléments constitutifs
map-focus-goal = Votre objectif
map-focus-program = Programme
map-focus-leads-to = Mène à
map-focus-top = Rien ne s’appuie dessus : c’est le sommet de ce parcours.
map-group-one = Obligatoire
map-group-all = Tous ceux-ci
map-group-any = Un de ceux-ci
map-group-choose = { $count } au choix parmi { $total }
map-group-credits = { $credits } parmi ceux-ci
list-level = Niveau { $level } ({ $count })
list-counts-toward = Compte pour : { $names }
list-opens = Requis avant : { $names }
list-truncated = Seuls les { $count } premiers titres sont listés ; utilisez Explorer pour trouver les autres.

## Parcours

pathways-none = Cet établissement n’a pas publié de parcours recommandés.
pathway-goal = Mène à : { $title }
pathway-done = { $done } sur { $count } obtenus

## Mon plan et badges

plan-goal = Mon objectif
plan-goal-none = Pas encore d’objectif
plan-minimize = Meilleur parcours selon
objective-cost = Coût le plus bas
objective-weeks = Le moins de semaines
objective-hours = Le moins d’heures
objective-credits = Le moins de crédits
plan-goal-heading = Objectif : { $title }
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
route-completes = Permet d’obtenir : { $names }
route-opens = Donne accès à : { $names }
route-totals = Total : { $cost }, { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
}, { $weeks ->
    [one] { $weeks } semaine
   *[other] { $weeks } semaines
}, { $credits ->
    [one] { $credits } crédit
   *[other] { $credits } crédits
}.
route-not-proven = C’est le meilleur parcours trouvé dans le temps imparti ; il en existe peut-être un légèrement meilleur.
route-unknown = Non compris dans les totaux (valeur inconnue) : { $names }
badges-open = Ajouter mes badges
badges-help = Choisissez ou déposez un fichier de votre portefeuille de badges, ou collez son texte : un titre Open Badges 3.0 (JSON ou JWT), un relevé d’apprentissage complet (CLR 2.0) ou des assertions Open Badges 2.0. Le fichier ne quitte pas votre ordinateur.
badges-self-reported = Déclaré par vous, non vérifié : les signatures ne sont pas contrôlées.
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
badges-matched-item = { $title } (d’après le badge « { $badge } »)
badges-unmatched = { $count ->
    [one] 1 badge ne correspond à aucun titre offert ici :
   *[other] { $count } badges ne correspondent à aucun titre offert ici :
}
badges-earned = obtenu le { $date }
badges-problems = { $count ->
    [one] 1 partie du fichier n’a pas pu être lue :
   *[other] { $count } parties du fichier n’ont pas pu être lues :
}
badges-unreadable = Rien dans ce fichier n’a pu être lu comme un badge.

## Les constats du validateur (l’écran d’erreur et l’avis de flux en partie invalide demandent
## ce module pour les lister)

diagnostic-place = ligne { $line }, colonne { $column }
severity-error = Erreur
severity-warning = Avertissement
