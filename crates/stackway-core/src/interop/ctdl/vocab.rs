//! The CTDL terms Stackway reads and writes, and how they map to feed kinds.

use crate::feed::Kind;

/// The JSON-LD context the Credential Registry serves its graphs with.
pub const CONTEXT_URL: &str = "https://credreg.net/ctdl/schema/context/json";

/// Every `ceterms:PathwayComponent` subtype, including the older `SelectionComponent`.
pub const COMPONENT_TYPES: [&str; 11] = [
    "PathwayComponent",
    "AssessmentComponent",
    "BasicComponent",
    "CocurricularComponent",
    "CompetencyComponent",
    "CourseComponent",
    "CredentialComponent",
    "ExtracurricularComponent",
    "JobComponent",
    "WorkExperienceComponent",
    "SelectionComponent",
];

/// Tag prefix that keeps a component's `ceterms:codedNotation` (e.g. `code:BUS-101`).
pub const CODE_TAG: &str = "code:";
/// Tag prefix that keeps a component's progression level (e.g. `level:Year 1`).
pub const LEVEL_TAG: &str = "level:";
/// Tag prefix that keeps a credential component's exact `ceterms:credentialType`.
pub const CREDENTIAL_TYPE_TAG: &str = "credential-type:";

/// Whether a type's local name is a pathway component.
pub fn is_component_type(local: &str) -> bool {
    COMPONENT_TYPES.contains(&local) || local.ends_with("Component")
}

/// The feed kind for a component type and, for credential components, its credential type.
pub fn kind_for(component_type: &str, credential_type: Option<&str>) -> Kind {
    match component_type {
        "CourseComponent" => Kind::Course,
        "CompetencyComponent" | "BasicComponent" => Kind::MicroCredential,
        "CocurricularComponent" | "ExtracurricularComponent" => Kind::Badge,
        "AssessmentComponent" | "JobComponent" | "WorkExperienceComponent" => Kind::PriorLearning,
        "SelectionComponent" => Kind::Certificate,
        _ => credential_type.map_or(Kind::Certificate, kind_for_credential_type),
    }
}

/// The feed kind for a `ceterms:credentialType` local name.
pub fn kind_for_credential_type(local: &str) -> Kind {
    match local {
        "MicroCredential" => Kind::MicroCredential,
        "Badge" | "DigitalBadge" | "OpenBadge" => Kind::Badge,
        "Diploma" | "SecondarySchoolDiploma" | "GeneralEducationDevelopment" => Kind::Diploma,
        "AdvancedDiploma" => Kind::AdvancedDiploma,
        "GraduateCertificate" | "PostBaccalaureateCertificate" => Kind::GraduateCertificate,
        "Degree"
        | "AssociateDegree"
        | "BachelorDegree"
        | "MasterDegree"
        | "DoctoralDegree"
        | "ProfessionalDoctorate"
        | "ResearchDoctorate"
        | "AppliedDegree" => Kind::Degree,
        "Course" => Kind::Course,
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
        Kind::MicroCredential => ("CredentialComponent", Some("MicroCredential")),
        Kind::Badge => ("CredentialComponent", Some("DigitalBadge")),
        Kind::Certificate | Kind::GraduateCertificate => {
            ("CredentialComponent", Some("Certificate"))
        }
        Kind::Diploma | Kind::AdvancedDiploma => ("CredentialComponent", Some("Diploma")),
        Kind::Degree => ("CredentialComponent", Some("Degree")),
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
