//! The bundled data in the compact form `build.rs` wrote after validating it.

use super::Dataset;

/// The bundled dataset's compact form, checked when the crate was built.
static FORM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.form"));

/// The bundled dataset, decoded from the form the build checked.
pub(super) fn dataset() -> Dataset {
    super::form::decode(FORM).expect("the build wrote the bundled form with this model")
}
