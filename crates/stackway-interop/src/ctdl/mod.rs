//! CTDL (Credential Transparency Description Language) pathways ↔ feed v1.
//!
//! [`import_text`] / [`import_document`] read a pathway as the Credential Registry serves it (a
//! JSON-LD `@graph`, or a single resource) with the core's own JSON reader, and give a feed plus
//! a warning for every quirk a publisher can act on, each pointing into the CTDL document;
//! [`export_pathway`] writes a feed's pathway back as CTDL JSON-LD. The mapping is documented in
//! docs/interop.md.

mod export;
mod graph;
mod ids;
mod import;
pub mod vocab;

pub use export::{export_pathway, ExportError};
pub use ids::is_valid_id;
pub use import::{import_document, import_text, Import, Location, Summary};
