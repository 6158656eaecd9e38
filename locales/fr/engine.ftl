# Les résultats du moteur (messages de stackway-core), en français. Les identifiants sont ceux
# du moteur précédés de `engine-` ; les titres arrivent à la place des identifiants de titres.
# Les arguments facultatifs ont un sélecteur `has_<nom>` (« yes » ou « no »).

engine-goal-satisfied = Toutes les exigences de { $goal } sont remplies
engine-goal-held = Vous avez obtenu { $goal }
engine-group-count = { $has_label ->
    [yes] { $met } sur { $need } : { $label }
   *[no] { $met } sur { $need } requis
}
engine-group-credits = { $has_label ->
    [yes] { $missing ->
        [one] Il manque { $missing } crédit ({ $label })
       *[other] Il manque { $missing } crédits ({ $label })
    }
   *[no] { $missing ->
        [one] Il manque { $missing } crédit
       *[other] Il manque { $missing } crédits
    }
}
engine-credential-missing = Il reste à obtenir { $credential }
engine-explain-counted = { $has_via ->
    [yes] { $credential } compte pour { $toward } à la place de { $via }
   *[no] { $credential } compte pour { $toward }
}
engine-explain-expired = { $credential } ne compte plus : obtenu le { $earned }, sa validité a pris fin le { $expired_on }
engine-explain-already-used = { $credential } compte déjà pour cet objectif (au titre de { $used_for }) et ne peut pas compter deux fois
engine-explain-not-accepted = { $credential } n’est pas reconnu pour { $goal }
engine-explain-not-needed = { $credential } est reconnu pour { $goal }, mais n’est pas nécessaire : ces exigences sont déjà remplies
engine-explain-not-held = { $credential } ne fait pas partie de votre plan
engine-infeasible-unknown-credential = { $credential } n’est pas offert ici : impossible d’atteindre cet objectif
engine-infeasible-cycle = { $credential } figure parmi ses propres exigences : impossible de l’obtenir
engine-infeasible-not-enough-options = { $has_label ->
    [yes] { $label } de { $owner } : seuls { $possible } des { $need } éléments exigés peuvent être obtenus
   *[no] Un groupe de { $owner } : seuls { $possible } des { $need } éléments exigés peuvent être obtenus
}
engine-infeasible-not-enough-credits = { $has_label ->
    [yes] { $label } de { $owner } : on ne peut obtenir que { $possible } des { $need } crédits exigés
   *[no] { $owner } : on ne peut obtenir que { $possible } des { $need } crédits exigés
}
engine-infeasible-prerequisites = Il est impossible de satisfaire aux préalables de { $credential }
engine-infeasible-shared-credentials = Les exigences de { $goal } se recoupent : il n’y a pas assez de titres distincts pour toutes les remplir
engine-search-limit = La recherche du meilleur parcours s’est arrêtée après { $nodes } étapes ; le parcours affiché n’est peut-être pas le meilleur
