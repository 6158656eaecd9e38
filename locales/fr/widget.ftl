# Les mots du widget Stackway pour son premier écran (français) : états, en-tête et onglets,
# vue Programmes. Le texte du flux vient du flux lui-même. Chaque identifiant doit exister
# aussi dans locales/en ; tests/messages.rs le vérifie.

## États

status-loading = Chargement des titres…
status-loading-view = Chargement de cette vue…
error-config-title = Ce widget n’est pas configuré correctement
error-fetch-title = La liste des titres n’a pas pu être chargée
error-interop-title = Ce parcours (CTDL) n’a pas pu être lu : la partie du widget qui le lit ne s’est pas chargée
error-invalid-title = La liste des titres comporte des problèmes
error-invalid-detail = { $count ->
    [one] Le flux de l’établissement comporte un problème qui empêche de l’afficher.
   *[other] Le flux de l’établissement comporte { $count } problèmes qui empêchent de l’afficher.
}
error-help = Vérifiez votre connexion et réessayez. Si le problème persiste, prévenez la personne responsable de votre cours : les détails ci-dessous l’aideront.
action-retry = Réessayer
error-view = Cette vue n’a pas pu être chargée. Vérifiez votre connexion et réessayez.
notice-offline = Vous êtes hors ligne : voici la copie enregistrée le { $when }.
notice-partial = Certaines entrées de ce catalogue n’ont pas pu être affichées.
diagnostics-summary = { $count ->
    [one] Détails pour l’établissement ({ $count } constat)
   *[other] Détails pour l’établissement ({ $count } constats)
}
notice-empty = Cet établissement n’a encore publié aucun titre.
announce-plan-reset = Votre plan a été effacé.
announce-plan-imported = { $count ->
    [0] Votre plan a été importé.
    [one] Votre plan a été importé ; une entrée absente de cette liste a été écartée.
   *[other] Votre plan a été importé ; { $count } entrées absentes de cette liste ont été écartées.
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
kind-prior-learning = Reconnaissance des acquis
kind-career = Métier
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
count-steps = { $count ->
    [one] { $count } étape
   *[other] { $count } étapes
}
action-details = Détails
action-details-label = Détails : { $title }
action-set-goal = En faire mon objectif
action-set-goal-label = En faire mon objectif : { $title }

## Programmes et progression

programs-help = Tous les programmes que vous pouvez obtenir en cumulant des titres, et où vous en êtes.
programs-none = Cet établissement ne propose aucun programme qui s’obtient en cumulant des titres.
programs-count = Programmes affichés : { $shown } sur { $total }.
programs-more = { $count ->
    [one] Afficher un programme de plus
   *[other] Afficher { $count } programmes de plus
}
progress-label = Progression vers { $title }
progress-percent = { $percent } % terminé
program-counts-toward = Contribue à : { $names }
program-route = Pour terminer au moindre coût :
program-route-pending = en cours de calcul…
program-is-goal = Votre objectif
program-held = Vous avez obtenu ce programme.

## Groupes d’exigences (cartes de programme et détails)

count-credits = { $count ->
    [one] { $count } crédit
   *[other] { $count } crédits
}
# $kind : all, one (un « all » d’un seul élément), any, choose, credits.
group-name = { $has_label ->
    [yes] { $kind ->
        [all] { $label } : tous ces titres
        [one] { $label } : obligatoire
        [any] { $label } : un au choix parmi
        [choose] { $label } : { $need } au choix parmi
       *[credits] { $credits ->
            [one] { $label } : { $credits } crédit parmi
           *[other] { $label } : { $credits } crédits parmi
        }
    }
   *[no] { $kind ->
        [all] Tous ces titres
        [one] Obligatoire
        [any] Un au choix parmi
        [choose] { $need } au choix parmi
       *[credits] { $credits ->
            [one] { $credits } crédit parmi
           *[other] { $credits } crédits parmi
        }
    }
}
group-complete = Rempli
group-still-needed = À obtenir : encore { $count }
group-still-needed-credits = { $credits ->
    [one] À obtenir : encore { $credits } crédit
   *[other] À obtenir : encore { $credits } crédits
}
member-held = Obtenu
member-planned = Prévu
member-started = En cours
member-missing = À obtenir
member-via = grâce à { $names }
members-more = { $count ->
    [one] et un autre
   *[other] et { $count } autres
}
groups-more = { $count ->
    [one] Un autre groupe figure dans les détails.
   *[other] { $count } autres groupes figurent dans les détails.
}
