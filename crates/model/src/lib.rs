//! The domain of DPA Desk as plain data: everything a processing register (GDPR Art. 30),
//! vendor agreements (Art. 28) and subprocessor lists hold. No I/O lives here; every other
//! crate speaks in these types, and the UI's TypeScript types are generated from them.

pub mod activity;
pub mod audit;
pub mod country;
pub mod dpa;
pub mod ids;
pub mod import_log;
pub mod measure;
pub mod names;
pub mod organisation;
pub mod party;
pub mod processor_record;
pub mod record;
pub mod scope;
pub mod subprocessor;
pub mod tia;
pub mod vendor;

pub use activity::*;
pub use audit::*;
pub use country::CountryCode;
pub use dpa::*;
pub use ids::Id;
pub use import_log::*;
pub use measure::*;
pub use names::serde_name;
pub use organisation::*;
pub use party::*;
pub use processor_record::*;
pub use record::Record;
pub use scope::*;
pub use subprocessor::*;
pub use tia::*;
pub use vendor::*;
