# Les résultats du moteur (messages de stackway-core), en français. Les identifiants sont ceux
# du moteur précédés de `engine-` ; les titres arrivent à la place des identifiants de titres.
# Les arguments facultatifs ont un sélecteur `has_<nom>` (« yes » ou « no »).

engine-goal-satisfied = { $goal } : terminé
engine-goal-held = Vous avez obtenu { $goal }
engine-group-count = { $has_label ->
    [yes] { $met } sur { $need } : { $label }
   *[no] { $met } sur { $need } requis
}
engine-group-credits = { $has_label ->
    [yes] { $missing ->
        [one] encore { $missing } crédit ({ $label })
       *[other] encore { $missing } crédits ({ $label })
    }
   *[no] { $missing ->
        [one] encore { $missing } crédit
       *[other] encore { $missing } crédits
    }
}
engine-credential-missing = Il manque encore { $credential }
engine-explain-counted = { $has_via ->
    [yes] { $credential } compte pour { $toward } à la place de { $via }
   *[no] { $credential } compte pour { $toward }
}
engine-explain-expired = { $credential } ne compte plus : obtenu le { $earned }, il a expiré le { $expired_on }
engine-explain-already-used = { $credential } sert déjà dans cet objectif (pour { $used_for }) et ne peut pas compter deux fois
engine-explain-not-accepted = { $credential } n’est pas accepté pour { $goal }
engine-explain-not-needed = { $credential } est accepté pour { $goal } mais pas nécessaire : ces exigences sont déjà remplies
engine-explain-not-held = { $credential } ne fait pas partie de votre plan
engine-infeasible-unknown-credential = { $credential } n’est pas offert dans cette liste : cet objectif ne peut pas être atteint
engine-infeasible-cycle = { $credential } s’exige lui-même : il ne peut pas être obtenu
engine-infeasible-not-enough-options = { $has_label ->
    [yes] { $label } de { $owner } : seulement { $possible } des { $need } requis peuvent être remplis
   *[no] Un groupe de { $owner } : seulement { $possible } des { $need } requis peuvent être remplis
}
engine-infeasible-not-enough-credits = { $has_label ->
    [yes] { $label } de { $owner } : au plus { $possible } des { $need } crédits requis peuvent être obtenus
   *[no] { $owner } : au plus { $possible } des { $need } crédits requis peuvent être obtenus
}
engine-infeasible-prerequisites = Les préalables de { $credential } ne peuvent jamais être remplis
engine-infeasible-shared-credentials = Les exigences de { $goal } partagent des titres, et il n’y en a pas assez de différents pour toutes les remplir
engine-search-limit = La recherche du meilleur parcours s’est arrêtée après { $nodes } étapes ; le parcours affiché n’est peut-être pas le meilleur
