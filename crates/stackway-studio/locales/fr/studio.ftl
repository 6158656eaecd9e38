# Les mots de Stackway Studio, en français. Chaque message a son jumeau anglais dans
# locales/en/studio.ftl (tests/messages.rs le vérifie).

## Le cadre
skip-to-editor = Aller à l'éditeur
toolbar = Actions sur le flux
sections = Parties du flux
side-panel = Aperçu et problèmes
interface-language = Langue de l'interface
no-file = Aucun fichier ouvert
file-in-browser = Conservé dans ce navigateur; téléchargez-le pour l'enregistrer dans un fichier
file-new = { $path } (nouveau : le premier enregistrement le crée)
status-saved = Toutes les modifications sont enregistrées
status-unsaved = Modifications non enregistrées
undo = Annuler
redo = Rétablir
undo-shortcut = Annuler (Ctrl+Z)
redo-shortcut = Rétablir (Ctrl+Maj+Z)
save = Enregistrer
download = Télécharger
open = Ouvrir un flux…
new-feed = Nouveau flux
import = Importer…
dismiss = Fermer
cancel = Annuler
remove = Retirer
untitled = (sans titre)
choose-one = Choisir…

## Messages
saved = Enregistré. La version précédente est conservée à côté, dans un fichier .bak.
save-failed = Le flux n'a pas pu être enregistré : { $error }
downloaded = Téléchargé sous le nom { $file }.
open-failed = Le fichier n'a pas pu être lu : { $error }
open-not-json = Ce fichier n'est pas du JSON; le studio ne peut pas le modifier ({ $error }). Corrigez-le dans un éditeur de texte ou commencez un nouveau flux.
draft-restored = Brouillon conservé dans ce navigateur le { $time } restauré.
draft-available = Ce navigateur a conservé un brouillon de ce fichier avec des modifications non enregistrées ({ $time }). Ouvrez-le dans une nouvelle fenêtre avec « Ouvrir un flux… » au besoin.
token-refused = Cette page n'a pas été ouverte avec le lien affiché par « stackway studio »; elle ne peut donc ni lire ni enregistrer le fichier. Utilisez ce lien (il porte une clé valable pour cette session seulement).
server-unreachable = Le serveur du studio n'a pas répondu : { $error }

## Accueil (aucun flux ouvert)
welcome-heading = Stackway Studio
welcome-text = Créez, vérifiez et prévisualisez un flux Stackway : les titres de compétences de votre établissement et leur empilement. Commencez un nouveau flux, ouvrez-en un ou importez un tableur ou un parcours CTDL.
welcome-privacy = Tout reste dans ce navigateur : rien n'est téléversé. Le travail non enregistré y est conservé comme brouillon.

## Parties
section-feed = Flux et fournisseur
section-institutions = Établissements
section-skills = Compétences
section-credentials = Titres
section-equivalences = Équivalences
section-pathways = Parcours
missing-translations = { $count ->
    [0] Aucune traduction manquante
    [one] 1 traduction manquante
   *[other] { $count } traductions manquantes
}
count-problems = { $count ->
    [one] 1 problème
   *[other] { $count } problèmes
}
count-errors = { $count ->
    [one] 1 erreur
   *[other] { $count } erreurs
}
count-warnings = { $count ->
    [one] 1 avertissement
   *[other] { $count } avertissements
}

## Champs
field-required = obligatoire
text-all-languages = Toutes les langues
text-translate-separately = Donner un texte à chaque langue
text-missing = { $language } manquant
lang-name-en = Anglais
lang-name-fr = Français
lang-name-en-ca = Anglais (Canada)
lang-name-fr-ca = Français (Canada)
id-empty = Un identifiant ne peut pas être vide.
id-taken = L'identifiant « { $id } » est déjà utilisé.
id-rule = Utilisez des lettres minuscules, des chiffres, « . », « _ » ou « - », en commençant par une lettre ou un chiffre (64 au plus).
id-use-suggestion = Utiliser « { $id } »
id-uses = { $count ->
    [one] Utilisé à 1 endroit; le renommer le change là aussi.
   *[other] Utilisé à { $count } endroits; le renommer les change tous.
}
id-suggested-help = Proposé à partir du titre; les autres parties du flux s'en servent pour désigner ce titre.
list-add = Ajouter
list-add-to = Ajouter à { $list }
item-field = { $item } : { $field }
list-move-up = Monter { $item }
list-move-down = Descendre { $item }
list-remove = Retirer { $item }
item-remove = Retirer { $item }
severity-error = Erreur
severity-warning = Avertissement
diag-detail = Détails ({ $code }) :

## Le flux
group-feed = Le flux

## Établissements, compétences
institutions-intro = Partenaires et établissements d'origine des transferts. Un titre peut en désigner un comme fournisseur.
institutions-add = Ajouter un établissement
institutions-none = Aucun autre établissement pour l'instant.
skills-intro = Les compétences que les titres développent, éventuellement tirées d'un référentiel publié.
skills-add = Ajouter une compétence
skills-none = Aucune compétence pour l'instant.

## Titres
credential-add = Ajouter un titre
credential-add-submit = Ajouter
new-title-in = Titre ({ $language })
credential-count = { $shown } sur { $total } affichés
search = Rechercher
search-placeholder = Titre ou identifiant
filter-kind = Type
filter-any-kind = Tous les types
filter-show = Afficher
filter-all = Tout
filter-stackable = Titres empilables seulement
filter-problems = Avec des problèmes
show-more = En afficher { $count } de plus
stackable = empilable
back-to-list = ← Tous les titres
credential-delete = Supprimer
credential-delete-used = « { $id } » est utilisé à { $count ->
    [one] 1 endroit
   *[other] { $count } endroits
} (exigences, équivalences, parcours).
credential-delete-with-uses = Le supprimer et le retirer de ces endroits
credential-delete-keep-uses = Le supprimer seulement (ces endroits seront signalés comme problèmes)
credential-gone = Ce titre n'existe plus.
group-basics = Ce que c'est
group-size = Durée, coût et mode de prestation
group-content = Ce qu'il enseigne
group-stacking = Comment il s'empile
provider-default = Le fournisseur du flux
outcome-item = Résultat { $number }
outcome-add = Ajouter un résultat
employer-item = Employeur { $number }
employer-add = Ajouter un employeur
counts-toward = Compte pour
counts-toward-none = Il ne compte encore pour aucun titre empilable.
counts-toward-add-label = Le faire compter pour
counts-toward-add = L'ajouter à son exigence

## Exigences
req-start = Type d'exigence
req-none = Aucune
req-name-requires = Exige
req-name-prerequisites = Préalables
req-kind-credential = Un titre
req-kind-of = Type du groupe { $item }
req-count-of = { $field } dans { $item }
req-credential-of = Titre : { $item }
req-unknown = (aucun titre ne porte cet identifiant)
req-move-up = Monter { $item }
req-move-down = Descendre { $item }
req-remove = Retirer { $item }
req-move-up-short = Monter
req-move-down-short = Descendre
req-remove-short = Retirer
req-add-credential = Ajouter un titre
req-add-group = Ajouter un groupe
req-add-credential-to = Ajouter un titre à { $item }
req-add-group-to = Ajouter un groupe à { $item }
req-make-group = En faire un groupe
req-make-group-of = Faire de { $item } un groupe
req-label-of = Libellé de { $item }

## Équivalences, parcours
equivalences-intro = Transfert de crédits et reconnaissance des acquis : détenir ces titres tient lieu d'un autre.
equivalences-add = Ajouter une équivalence
equivalences-none = Aucune équivalence pour l'instant.
pathways-intro = Des itinéraires choisis vers un objectif, présentés aux personnes apprenantes comme des étapes ordonnées.
pathways-add = Ajouter un parcours
pathways-none = Aucun parcours pour l'instant.

## Problèmes
problems = Problèmes
checking = Vérification…
no-problems = Aucun problème : ce flux est prêt à publier.
problem-summary = { $errors ->
    [one] 1 erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] 1 avertissement
   *[other] { $warnings } avertissements
}
problems-all = Tous les problèmes
problems-errors = Erreurs
problems-warnings = Avertissements
problems-translations = Traductions manquantes

## Aperçu
preview = Aperçu pour les personnes apprenantes
preview-help = Le module des personnes apprenantes, qui affiche ce flux comme elles le verront.
preview-language = Langue
preview-width = Largeur
preview-phone = Téléphone
preview-desktop = Ordinateur
preview-view = Vue
preview-view-programs = Programmes
preview-view-map = Carte
preview-view-explore = Explorer
preview-view-plan = Mon plan
preview-view-pathways = Parcours
what-if = { $count ->
    [0] Et si une personne détenait…
   *[other] Et si une personne détenait… ({ $count })
}
what-if-help = Marquez des titres comme détenus pour voir la progression d'une personne apprenante.
what-if-add-label = Identifiant du titre à marquer comme détenu
what-if-add = Marquer comme détenu
what-if-remove = Ne plus marquer { $id }

## Conflit
conflict-heading = Le fichier a changé sur le disque
conflict-text = Quelqu'un ou quelque chose a modifié le fichier depuis que le studio l'a ouvert. Enregistrer maintenant remplacerait ces modifications. Que voulez-vous faire?
conflict-overwrite = Le remplacer par ma version
conflict-overwrite-help = Leurs modifications sont conservées dans le fichier .bak.
conflict-reload = Ouvrir la version du disque
conflict-reload-help = Annuler ramène votre version.
conflict-download = Télécharger ma version
conflict-download-help = L'enregistrer dans un autre fichier pour comparer.

## Importation
import-heading = Importer un tableur ou un parcours CTDL
import-sheet-text = À partir d'un tableur selon le modèle de Stackway (CSV, XLSX, XLS ou ODS; ses colonnes sont décrites dans docs/spreadsheet.md). Chaque feuille remplace la liste qu'elle contient dans le flux ouvert (un CSV de titres remplace les titres); le reste du flux est conservé.
import-templates = Les modèles :
import-template-xlsx = le flux entier (XLSX)
import-template-csv = les titres seulement (CSV)
import-problems = Problèmes trouvés, par emplacement
import-sheet = Feuille
import-row = Ligne
import-column = Colonne
import-where = Emplacement dans le flux
import-problem = Problème
import-ctdl-text = À partir d'un parcours CTDL (JSON-LD), tel que le Credential Registry le publie.
import-file = Fichier à importer
import-found = { $count ->
    [one] 1 titre trouvé
   *[other] { $count } titres trouvés
}, { $problems ->
    [0] sans problème.
    [one] avec 1 problème :
   *[other] avec { $problems } problèmes :
}
import-nothing = Rien n'a pu être importé de ce fichier.
import-apply = Remplacer le flux ouvert par l'importation
import-replaces = L'importation remplace le flux ouvert; Annuler le ramène.
import-done = { $count } titres importés de { $file }.

## Codes des diagnostics (l'interface anglaise affiche le message du validateur)
code-invalid-json = Ce n'est pas du JSON valide.
code-missing-field = Un champ obligatoire est vide.
code-wrong-type = Cette valeur n'a pas le bon type.
code-unknown-kind = Ce n'est pas l'un des neuf types.
code-unknown-delivery = Ce n'est pas un mode de prestation (en ligne, en personne, hybride).
code-duplicate-id = Cet identifiant est déjà utilisé dans la même liste.
code-invalid-id = Cet identifiant ne respecte pas la règle des identifiants.
code-invalid-language = Ce n'est pas une étiquette de langue.
code-unknown-credential = Aucun titre ne porte cet identifiant.
code-unknown-skill = Aucune compétence ne porte cet identifiant.
code-unknown-institution = Aucun établissement ne porte cet identifiant.
code-requires-cycle = Les exigences tournent en rond.
code-prerequisites-cycle = Les préalables tournent en rond.
code-invalid-requirement = Un groupe doit être exactement l'un de : tous, un de, un nombre parmi, crédits parmi.
code-choose-too-large = Il demande d'en choisir plus que la liste n'en contient.
code-credits-unreachable = La liste ne peut pas donner autant de crédits.
code-nested-group-in-credits = Une liste de crédits ne contient que des identifiants de titres.
code-number-out-of-range = Ce nombre est hors limites.
code-invalid-currency = Ce n'est pas un code de devise ISO 4217 en vigueur.
code-invalid-date = Ce n'est pas une date réelle (AAAA-MM-JJ).
code-invalid-url = Ce n'est pas une adresse http(s) absolue.
code-empty-list = Cette liste est vide.
code-empty-text = Ce texte n'a aucune langue.
code-missing-translation = Il manque une traduction.
code-unknown-key = Une clé que le format ne connaît pas.
code-duplicate-key = Une clé écrite deux fois.
code-duplicate-language = Une langue écrite deux fois.
code-missing-version = La version du format manque.
code-unsupported-version = Ce n'est pas la version 1 du format.
code-unreadable-file = Ce fichier ne peut pas être lu comme un tableur.
code-unknown-sheet = Une feuille que le modèle n'a pas; elle n'a pas été lue.
code-missing-value = Une cellule obligatoire est vide.
code-not-a-number = Ce n'est pas un nombre; la valeur est gardée comme texte.
code-bad-expression = L'expression d'exigences est illisible; elle est gardée comme texte.
code-duplicate-column = Une colonne écrite deux fois; la première compte.
code-cell-error = Le tableur affiche une erreur dans cette cellule (une formule qui a échoué).
