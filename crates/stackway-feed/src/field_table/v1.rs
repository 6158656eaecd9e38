//! The table of feed format v1. Objects come in the order the documentation presents them;
//! fields in the order the documentation lists them, which is also the canonical order of keys.
//! Each field's `subject` is the validator's wording: diagnostics quote it, and their snapshots
//! pin it.

use super::{words, Choice, Doc, Empty, Field, List, Object, Range, Target, Type};

/// Upper bounds that catch unit mistakes (minutes typed as hours, cents as dollars).
const MAX_HOURS: f64 = 100_000.0;
const MAX_CREDITS: f64 = 10_000.0;
const MAX_WEEKS: f64 = 1_000.0;
const MAX_YEARS: f64 = 100.0;
const MAX_AMOUNT: f64 = 1_000_000_000.0;

const fn at_least(min: f64, max: f64) -> Range {
    Range {
        min,
        min_exclusive: false,
        max,
    }
}

const fn above(min: f64, max: f64) -> Range {
    Range {
        min,
        min_exclusive: true,
        max,
    }
}

/// Every object of the format, in the documentation's order.
pub static OBJECTS: [&Object; 13] = [
    &FEED,
    &INSTITUTION,
    &SKILL,
    &CREDENTIAL,
    &COST,
    &EMPLOYER,
    &BADGE,
    &ALL_GROUP,
    &ANY_GROUP,
    &CHOOSE_GROUP,
    &CREDITS_GROUP,
    &EQUIVALENCE,
    &PATHWAY,
];

/// The four requirement groups; each is told by its first field's key.
pub static REQUIREMENT_GROUPS: [&Object; 4] =
    [&ALL_GROUP, &ANY_GROUP, &CHOOSE_GROUP, &CREDITS_GROUP];

/// What a requirement is, for the documentation and the studio's requirement editor.
pub static REQUIREMENT: Doc = words!(
    "Requirement",
    "Exigence",
    "A requirement is a tree. Each node is a credential id (that credential) or one of the four groups below. Every group may carry a `label`, shown to learners (e.g. \"Electives\"), and its lists are non-empty. A stackable credential may appear inside another one's requirement: that is a *ladder* (a certificate that counts into a diploma). Cycles, through `requires` or through `prerequisites`, are errors.",
    "Une exigence est un arbre. Chaque nœud est l'identifiant d'un titre (ce titre) ou l'un des quatre groupes ci-dessous. Chaque groupe peut porter une étiquette (`label`) montrée aux personnes apprenantes (p. ex. « Cours au choix »), et ses listes ne sont jamais vides. Un titre cumulable peut figurer dans l'exigence d'un autre : c'est une *échelle* (un certificat qui compte pour un diplôme). Les cycles, par `requires` ou par `prerequisites`, sont des erreurs.",
);

pub static FEED: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "feed",
    subject: "the feed",
    doc: words!(
        "Feed",
        "Flux",
        "The whole document: one institution's offer.",
        "Le document entier : l'offre d'un établissement.",
    ),
    fields: &[
        Field {
            key: "$schema",
            ty: Type::String,
            required: false,
            subject: "`$schema`",
            doc: words!(
                "Schema",
                "Schéma",
                "URL of the JSON Schema, for editors. Ignored by Stackway.",
                "URL du schéma JSON, pour les éditeurs. Ignorée par Stackway.",
            ),
        },
        Field {
            key: "stackway",
            ty: Type::Version,
            required: true,
            subject: "`stackway`",
            doc: words!(
                "Format version",
                "Version du format",
                "Format version: always `1`.",
                "Version du format : toujours `1`.",
            ),
        },
        Field {
            key: "id",
            ty: Type::Id,
            required: true,
            subject: "the feed id",
            doc: words!(
                "Feed id",
                "Identifiant du flux",
                "Feed id (used, for example, to key a learner's saved plan).",
                "Identifiant du flux (il sert, par exemple, de clé au plan enregistré d'une personne apprenante).",
            ),
        },
        Field {
            key: "updated",
            ty: Type::Date,
            required: false,
            subject: "`updated`",
            doc: words!(
                "Last updated",
                "Dernière mise à jour",
                "Date of the last update.",
                "Date de la dernière mise à jour.",
            ),
        },
        Field {
            key: "languages",
            ty: Type::List(&List {
                item: Type::LanguageTag,
                item_subject: "a language tag",
                empty: Empty::Error,
                unique: true,
            }),
            required: true,
            subject: "`languages`",
            doc: words!(
                "Languages",
                "Langues",
                "Non-empty. The first is the default language.",
                "Non vide. La première est la langue par défaut.",
            ),
        },
        Field {
            key: "credit_label",
            ty: Type::Text,
            required: false,
            subject: "`credit_label`",
            doc: words!(
                "Name of a credit",
                "Nom d'un crédit",
                "What a credit is called here (\"credits\", \"units\").",
                "Comment on appelle un crédit ici (« crédits », « unités »).",
            ),
        },
        Field {
            key: "provider",
            ty: Type::Object(&INSTITUTION),
            required: true,
            subject: "`provider`",
            doc: words!(
                "Provider",
                "Fournisseur",
                "The feed's owner. Credentials without `provider` are theirs.",
                "Le propriétaire du flux. Les titres sans `provider` sont les siens.",
            ),
        },
        Field {
            key: "institutions",
            ty: Type::List(&List {
                item: Type::Object(&INSTITUTION),
                item_subject: "",
                empty: Empty::Warning,
                unique: false,
            }),
            required: false,
            subject: "`institutions`",
            doc: words!(
                "Other institutions",
                "Autres établissements",
                "Partners and transfer sources.",
                "Partenaires et établissements d'origine des transferts de crédits.",
            ),
        },
        Field {
            key: "skills",
            ty: Type::List(&List {
                item: Type::Object(&SKILL),
                item_subject: "",
                empty: Empty::Warning,
                unique: false,
            }),
            required: false,
            subject: "`skills`",
            doc: words!(
                "Skills",
                "Compétences",
                "Skills that credentials teach.",
                "Compétences que les titres enseignent.",
            ),
        },
        Field {
            key: "credentials",
            ty: Type::List(&List {
                item: Type::Object(&CREDENTIAL),
                item_subject: "",
                empty: Empty::Error,
                unique: false,
            }),
            required: true,
            subject: "`credentials`",
            doc: words!(
                "Credentials",
                "Titres",
                "Non-empty. Every credential of the offer.",
                "Non vide. Tous les titres de l'offre.",
            ),
        },
        Field {
            key: "equivalences",
            ty: Type::List(&List {
                item: Type::Object(&EQUIVALENCE),
                item_subject: "",
                empty: Empty::Warning,
                unique: false,
            }),
            required: false,
            subject: "`equivalences`",
            doc: words!(
                "Equivalences",
                "Équivalences",
                "Credit transfer and prior-learning rules.",
                "Règles de transfert de crédits et de reconnaissance des acquis.",
            ),
        },
        Field {
            key: "pathways",
            ty: Type::List(&List {
                item: Type::Object(&PATHWAY),
                item_subject: "",
                empty: Empty::Warning,
                unique: false,
            }),
            required: false,
            subject: "`pathways`",
            doc: words!(
                "Pathways",
                "Parcours",
                "Curated routes to show learners.",
                "Parcours proposés aux personnes apprenantes.",
            ),
        },
    ],
};

pub static INSTITUTION: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "institution",
    subject: "an institution",
    doc: words!(
        "Institution",
        "Établissement",
        "The feed's owner, a partner, or a transfer source.",
        "Le propriétaire du flux, un partenaire ou un établissement d'origine.",
    ),
    fields: &[
        Field {
            key: "id",
            ty: Type::Id,
            required: true,
            subject: "the institution id",
            doc: words!(
                "Id",
                "Identifiant",
                "Unique among the provider and `institutions`.",
                "Unique parmi le fournisseur et `institutions`.",
            ),
        },
        Field {
            key: "name",
            ty: Type::Text,
            required: true,
            subject: "the institution's name",
            doc: words!("Name", "Nom", "Display name.", "Nom affiché."),
        },
        Field {
            key: "url",
            ty: Type::Url,
            required: false,
            subject: "`url`",
            doc: words!("Web site", "Site web", "Home page.", "Page d'accueil."),
        },
    ],
};

pub static SKILL: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "skill",
    subject: "a skill",
    doc: words!(
        "Skill",
        "Compétence",
        "A skill that credentials teach, optionally from a published framework.",
        "Une compétence que des titres enseignent, éventuellement tirée d'un cadre publié.",
    ),
    fields: &[
        Field {
            key: "id",
            ty: Type::Id,
            required: true,
            subject: "the skill id",
            doc: words!(
                "Id",
                "Identifiant",
                "Unique among skills.",
                "Unique parmi les compétences.",
            ),
        },
        Field {
            key: "name",
            ty: Type::Text,
            required: true,
            subject: "the skill's name",
            doc: words!("Name", "Nom", "Display name.", "Nom affiché."),
        },
        Field {
            key: "framework",
            ty: Type::String,
            required: false,
            subject: "`framework`",
            doc: words!(
                "Framework",
                "Cadre",
                "The framework it comes from, e.g. \"ESDC Skills and Competencies Taxonomy\".",
                "Le cadre dont elle provient, p. ex. « Taxonomie des compétences d'EDSC ».",
            ),
        },
        Field {
            key: "uri",
            ty: Type::Url,
            required: false,
            subject: "`uri`",
            doc: words!(
                "URI in the framework",
                "URI dans le cadre",
                "The skill's URI in that framework.",
                "L'URI de la compétence dans ce cadre.",
            ),
        },
    ],
};

pub static CREDENTIAL: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "credential",
    subject: "a credential",
    doc: words!(
        "Credential",
        "Titre",
        "One credential of the offer, from a two-hour badge to a four-year degree.",
        "Un titre de l'offre, du badge de deux heures au baccalauréat de quatre ans.",
    ),
    fields: &[
        Field {
            key: "id",
            ty: Type::Id,
            required: true,
            subject: "the credential id",
            doc: words!(
                "Id",
                "Identifiant",
                "Unique among credentials.",
                "Unique parmi les titres.",
            ),
        },
        Field {
            key: "kind",
            ty: Type::Kind,
            required: true,
            subject: "`kind`",
            doc: words!(
                "Kind",
                "Type",
                "What sort of credential this is.",
                "La sorte de titre dont il s'agit.",
            ),
        },
        Field {
            key: "title",
            ty: Type::Text,
            required: true,
            subject: "the title",
            doc: words!("Title", "Titre", "Display title.", "Titre affiché."),
        },
        Field {
            key: "summary",
            ty: Type::Text,
            required: false,
            subject: "the summary",
            doc: words!(
                "Summary",
                "Résumé",
                "One or two sentences for cards.",
                "Une ou deux phrases pour les fiches.",
            ),
        },
        Field {
            key: "url",
            ty: Type::Url,
            required: false,
            subject: "`url`",
            doc: words!(
                "Web page",
                "Page web",
                "The institution's page for it.",
                "La page que l'établissement lui consacre.",
            ),
        },
        Field {
            key: "provider",
            ty: Type::Ref(Target::Institution),
            required: false,
            subject: "`provider`",
            doc: words!(
                "Offered by",
                "Offert par",
                "Who offers it; default: the feed's provider.",
                "Qui l'offre ; par défaut, le fournisseur du flux.",
            ),
        },
        Field {
            key: "hours",
            ty: Type::Number(&at_least(0.0, MAX_HOURS)),
            required: false,
            subject: "`hours`",
            doc: words!(
                "Hours",
                "Heures",
                "Learning hours.",
                "Heures d'apprentissage.",
            ),
        },
        Field {
            key: "credits",
            ty: Type::Number(&at_least(0.0, MAX_CREDITS)),
            required: false,
            subject: "`credits`",
            doc: words!(
                "Credits",
                "Crédits",
                "Credits it gives toward `credits` requirements.",
                "Crédits qu'il apporte aux exigences en crédits (`credits`).",
            ),
        },
        Field {
            key: "weeks",
            ty: Type::Number(&at_least(0.0, MAX_WEEKS)),
            required: false,
            subject: "`weeks`",
            doc: words!(
                "Weeks",
                "Semaines",
                "Typical duration.",
                "Durée habituelle.",
            ),
        },
        Field {
            key: "cost",
            ty: Type::Object(&COST),
            required: false,
            subject: "`cost`",
            doc: words!("Cost", "Coût", "Price.", "Prix."),
        },
        Field {
            key: "delivery",
            ty: Type::List(&List {
                item: Type::Delivery,
                item_subject: "a delivery mode",
                empty: Empty::Warning,
                unique: true,
            }),
            required: false,
            subject: "`delivery`",
            doc: words!(
                "Delivery",
                "Mode de prestation",
                "How it is delivered.",
                "Comment il est offert.",
            ),
        },
        Field {
            key: "level",
            ty: Type::Text,
            required: false,
            subject: "`level`",
            doc: words!(
                "Level",
                "Niveau",
                "E.g. \"Introductory\".",
                "P. ex. « Initiation ».",
            ),
        },
        Field {
            key: "tags",
            ty: Type::List(&List {
                item: Type::String,
                item_subject: "a tag",
                empty: Empty::Warning,
                unique: false,
            }),
            required: false,
            subject: "`tags`",
            doc: words!(
                "Tags",
                "Étiquettes",
                "Free-form tags (fields of study, for filters).",
                "Étiquettes libres (domaines d'études, pour les filtres).",
            ),
        },
        Field {
            key: "skills",
            ty: Type::List(&List {
                item: Type::Ref(Target::Skill),
                item_subject: "",
                empty: Empty::Warning,
                unique: false,
            }),
            required: false,
            subject: "`skills`",
            doc: words!(
                "Skills",
                "Compétences",
                "Skills it teaches.",
                "Compétences qu'il enseigne.",
            ),
        },
        Field {
            key: "outcomes",
            ty: Type::List(&List {
                item: Type::Text,
                item_subject: "a learning outcome",
                empty: Empty::Warning,
                unique: false,
            }),
            required: false,
            subject: "`outcomes`",
            doc: words!(
                "Learning outcomes",
                "Résultats d'apprentissage",
                "Learning outcomes.",
                "Résultats d'apprentissage.",
            ),
        },
        Field {
            key: "assessment",
            ty: Type::Text,
            required: false,
            subject: "`assessment`",
            doc: words!(
                "Assessment",
                "Évaluation",
                "How learners are assessed.",
                "Comment les personnes apprenantes sont évaluées.",
            ),
        },
        Field {
            key: "employers",
            ty: Type::List(&List {
                item: Type::Object(&EMPLOYER),
                item_subject: "",
                empty: Empty::Warning,
                unique: false,
            }),
            required: false,
            subject: "`employers`",
            doc: words!(
                "Employer partners",
                "Employeurs partenaires",
                "Employer partners.",
                "Employeurs partenaires.",
            ),
        },
        Field {
            key: "badge",
            ty: Type::Object(&BADGE),
            required: false,
            subject: "`badge`",
            doc: words!(
                "Badge",
                "Badge",
                "The Open Badges achievement it is issued as.",
                "La réalisation Open Badges sous laquelle il est délivré.",
            ),
        },
        Field {
            key: "requires",
            ty: Type::Requirement,
            required: false,
            subject: "`requires`",
            doc: words!(
                "Earned by stacking",
                "Obtenu par cumul",
                "How this credential is earned by stacking others. A credential with `requires` is *stackable*.",
                "Comment ce titre s'obtient en cumulant d'autres titres. Un titre qui a `requires` est *cumulable*.",
            ),
        },
        Field {
            key: "prerequisites",
            ty: Type::Requirement,
            required: false,
            subject: "`prerequisites`",
            doc: words!(
                "Prerequisites",
                "Préalables",
                "What must be held before starting it (not consumed).",
                "Ce qu'il faut détenir avant de le commencer (sans que cela soit consommé).",
            ),
        },
        Field {
            key: "valid_years",
            ty: Type::Number(&above(0.0, MAX_YEARS)),
            required: false,
            subject: "`valid_years`",
            doc: words!(
                "Valid for (years)",
                "Valide pendant (années)",
                "How long it counts toward stacking after it is earned.",
                "Pendant combien de temps il compte pour un cumul une fois obtenu.",
            ),
        },
    ],
};

pub static COST: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "cost",
    subject: "`cost`",
    doc: words!(
        "Cost",
        "Coût",
        "A price in one currency.",
        "Un prix dans une devise.",
    ),
    fields: &[
        Field {
            key: "amount",
            ty: Type::Number(&at_least(0.0, MAX_AMOUNT)),
            required: true,
            subject: "the amount",
            doc: words!(
                "Amount",
                "Montant",
                "In the currency given.",
                "Dans la devise indiquée.",
            ),
        },
        Field {
            key: "currency",
            ty: Type::Currency,
            required: true,
            subject: "the currency",
            doc: words!(
                "Currency",
                "Devise",
                "An active ISO 4217 code such as `CAD`.",
                "Un code ISO 4217 en vigueur comme `CAD`.",
            ),
        },
    ],
};

pub static EMPLOYER: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "employer",
    subject: "an employer",
    doc: words!(
        "Employer",
        "Employeur",
        "An employer partner of a credential.",
        "Un employeur partenaire d'un titre.",
    ),
    fields: &[
        Field {
            key: "name",
            ty: Type::Text,
            required: true,
            subject: "the employer's name",
            doc: words!("Name", "Nom", "Display name.", "Nom affiché."),
        },
        Field {
            key: "url",
            ty: Type::Url,
            required: false,
            subject: "`url`",
            doc: words!("Web site", "Site web", "Web site.", "Site web."),
        },
    ],
};

pub static BADGE: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "badge",
    subject: "`badge`",
    doc: words!(
        "Badge",
        "Badge",
        "The Open Badges achievement a credential is issued as.",
        "La réalisation Open Badges sous laquelle un titre est délivré.",
    ),
    fields: &[
        Field {
            key: "achievement",
            ty: Type::Url,
            required: true,
            subject: "`achievement`",
            doc: words!(
                "Achievement",
                "Réalisation",
                "URL (id) of the Open Badges achievement.",
                "URL (identifiant) de la réalisation Open Badges.",
            ),
        },
        Field {
            key: "image",
            ty: Type::Url,
            required: false,
            subject: "`image`",
            doc: words!(
                "Image",
                "Image",
                "URL of the badge image.",
                "URL de l'image du badge.",
            ),
        },
    ],
};

/// A group's optional label (the same field in every group).
const GROUP_LABEL: Field = Field {
    key: "label",
    ty: Type::Text,
    required: false,
    subject: "the group label",
    doc: words!(
        "Label",
        "Étiquette",
        "Shown to learners, e.g. \"Electives\".",
        "Montrée aux personnes apprenantes, p. ex. « Cours au choix ».",
    ),
};

/// The children of an `all`, `any` or `choose` group.
static REQUIREMENT_LIST: List = List {
    item: Type::Requirement,
    item_subject: "",
    empty: Empty::Error,
    unique: false,
};

pub static ALL_GROUP: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "all-group",
    subject: "an `all` group",
    doc: words!("All of", "Tous", "Every item.", "Tous les éléments.",),
    fields: &[
        Field {
            key: "all",
            ty: Type::List(&REQUIREMENT_LIST),
            required: true,
            subject: "`all`",
            doc: words!(
                "Items",
                "Éléments",
                "Requirements that must all be met.",
                "Exigences qui doivent toutes être remplies.",
            ),
        },
        GROUP_LABEL,
    ],
};

pub static ANY_GROUP: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "any-group",
    subject: "an `any` group",
    doc: words!(
        "Any of",
        "L'un des",
        "At least one item.",
        "Au moins un élément.",
    ),
    fields: &[
        Field {
            key: "any",
            ty: Type::List(&REQUIREMENT_LIST),
            required: true,
            subject: "`any`",
            doc: words!(
                "Items",
                "Éléments",
                "Requirements of which one is enough.",
                "Exigences dont une seule suffit.",
            ),
        },
        GROUP_LABEL,
    ],
};

pub static CHOOSE_GROUP: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "choose-group",
    subject: "a `choose` group",
    doc: words!(
        "Choose",
        "Au choix",
        "`n` distinct items (`n` is a whole number ≥ 1, at most the list's length).",
        "`n` éléments distincts (`n` est un nombre entier ≥ 1, au plus la longueur de la liste).",
    ),
    fields: &[
        Field {
            key: "choose",
            ty: Type::Integer(&at_least(1.0, u32::MAX as f64)),
            required: true,
            subject: "`choose`",
            doc: words!(
                "How many",
                "Combien",
                "How many distinct items; at most the list's length.",
                "Combien d'éléments distincts ; au plus la longueur de la liste.",
            ),
        },
        Field {
            key: "from",
            ty: Type::List(&REQUIREMENT_LIST),
            required: true,
            subject: "`from`",
            doc: words!(
                "From",
                "Parmi",
                "The items to choose from.",
                "Les éléments parmi lesquels choisir.",
            ),
        },
        GROUP_LABEL,
    ],
};

pub static CREDITS_GROUP: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "credits-group",
    subject: "a `credits` group",
    doc: words!(
        "Credits from",
        "Crédits parmi",
        "Distinct listed credentials whose `credits` add up to at least `x` (`x` > 0). Only ids here, no nested groups; the list must be able to give `x`.",
        "Des titres distincts de la liste dont les crédits (`credits`) totalisent au moins `x` (`x` > 0). Des identifiants seulement, sans groupe imbriqué ; la liste doit pouvoir fournir `x`.",
    ),
    fields: &[
        Field {
            key: "credits",
            ty: Type::Number(&above(0.0, MAX_CREDITS)),
            required: true,
            subject: "`credits`",
            doc: words!(
                "Credits needed",
                "Crédits requis",
                "At least this many credits; the list must be able to give them.",
                "Au moins ce nombre de crédits ; la liste doit pouvoir les fournir.",
            ),
        },
        Field {
            key: "from",
            ty: Type::List(&List {
                item: Type::Ref(Target::Credential),
                item_subject: "a credential id",
                empty: Empty::Error,
                unique: false,
            }),
            required: true,
            subject: "`from`",
            doc: words!(
                "From",
                "Parmi",
                "Credential ids only, no nested groups.",
                "Des identifiants de titres seulement, sans groupe imbriqué.",
            ),
        },
        GROUP_LABEL,
    ],
};

pub static EQUIVALENCE: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "equivalence",
    subject: "an equivalence",
    doc: words!(
        "Equivalence",
        "Équivalence",
        "Credit transfer and prior-learning assessment: holding some credentials stands in for another.",
        "Transfert de crédits et reconnaissance des acquis : détenir certains titres tient lieu d'un autre.",
    ),
    fields: &[
        Field {
            key: "holding",
            ty: Type::List(&List {
                item: Type::Ref(Target::Credential),
                item_subject: "",
                empty: Empty::Error,
                unique: false,
            }),
            required: true,
            subject: "`holding`",
            doc: words!(
                "Holding",
                "En détenant",
                "Credentials that, all held, stand in for `counts_as`.",
                "Les titres qui, tous détenus, tiennent lieu de `counts_as`.",
            ),
        },
        Field {
            key: "counts_as",
            ty: Type::Ref(Target::Credential),
            required: true,
            subject: "`counts_as`",
            doc: words!(
                "Counts as",
                "Compte comme",
                "The credential they stand in for.",
                "Le titre dont ils tiennent lieu.",
            ),
        },
        Field {
            key: "toward",
            ty: Type::List(&List {
                item: Type::Ref(Target::Credential),
                item_subject: "",
                empty: Empty::Error,
                unique: false,
            }),
            required: false,
            subject: "`toward`",
            doc: words!(
                "Toward",
                "Pour",
                "Where the rule applies; omitted means everywhere.",
                "Là où la règle s'applique ; absente, elle s'applique partout.",
            ),
        },
        Field {
            key: "note",
            ty: Type::Text,
            required: false,
            subject: "the note",
            doc: words!(
                "Note",
                "Note",
                "Conditions to show learners (minimum grade, time limits).",
                "Conditions à montrer aux personnes apprenantes (note minimale, délais).",
            ),
        },
    ],
};

pub static PATHWAY: Object = Object {
    #[cfg(feature = "field-docs")]
    name: "pathway",
    subject: "a pathway",
    doc: words!(
        "Pathway",
        "Parcours",
        "A curated route to a goal, shown to learners as ordered steps.",
        "Un parcours proposé vers un but, montré aux personnes apprenantes comme une suite d'étapes.",
    ),
    fields: &[
        Field {
            key: "id",
            ty: Type::Id,
            required: true,
            subject: "the pathway id",
            doc: words!(
                "Id",
                "Identifiant",
                "Unique among pathways.",
                "Unique parmi les parcours.",
            ),
        },
        Field {
            key: "title",
            ty: Type::Text,
            required: true,
            subject: "the title",
            doc: words!("Title", "Titre", "Display title.", "Titre affiché."),
        },
        Field {
            key: "summary",
            ty: Type::Text,
            required: false,
            subject: "the summary",
            doc: words!(
                "Summary",
                "Résumé",
                "Who it is for.",
                "À qui il s'adresse.",
            ),
        },
        Field {
            key: "goal",
            ty: Type::Ref(Target::Credential),
            required: true,
            subject: "`goal`",
            doc: words!(
                "Goal",
                "But",
                "The credential the route leads to.",
                "Le titre auquel mène le parcours.",
            ),
        },
        Field {
            key: "steps",
            ty: Type::List(&List {
                item: Type::Ref(Target::Credential),
                item_subject: "",
                empty: Empty::Error,
                unique: false,
            }),
            required: true,
            subject: "`steps`",
            doc: words!(
                "Steps",
                "Étapes",
                "Suggested order.",
                "Ordre suggéré.",
            ),
        },
    ],
};

/// The credential kinds (`feed::Kind::ALL`, in order), with their words.
pub static KINDS: [Choice; 10] = [
    Choice {
        value: "micro-credential",
        doc: words!(
            "Micro-credential",
            "Microcertification",
            "A short, focused credential.",
            "Un titre court et ciblé.",
        ),
    },
    Choice {
        value: "badge",
        doc: words!("Badge", "Badge", "A digital badge.", "Un badge numérique.",),
    },
    Choice {
        value: "course",
        doc: words!("Course", "Cours", "A course.", "Un cours."),
    },
    Choice {
        value: "certificate",
        doc: words!(
            "Certificate",
            "Certificat",
            "A certificate program.",
            "Un programme de certificat.",
        ),
    },
    Choice {
        value: "graduate-certificate",
        doc: words!(
            "Graduate certificate",
            "Certificat d'études supérieures",
            "A certificate for graduates.",
            "Un certificat pour les diplômés.",
        ),
    },
    Choice {
        value: "diploma",
        doc: words!(
            "Diploma",
            "Diplôme",
            "A diploma program.",
            "Un programme de diplôme.",
        ),
    },
    Choice {
        value: "advanced-diploma",
        doc: words!(
            "Advanced diploma",
            "Diplôme avancé",
            "An advanced diploma program.",
            "Un programme de diplôme avancé.",
        ),
    },
    Choice {
        value: "degree",
        doc: words!(
            "Degree",
            "Grade",
            "A degree program.",
            "Un programme menant à un grade.",
        ),
    },
    Choice {
        value: "prior-learning",
        doc: words!(
            "Prior learning",
            "Acquis reconnus",
            "Recognised prior learning or experience.",
            "Des acquis ou une expérience reconnus.",
        ),
    },
    Choice {
        value: "career",
        doc: words!(
            "Career",
            "Métier",
            "An occupation or job the pathway leads to.",
            "Un métier ou un emploi auquel mène le parcours.",
        ),
    },
];

/// The delivery modes (`feed::Delivery::ALL`, in order), with their words.
pub static DELIVERY_MODES: [Choice; 3] = [
    Choice {
        value: "online",
        doc: words!("Online", "En ligne", "Online.", "En ligne."),
    },
    Choice {
        value: "in-person",
        doc: words!("In person", "En personne", "In person.", "En personne."),
    },
    Choice {
        value: "hybrid",
        doc: words!("Hybrid", "Hybride", "Hybrid.", "Hybride."),
    },
];
