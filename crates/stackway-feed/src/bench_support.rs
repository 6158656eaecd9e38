//! Generated feeds shared by the tests and benchmarks of every core crate: the one seeded
//! generator ([`Rng`]), the one feed builder ([`feed`], [`base`]), the map's sample feed
//! ([`map_feed`], the layout's tests and benchmark) and the feed text of the parse benchmark
//! ([`parse_feed_text`], `benches/parse.rs`, `examples/parse_repeat.rs`). The engine's generated
//! instances (`big_feed`, `route_feed`) are in stackway-engine's `bench_support`, which re-exports
//! this module. Behind the `bench-support` feature: not part of the API.

use std::fmt::Write;

use crate::feed::{Cost, Credential, Feed, Institution, Kind, Requirement, Text};

/// A tiny deterministic generator (xorshift), so that a seed describes a whole feed or graph:
/// the one the benchmarks and the generated-feed and generated-graph tests share. A seed of 0
/// stays 0: start from any other.
pub struct Rng(pub u64);
impl Rng {
    /// The next number of the sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        let x = self.next_u64();
        if n == 0 {
            0
        } else {
            x % n
        }
    }

    /// An index into a list of `len` items (0 when it is empty): [`Rng::below`] for lengths.
    pub fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A feed around `credentials`.
pub fn feed(credentials: Vec<Credential>) -> Feed {
    Feed {
        stackway: 1,
        id: "bench".into(),
        updated: None,
        languages: vec!["en".into()],
        credit_label: None,
        provider: Institution {
            id: "p".into(),
            name: Text::from("P"),
            url: None,
        },
        institutions: Vec::new(),
        skills: Vec::new(),
        credentials,
        equivalences: Vec::new(),
        pathways: Vec::new(),
    }
}

/// A micro-credential with random cost, hours, credits and weeks.
pub fn base(r: &mut Rng, id: String) -> Credential {
    let mut c = Credential::new(id, Kind::MicroCredential, "m");
    c.cost = Some(Cost {
        amount: (100 + r.below(10) * 50) as f64,
        currency: "CAD".into(),
    });
    c.hours = Some((10 + r.below(40)) as f64);
    c.credits = Some((1 + r.below(3)) as f64);
    c.weeks = Some((2 + r.below(8)) as f64);
    c
}

/// One field of study of [`map_feed`]: its name, nine micro-credentials, three certificates and
/// two diplomas, each title in English and French.
struct Field {
    key: &'static str,
    micro: [(&'static str, &'static str); 9],
    certificates: [(&'static str, &'static str); 3],
    diplomas: [(&'static str, &'static str); 2],
}

const FIELDS: [Field; 4] = [
    Field {
        key: "data",
        micro: [
            (
                "Data Literacy Foundations",
                "Fondements de la littératie des données",
            ),
            ("SQL for Analysts", "SQL pour les analystes"),
            (
                "Python for Data Analysis",
                "Python pour l’analyse de données",
            ),
            (
                "Applied Statistics for Decision-Making",
                "Statistique appliquée à la prise de décision",
            ),
            (
                "Data Visualization and Storytelling",
                "Visualisation des données et mise en récit",
            ),
            (
                "Machine Learning Essentials",
                "L’essentiel de l’apprentissage automatique",
            ),
            (
                "Data Ethics and Privacy",
                "Éthique et protection des données personnelles",
            ),
            ("Cloud Data Pipelines", "Pipelines de données infonuagiques"),
            (
                "Business Intelligence Dashboards",
                "Tableaux de bord d’intelligence d’affaires",
            ),
        ],
        certificates: [
            (
                "Certificate in Data Analytics",
                "Certificat en analytique des données",
            ),
            (
                "Certificate in Business Intelligence",
                "Certificat en intelligence d’affaires",
            ),
            (
                "Certificate in Applied Machine Learning",
                "Certificat en apprentissage automatique appliqué",
            ),
        ],
        diplomas: [
            (
                "Diploma in Business Analytics",
                "Diplôme en analytique d’affaires",
            ),
            (
                "Advanced Diploma in Data Science",
                "Diplôme avancé en science des données",
            ),
        ],
    },
    Field {
        key: "cyber",
        micro: [
            (
                "Cybersecurity Foundations",
                "Fondements de la cybersécurité",
            ),
            ("Networking for Security", "Réseautique pour la sécurité"),
            (
                "Linux Administration Essentials",
                "L’essentiel de l’administration Linux",
            ),
            (
                "Security Operations Centre Analyst",
                "Analyste en centre des opérations de sécurité",
            ),
            (
                "Incident Response and Digital Forensics",
                "Réponse aux incidents et criminalistique numérique",
            ),
            (
                "Cloud Security Architecture",
                "Architecture de sécurité infonuagique",
            ),
            (
                "Governance, Risk and Compliance",
                "Gouvernance, gestion des risques et conformité",
            ),
            (
                "Ethical Hacking and Penetration Testing",
                "Piratage éthique et tests d’intrusion",
            ),
            (
                "Identity and Access Management",
                "Gestion des identités et des accès",
            ),
        ],
        certificates: [
            (
                "Certificate in Cybersecurity Operations",
                "Certificat en opérations de cybersécurité",
            ),
            (
                "Certificate in Cloud Security",
                "Certificat en sécurité infonuagique",
            ),
            (
                "Certificate in Security Governance",
                "Certificat en gouvernance de la sécurité",
            ),
        ],
        diplomas: [
            ("Diploma in Cybersecurity", "Diplôme en cybersécurité"),
            (
                "Advanced Diploma in Cyber Defence",
                "Diplôme avancé en cyberdéfense",
            ),
        ],
    },
    Field {
        key: "health",
        micro: [
            (
                "Person-Centred Care Foundations",
                "Fondements des soins centrés sur la personne",
            ),
            ("Dementia Care", "Soins aux personnes atteintes de démence"),
            (
                "Palliative and End-of-Life Care",
                "Soins palliatifs et de fin de vie",
            ),
            (
                "Mental Health First Response",
                "Premiers soins en santé mentale",
            ),
            (
                "Infection Prevention and Control",
                "Prévention et contrôle des infections",
            ),
            (
                "Medication Administration Support",
                "Soutien à l’administration des médicaments",
            ),
            (
                "Electronic Health Records",
                "Dossiers de santé électroniques",
            ),
            ("Leading Care Teams", "Diriger des équipes de soins"),
            (
                "Indigenous Health and Cultural Safety",
                "Santé autochtone et sécurité culturelle",
            ),
        ],
        certificates: [
            (
                "Certificate in Community Care Support",
                "Certificat en soutien aux soins communautaires",
            ),
            (
                "Certificate in Dementia and Palliative Care",
                "Certificat en soins de la démence et soins palliatifs",
            ),
            (
                "Certificate in Health Information Management",
                "Certificat en gestion de l’information sur la santé",
            ),
        ],
        diplomas: [
            (
                "Diploma in Personal Support Work",
                "Diplôme en soutien personnel",
            ),
            (
                "Diploma in Health Informatics",
                "Diplôme en informatique de la santé",
            ),
        ],
    },
    Field {
        key: "green",
        micro: [
            (
                "Building Science Fundamentals",
                "Fondements de la science du bâtiment",
            ),
            (
                "Residential Energy Auditing",
                "Audit énergétique résidentiel",
            ),
            (
                "Whole-Building Energy Modelling",
                "Modélisation énergétique du bâtiment entier",
            ),
            ("Heat Pump Systems", "Systèmes de thermopompes"),
            (
                "Solar PV Design and Installation",
                "Conception et installation de systèmes photovoltaïques",
            ),
            (
                "Construction Project Management",
                "Gestion de projets de construction",
            ),
            (
                "Building Automation and Controls",
                "Automatisation et régulation des bâtiments",
            ),
            (
                "Low-Carbon Materials",
                "Matériaux à faible teneur en carbone",
            ),
            (
                "Net-Zero Retrofit Planning",
                "Planification de rénovations à consommation nette zéro",
            ),
        ],
        certificates: [
            (
                "Certificate in Sustainable Building Retrofits",
                "Certificat en rénovation écoénergétique des bâtiments",
            ),
            (
                "Certificate in Renewable Energy Systems",
                "Certificat en systèmes d’énergie renouvelable",
            ),
            (
                "Certificate in Building Performance Analysis",
                "Certificat en analyse de la performance des bâtiments",
            ),
        ],
        diplomas: [
            (
                "Diploma in Building Energy Management",
                "Diplôme en gestion énergétique des bâtiments",
            ),
            (
                "Diploma in Sustainable Construction",
                "Diplôme en construction durable",
            ),
        ],
    },
];

/// A 60-credential pathway in English and French, shaped like a college's offer: four fields of
/// nine micro-credentials (some with prerequisites), three certificates and two diplomas per
/// field, three degrees across fields and a graduate certificate that needs a degree first.
/// The map's layout test and the end-to-end fixture `tests/fixtures/map-sixty-feed.json` (the
/// same feed as JSON) draw it.
pub fn map_feed() -> Feed {
    let mut credentials = map_micro_credentials();
    credentials.extend(map_certificates());
    credentials.extend(map_diplomas());
    credentials.extend(map_degrees());
    credentials.push(map_graduate_certificate());
    let mut out = feed(credentials);
    out.id = "map-sixty".into();
    out.languages = vec!["en".into(), "fr".into()];
    out.provider = Institution {
        id: "lakeshore".into(),
        name: bilingual(("Lakeshore Polytechnic", "Polytechnique Lakeshore")),
        url: None,
    };
    out
}

/// A text in English and French.
fn bilingual((en, fr): (&str, &str)) -> Text {
    Text::Localized(
        [
            ("en".to_owned(), en.to_owned()),
            ("fr".to_owned(), fr.to_owned()),
        ]
        .into(),
    )
}

/// A requirement of one credential.
fn one(id: String) -> Requirement {
    Requirement::Credential(id)
}

/// The id of micro-credential `i` of field `f` of [`map_feed`].
fn micro_id(f: usize, i: usize) -> String {
    format!("{}-m{i}", FIELDS[f].key)
}

/// The id of certificate `i` of field `f` of [`map_feed`].
fn certificate_id(f: usize, i: usize) -> String {
    format!("{}-cert{i}", FIELDS[f].key)
}

/// The id of diploma `i` of field `f` of [`map_feed`] (the second is the advanced diploma).
fn diploma_id(f: usize, i: usize) -> String {
    format!("{}-diploma{i}", FIELDS[f].key)
}

/// The nine micro-credentials of each field, one credit each, every other one with a badge;
/// some build on earlier ones of their field.
fn map_micro_credentials() -> Vec<Credential> {
    let mut credentials = Vec::new();
    for (f, field) in FIELDS.iter().enumerate() {
        for (i, &title) in field.micro.iter().enumerate() {
            let id = micro_id(f, i);
            let mut c = Credential::new(id.clone(), Kind::MicroCredential, "");
            c.title = bilingual(title);
            c.credits = Some(1.0);
            if i % 2 == 0 {
                c.badge = Some(crate::feed::Badge {
                    achievement: format!("https://badges.example.ca/lakeshore/{id}"),
                    image: Some(format!("https://badges.example.ca/lakeshore/{id}.png")),
                });
            }
            // Prerequisites inside a field: the second and third build on the first and second.
            c.prerequisites = match (f, i) {
                (_, 2) => Some(one(micro_id(f, 1))),
                (1, 7) => Some(Requirement::All {
                    all: vec![one(micro_id(f, 1)), one(micro_id(f, 2))],
                    label: None,
                }),
                (2 | 3, 1) => Some(one(micro_id(f, 0))),
                _ => None,
            };
            credentials.push(c);
        }
    }
    credentials
}

/// The three certificates of each field: its first micro-credential and two of three electives.
fn map_certificates() -> Vec<Credential> {
    let mut credentials = Vec::new();
    for (f, field) in FIELDS.iter().enumerate() {
        for (j, &title) in field.certificates.iter().enumerate() {
            let mut c = Credential::new(certificate_id(f, j), Kind::Certificate, "");
            c.title = bilingual(title);
            c.requires = Some(Requirement::All {
                all: vec![
                    one(micro_id(f, 0)),
                    Requirement::Choose {
                        choose: 2,
                        from: (0..3)
                            .map(|k| one(micro_id(f, 1 + (j * 2 + k) % 8)))
                            .collect(),
                        label: Some(bilingual(("Electives", "Cours au choix"))),
                    },
                ],
                label: None,
            });
            credentials.push(c);
        }
    }
    credentials
}

/// The diploma of each field (two certificates and breadth credits, one from the next field)
/// and the advanced diploma built on it.
fn map_diplomas() -> Vec<Credential> {
    let mut credentials = Vec::new();
    for (f, field) in FIELDS.iter().enumerate() {
        let other = (f + 1) % FIELDS.len();
        let mut first = Credential::new(diploma_id(f, 0), Kind::Diploma, "");
        first.title = bilingual(field.diplomas[0]);
        first.requires = Some(Requirement::All {
            all: vec![
                one(certificate_id(f, 0)),
                one(certificate_id(f, 1)),
                one(micro_id(f, 7)),
                Requirement::Credits {
                    credits: 2.0,
                    from: vec![micro_id(f, 5), micro_id(f, 6), micro_id(other, 8)],
                    label: Some(bilingual(("Breadth", "Formation générale"))),
                },
            ],
            label: None,
        });
        credentials.push(first);
        let mut second = Credential::new(diploma_id(f, 1), Kind::AdvancedDiploma, "");
        second.title = bilingual(field.diplomas[1]);
        second.requires = Some(Requirement::All {
            all: vec![
                one(diploma_id(f, 0)),
                one(certificate_id(f, 2)),
                one(micro_id(f, 8)),
            ],
            label: None,
        });
        credentials.push(second);
    }
    credentials
}

/// The three degrees, each across fields.
fn map_degrees() -> Vec<Credential> {
    let degrees = [
        (
            "degree-data-security",
            (
                "Bachelor of Applied Technology in Data and Security",
                "Baccalauréat en technologie appliquée en données et sécurité",
            ),
            vec![
                one(diploma_id(0, 0)),
                Requirement::Any {
                    any: vec![one(diploma_id(1, 0)), one(diploma_id(1, 1))],
                    label: Some(bilingual(("Security stream", "Volet sécurité"))),
                },
                Requirement::Credits {
                    credits: 2.0,
                    from: vec![micro_id(0, 7), micro_id(1, 5), micro_id(1, 8)],
                    label: None,
                },
            ],
        ),
        (
            "degree-health-information",
            (
                "Bachelor of Health Information Science",
                "Baccalauréat en sciences de l’information sur la santé",
            ),
            vec![
                one(diploma_id(2, 0)),
                one(diploma_id(2, 1)),
                one(certificate_id(0, 0)),
            ],
        ),
        (
            "degree-building-science",
            (
                "Bachelor of Building Science and Sustainability",
                "Baccalauréat en science du bâtiment et développement durable",
            ),
            vec![
                one(diploma_id(3, 0)),
                one(diploma_id(3, 1)),
                one(certificate_id(3, 2)),
            ],
        ),
    ];
    degrees
        .into_iter()
        .map(|(id, title, all)| {
            let mut c = Credential::new(id, Kind::Degree, "");
            c.title = bilingual(title);
            c.requires = Some(Requirement::All { all, label: None });
            c
        })
        .collect()
}

/// The graduate certificate: three micro-credentials from two fields, after a degree.
fn map_graduate_certificate() -> Credential {
    let mut graduate = Credential::new("gc-health-data", Kind::GraduateCertificate, "");
    graduate.title = bilingual((
        "Graduate Certificate in Health Data Analytics",
        "Certificat d’études supérieures en analytique des données de santé",
    ));
    graduate.requires = Some(Requirement::All {
        all: vec![
            one(micro_id(0, 3)),
            one(micro_id(0, 6)),
            one(micro_id(2, 6)),
        ],
        label: None,
    });
    graduate.prerequisites = Some(Requirement::Any {
        any: vec![
            one("degree-data-security".into()),
            one("degree-health-information".into()),
        ],
        label: Some(bilingual(("Admission", "Admission"))),
    });
    graduate
}

/// A feed with `micro` micro-credentials and `stackable` certificates, each certificate using
/// every requirement form over earlier credentials, plus skills, equivalences and pathways.
pub fn parse_feed_text(micro: usize, stackable: usize) -> String {
    let mut out = String::from(
        r#"{"stackway":1,"id":"bench","languages":["en","fr"],"provider":{"id":"college","name":{"en":"College","fr":"Collège"},"url":"https://college.example.ca"},"skills":["#,
    );
    for s in 0..50 {
        let sep = if s == 0 { "" } else { "," };
        let _ = write!(
            out,
            r#"{sep}{{"id":"skill-{s}","name":{{"en":"Skill {s}","fr":"Compétence {s}"}}}}"#
        );
    }
    out.push_str(r#"],"credentials":["#);
    for i in 0..micro {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            out,
            r#"{sep}{{"id":"mc-{i}","kind":"micro-credential","title":{{"en":"Micro-credential {i}","fr":"Microcertification {i}"}},"summary":{{"en":"Summary","fr":"Résumé"}},"url":"https://college.example.ca/mc/{i}","hours":30,"credits":{c},"weeks":4,"cost":{{"amount":450,"currency":"CAD"}},"delivery":["online","hybrid"],"skills":["skill-{s}"],"badge":{{"achievement":"https://badges.example.ca/mc-{i}"}}{pre}}}"#,
            c = 1 + i % 3,
            s = i % 50,
            pre = if i % 10 == 9 {
                format!(r#","prerequisites":"mc-{}""#, i - 1)
            } else {
                String::new()
            },
        );
    }
    for j in 0..stackable {
        let b = (j * 7) % (micro - 8);
        let ladder = if j > 0 && j % 5 == 0 {
            format!(r#","cert-{}""#, j - 1)
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#",{{"id":"cert-{j}","kind":"certificate","title":{{"en":"Certificate {j}","fr":"Certificat {j}"}},"credits":6,"requires":{{"all":["mc-{b}",{{"any":["mc-{b1}","mc-{b2}"]}},{{"choose":1,"from":["mc-{b3}",{{"all":["mc-{b4}","mc-{b5}"]}}]}},{{"credits":3,"from":["mc-{b5}","mc-{b6}","mc-{b7}"],"label":{{"en":"Electives","fr":"Cours au choix"}}}}{ladder}]}}}}"#,
            b1 = b + 1,
            b2 = b + 2,
            b3 = b + 3,
            b4 = b + 4,
            b5 = b + 5,
            b6 = b + 6,
            b7 = b + 7,
        );
    }
    out.push_str(r#"],"equivalences":[{"holding":["mc-1"],"counts_as":"mc-2","toward":["cert-0"]}],"pathways":[{"id":"p","title":"Route","goal":"cert-1","steps":["mc-7","mc-8"]}]}"#);
    out
}
