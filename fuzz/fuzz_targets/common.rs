//! Shared by the fuzz targets that check input through a guard.

use fanzha_core::{Guard, Settings};
use std::sync::OnceLock;

/// One guard on the embedded default data, built on first use.
pub fn guard() -> &'static Guard {
    static GUARD: OnceLock<Guard> = OnceLock::new();
    GUARD.get_or_init(|| Guard::new(Settings::default()).expect("embedded guard"))
}
