//! The CTDL classes Stackway reads and writes, and how they map to feed kinds.
//!
//! A real pathway holds more than `ceterms:PathwayComponent` subclasses: registry exports use
//! credential classes (`ceterms:Certification`, `ceterms:OpenBadge`, …), learning opportunities,
//! assessments, competencies and jobs directly as nodes. Each is read as the feed kind that fits
//! it best, and the CTDL class is kept in a [`CTDL_TYPE_TAG`] tag whenever the kind alone would
//! not give it back on export.

use crate::feed::Kind;

/// The JSON-LD context the Credential Registry serves its graphs with.
pub const CONTEXT_URL: &str = "https://credreg.net/ctdl/schema/context/json";

/// Every `ceterms:PathwayComponent` subclass, including the older `SelectionComponent`.
pub const COMPONENT_TYPES: [&str; 13] = [
    "PathwayComponent",
    "AssessmentComponent",
    "BasicComponent",
    "CocurricularComponent",
    "CollectionComponent",
    "CompetencyComponent",
    "CourseComponent",
    "CredentialComponent",
    "ExtracurricularComponent",
    "JobComponent",
    "MultiComponent",
    "WorkExperienceComponent",
    "SelectionComponent",
];

/// Tag prefix that keeps a component's `ceterms:codedNotation` (e.g. `code:BUS-101`).
pub const CODE_TAG: &str = "code:";
/// Tag prefix that keeps a component's progression level (e.g. `level:Year 1`).
pub const LEVEL_TAG: &str = "level:";
/// Tag prefix that keeps a credential component's exact `ceterms:credentialType`.
pub const CREDENTIAL_TYPE_TAG: &str = "credential-type:";
/// Tag prefix that keeps a node's CTDL class when its kind would export as another class
/// (e.g. `ctdl:Certification` on a certificate, `ctdl:CompetencyComponent` on a
/// micro-credential).
pub const CTDL_TYPE_TAG: &str = "ctdl:";

/// What a node of a CTDL document is, as far as a pathway is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeClass<'a> {
    /// A `ceterms:Pathway`.
    Pathway,
    /// Something a learner completes: a pathway node, imported as a credential. The class's
    /// local name and the family that decides its kind.
    Learnable(&'a str, Family),
    /// Part of the description of other nodes (an organisation, a condition, a progression
    /// level, a profile): never a pathway node.
    Structural(&'a str),
    /// A class Stackway does not know (or no type at all); read as a basic component.
    Unknown(&'a str),
}

/// The families of learnable classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// A `ceterms:PathwayComponent` subclass.
    Component,
    /// A credential class used directly as a node (`ceterms:Certification`, …).
    Credential,
    /// A learning opportunity (`ceterms:Course`, `ceterms:LearningProgram`, …).
    LearningOpportunity,
    /// An assessment (`ceterms:AssessmentProfile`).
    Assessment,
    /// A competency (`ceasn:Competency`).
    Competency,
    /// Work: a job, an occupation, a work role or a task.
    Work,
}

/// Classes that describe other nodes and are never pathway nodes themselves.
const STRUCTURAL: [&str; 24] = [
    "ComponentCondition",
    "Constraint",
    "ConditionProfile",
    "ConditionManifest",
    "CostProfile",
    "CostManifest",
    "DurationProfile",
    "ValueProfile",
    "QuantitativeValue",
    "CredentialAlignmentObject",
    "IdentifierValue",
    "ProgressionModel",
    "ProgressionLevel",
    "Concept",
    "ConceptScheme",
    "CompetencyFramework",
    "Place",
    "ContactPoint",
    "Organization",
    "CredentialOrganization",
    "QACredentialOrganization",
    "Agent",
    "Person",
    "Collection",
];

/// Credential classes whose names do not say what they are by their ending.
const OTHER_CREDENTIALS: [&str; 8] = [
    "Credential",
    "Badge",
    "DigitalBadge",
    "OpenBadge",
    "MicroCredential",
    "License",
    "QualityAssuranceCredential",
    "GeneralEducationDevelopment",
];

/// Whether a type's local name is a pathway component.
pub fn is_component_type(local: &str) -> bool {
    COMPONENT_TYPES.contains(&local) || local.ends_with("Component")
}

/// Whether a type's local name is a CTDL credential class (`Certification`, `BachelorDegree`,
/// `OpenBadge`, …).
pub fn is_credential_class(local: &str) -> bool {
    OTHER_CREDENTIALS.contains(&local)
        || [
            "Degree",
            "Diploma",
            "Certificate",
            "Certification",
            "Doctorate",
        ]
        .iter()
        .any(|end| local.ends_with(end))
}

/// What a node is, from the local names of its `@type`s. A pathway wins, then a component,
/// then any other learnable class, then a structural one.
pub fn classify<'a>(types: &[&'a str]) -> NodeClass<'a> {
    if types.contains(&"Pathway") {
        return NodeClass::Pathway;
    }
    if let Some(t) = types.iter().find(|t| is_component_type(t)) {
        return NodeClass::Learnable(t, Family::Component);
    }
    for &t in types {
        let family = match t {
            _ if is_credential_class(t) => Family::Credential,
            "Course" | "LearningOpportunity" | "LearningOpportunityProfile" | "LearningProgram" => {
                Family::LearningOpportunity
            }
            "AssessmentProfile" | "Assessment" => Family::Assessment,
            "Competency" => Family::Competency,
            "Job" | "Occupation" | "WorkRole" | "Task" => Family::Work,
            _ => continue,
        };
        return NodeClass::Learnable(t, family);
    }
    match types.iter().find(|t| STRUCTURAL.contains(t)) {
        Some(t) => NodeClass::Structural(t),
        None => NodeClass::Unknown(types.first().copied().unwrap_or("")),
    }
}

/// The feed kind for a learnable class and, for credential components, their credential type.
pub fn kind_of(class: &str, family: Family, credential_type: Option<&str>) -> Kind {
    match family {
        Family::Component => kind_for(class, credential_type),
        Family::Credential => kind_for_credential_type(class),
        Family::LearningOpportunity if class == "LearningProgram" => Kind::Certificate,
        Family::LearningOpportunity => Kind::Course,
        Family::Assessment => Kind::PriorLearning,
        // A job, occupation, work role or task is where the pathway leads, not learning to be
        // recognised.
        Family::Work => Kind::Career,
        Family::Competency => Kind::MicroCredential,
    }
}

/// The feed kind for a component type and, for credential components, its credential type.
pub fn kind_for(component_type: &str, credential_type: Option<&str>) -> Kind {
    match component_type {
        "CourseComponent" | "CollectionComponent" => Kind::Course,
        "CompetencyComponent" | "BasicComponent" | "MultiComponent" | "PathwayComponent" => {
            Kind::MicroCredential
        }
        "CocurricularComponent" | "ExtracurricularComponent" => Kind::Badge,
        "AssessmentComponent" | "WorkExperienceComponent" => Kind::PriorLearning,
        "JobComponent" => Kind::Career,
        "SelectionComponent" => Kind::Certificate,
        _ => credential_type.map_or(Kind::Certificate, kind_for_credential_type),
    }
}

/// The feed kind for a credential class (also a `ceterms:credentialType` value).
pub fn kind_for_credential_type(local: &str) -> Kind {
    match local {
        "MicroCredential" => Kind::MicroCredential,
        "Badge" | "DigitalBadge" | "OpenBadge" => Kind::Badge,
        "AdvancedDiploma" => Kind::AdvancedDiploma,
        "GraduateCertificate" | "PostBaccalaureateCertificate" => Kind::GraduateCertificate,
        "GeneralEducationDevelopment" => Kind::Diploma,
        "Course" => Kind::Course,
        _ if local.ends_with("Diploma") => Kind::Diploma,
        _ if local.ends_with("Degree") || local.ends_with("Doctorate") => Kind::Degree,
        _ => Kind::Certificate,
    }
}

/// The component type and credential type a feed kind is exported as. Two kinds have no CTDL
/// credential type of their own: a graduate certificate is exported as a certificate and an
/// advanced diploma as a diploma (docs/interop.md lists this loss).
pub fn ctdl_for(kind: Kind) -> (&'static str, Option<&'static str>) {
    match kind {
        Kind::Course => ("CourseComponent", None),
        Kind::PriorLearning => ("AssessmentComponent", None),
        Kind::Career => ("JobComponent", None),
        Kind::MicroCredential => ("CredentialComponent", Some("MicroCredential")),
        Kind::Badge => ("CredentialComponent", Some("DigitalBadge")),
        Kind::Certificate | Kind::GraduateCertificate => {
            ("CredentialComponent", Some("Certificate"))
        }
        Kind::Diploma | Kind::AdvancedDiploma => ("CredentialComponent", Some("Diploma")),
        Kind::Degree => ("CredentialComponent", Some("Degree")),
    }
}

/// The prefixed CTDL type a kept class is written back as (`ceasn:` for the competency
/// classes, `ceterms:` for the rest).
pub fn prefixed(class: &str) -> String {
    match class {
        "Competency" | "CompetencyFramework" => format!("ceasn:{class}"),
        _ => format!("ceterms:{class}"),
    }
}

/// Whether `s` is a CTID: `ce-` followed by a UUID (any case).
pub fn is_ctid(s: &str) -> bool {
    let Some(uuid) = s.get(3..) else {
        return false;
    };
    if !s.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("ce-")) || uuid.len() != 36 {
        return false;
    }
    uuid.bytes().enumerate().all(|(i, b)| match i {
        8 | 13 | 18 | 23 => b == b'-',
        _ => b.is_ascii_hexdigit(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_a_pathway_can_hold_has_a_fitting_kind() {
        let kind = |types: &[&str]| match classify(types) {
            NodeClass::Learnable(class, family) => Some(kind_of(class, family, None)),
            _ => None,
        };
        assert_eq!(kind(&["Certification"]), Some(Kind::Certificate));
        assert_eq!(kind(&["OpenBadge"]), Some(Kind::Badge));
        assert_eq!(kind(&["DigitalBadge"]), Some(Kind::Badge));
        assert_eq!(kind(&["MicroCredential"]), Some(Kind::MicroCredential));
        assert_eq!(kind(&["BachelorOfScienceDegree"]), Some(Kind::Degree));
        assert_eq!(kind(&["ResearchDoctorate"]), Some(Kind::Degree));
        assert_eq!(kind(&["SecondarySchoolDiploma"]), Some(Kind::Diploma));
        assert_eq!(
            kind(&["ApprenticeshipCertificate"]),
            Some(Kind::Certificate)
        );
        assert_eq!(kind(&["License"]), Some(Kind::Certificate));
        assert_eq!(kind(&["Course"]), Some(Kind::Course));
        assert_eq!(kind(&["LearningProgram"]), Some(Kind::Certificate));
        assert_eq!(kind(&["AssessmentProfile"]), Some(Kind::PriorLearning));
        assert_eq!(kind(&["Competency"]), Some(Kind::MicroCredential));
        assert_eq!(kind(&["Job"]), Some(Kind::Career));
        assert_eq!(kind(&["Occupation"]), Some(Kind::Career));
        assert_eq!(kind(&["WorkRole"]), Some(Kind::Career));
        assert_eq!(kind(&["Task"]), Some(Kind::Career));
        assert_eq!(kind(&["JobComponent"]), Some(Kind::Career));
        assert_eq!(
            kind(&["WorkExperienceComponent"]),
            Some(Kind::PriorLearning)
        );
        assert_eq!(kind(&["AssessmentComponent"]), Some(Kind::PriorLearning));
        assert_eq!(kind(&["CollectionComponent"]), Some(Kind::Course));
        assert_eq!(kind(&["MultiComponent"]), Some(Kind::MicroCredential));
        // A component type wins over a credential class on the same node.
        assert_eq!(
            classify(&["Badge", "CourseComponent"]),
            NodeClass::Learnable("CourseComponent", Family::Component)
        );
        assert_eq!(classify(&["Pathway"]), NodeClass::Pathway);
        assert_eq!(
            classify(&["CredentialOrganization"]),
            NodeClass::Structural("CredentialOrganization")
        );
        assert_eq!(
            classify(&["ComponentCondition"]),
            NodeClass::Structural("ComponentCondition")
        );
        assert_eq!(classify(&["Thing"]), NodeClass::Unknown("Thing"));
        assert!(!is_credential_class("CredentialOrganization"));
    }
}
