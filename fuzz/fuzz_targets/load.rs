//! The dataset loader on arbitrary bytes: the first byte picks which of the six files of the fixture
//! dataset the rest replaces, so the input reaches parsing and validation alike. Any outcome but a
//! panic, a hang or a crash is fine.
#![no_main]

use clinic_explorer::dataset::{Dataset, FILES};
use libfuzzer_sys::fuzz_target;

const FIXTURE: [&[u8]; 6] = [
    include_bytes!("../../tests/fixtures/data/sources.ron"),
    include_bytes!("../../tests/fixtures/data/conditions.ron"),
    include_bytes!("../../tests/fixtures/data/therapies.ron"),
    include_bytes!("../../tests/fixtures/data/clinics.ron"),
    include_bytes!("../../tests/fixtures/data/costs.ron"),
    include_bytes!("../../tests/fixtures/data/travel.ron"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&slot, rest)) = data.split_first() else {
        return;
    };
    let mut files: Vec<Vec<u8>> = FIXTURE.iter().map(|f| f.to_vec()).collect();
    files[usize::from(slot) % FILES.len()] = rest.to_vec();
    if let Ok(data) = Dataset::from_bytes(files) {
        // A dataset that loads must also index, search and describe without trouble.
        let index = clinic_explorer::search::SearchIndex::build(&data);
        let _ = index.search("a", None, 5);
        for kind in clinic_explorer::model::Kind::ALL {
            for r in data.records(kind) {
                let _ = data.describe(kind, r.id().as_str());
            }
        }
    }
});
