//! The compact form of a validated dataset: its records as postcard bytes (serde's derives, so the
//! form follows the model without code per field). The build writes the bundled data in this form
//! and the cache keeps data directories in it; decoding rebuilds the id and link indexes.

use super::{Dataset, Index};

/// The dataset's records in the compact form.
pub fn encode(data: &Dataset) -> Vec<u8> {
    // Serialising plain owned data to a growing buffer cannot fail.
    postcard::to_allocvec(data).expect("a dataset serialises")
}

/// A dataset from its compact form, indexes rebuilt; `None` if the bytes are not one.
///
/// Decoding does not validate: only bytes this binary wrote after validating (the bundled form,
/// or a cache entry whose checksum holds) are decoded.
pub fn decode(bytes: &[u8]) -> Option<Dataset> {
    let (mut data, rest): (Dataset, &[u8]) = postcard::take_from_bytes(bytes).ok()?;
    if !rest.is_empty() {
        return None;
    }
    data.index = Index::build(&data);
    Some(data)
}
