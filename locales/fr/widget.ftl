# Les mots du widget Stackway (français). Le texte du flux vient du flux lui-même.
# Chaque identifiant doit exister aussi dans locales/en ; tests/messages.rs le vérifie.

## États

status-loading = Chargement des titres…
status-loading-view = Chargement de cette vue…
error-config-title = Ce widget n’est pas configuré correctement
error-fetch-title = La liste des titres n’a pas pu être chargée
error-interop-title = Ce parcours (CTDL) n’a pas pu être lu : son convertisseur ne s’est pas chargé
error-invalid-title = La liste des titres comporte des problèmes
error-invalid-detail = { $count ->
    [one] Le flux de l’établissement comporte un problème qui empêche de l’afficher.
   *[other] Le flux de l’établissement comporte { $count } problèmes qui empêchent de l’afficher.
}
error-help = Vérifiez votre connexion et réessayez. Si le problème persiste, prévenez votre enseignant : les détails ci-dessous l’aideront.
action-retry = Réessayer
error-view = Cette vue n’a pas pu être chargée. Vérifiez votre connexion et réessayez.
diagnostics-summary = { $count ->
    [one] { $count } constat
   *[other] { $count } constats
}
diagnostic-place = ligne { $line }, colonne { $column }
severity-error = Erreur
severity-warning = Avertissement
notice-offline = Vous êtes hors ligne : voici la copie enregistrée le { $when }.
notice-partial = { $count ->
    [one] Une partie de cette liste n’a pas pu être lue (un problème) ; tout le reste est affiché.
   *[other] Une partie de cette liste n’a pas pu être lue ({ $count } problèmes) ; tout le reste est affiché.
}
notice-empty = Cet établissement n’a encore publié aucun titre.
announce-plan-reset = Votre plan a été effacé.
announce-plan-imported = { $count ->
    [0] Votre plan a été importé.
    [one] Votre plan a été importé ; une entrée absente de cette liste a été écartée.
   *[other] Votre plan a été importé ; { $count } entrées absentes de cette liste ont été écartées.
}

## Navigation et langue

nav-label = Vues de Stackway
view-programs = Programmes
view-map = Carte des parcours
view-explore = Explorer
view-plan = Mon plan
view-pathways = Parcours
language-label = Langue
language-en = English
language-fr = Français

## Titres

kind-micro-credential = Microtitre
kind-badge = Badge
kind-course = Cours
kind-certificate = Certificat
kind-graduate-certificate = Certificat d’études supérieures
kind-diploma = Diplôme
kind-advanced-diploma = Diplôme avancé
kind-degree = Grade
kind-prior-learning = Acquis
delivery-online = En ligne
delivery-in-person = En personne
delivery-hybrid = Hybride
count-credentials = { $count ->
    [one] { $count } titre
   *[other] { $count } titres
}
count-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
count-weeks = { $count ->
    [one] { $count } semaine
   *[other] { $count } semaines
}
count-credits = { $count ->
    [one] { $count } crédit
   *[other] { $count } crédits
}
count-steps = { $count ->
    [one] { $count } étape
   *[other] { $count } étapes
}
mark-held = Obtenu
mark-planned = Prévu
mark-earned = Acquis
mark-available = Accessible maintenant
mark-group-label = Votre plan pour { $title }
action-hold = Je l’ai
action-hold-label = J’ai { $title }
action-plan = Le prévoir
action-plan-label = Prévoir { $title }
action-unmark = Retirer
action-unmark-label = Retirer { $title } de mon plan
action-details = Détails
action-set-goal = En faire mon objectif
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
fact-valid = Compte pour le cumul pendant
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
detail-prerequisites = Avant de commencer
detail-prerequisites-met = Vous remplissez les préalables.
detail-prerequisites-unmet = Vous ne remplissez pas encore les préalables.
detail-counts-toward = Compte pour
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
filter-max-weeks = Semaines au maximum
filter-any = Tous
filter-clear = Effacer les filtres
explore-count = { $count ->
    [0] Aucun titre ne correspond.
    [one] Un titre correspond.
   *[other] { $count } titres correspondent.
}
explore-more = Afficher { $count } de plus

## Carte

map-help = Entrez dans la carte avec Tab, puis utilisez les flèches : vers le bas pour ce à quoi un titre contribue, vers le haut pour ce qui y contribue, à gauche et à droite le long d’une rangée. Entrée ouvre les détails.
map-show-list = Afficher sous forme de liste
map-show-drawing = Afficher la carte
map-too-large = { $count } titres, c’est trop pour les dessiner ; les voici sous forme de liste.
map-zoom-label = Zoom
map-zoom-in = Zoom avant
map-zoom-out = Zoom arrière
map-fit = Ajuster
map-legend = Légende
map-edge-counts = Trait plein : compte pour
map-edge-prerequisite = Pointillés : requis avant
map-label = Carte des parcours : { $count } titres sur { $levels } niveaux. La vue en liste donne les mêmes informations en texte.
map-node-label = { $title }, { $meta }
list-level = Niveau { $level } ({ $count })
list-counts-toward = Compte pour : { $names }
list-opens = Requis avant : { $names }
list-truncated = Seuls les { $count } premiers titres sont listés ; utilisez Explorer pour trouver les autres.

## Parcours

pathways-none = Cet établissement n’a pas publié de parcours recommandés.
pathway-goal = Mène à : { $title }
pathway-done = { $done } sur { $count } terminés
