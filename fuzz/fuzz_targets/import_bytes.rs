//! Any bytes, any name: the whole import (sniffing, reading, extraction) must never panic.
#![no_main]

use dpadesk_import::{Watch, import_bytes};
use libfuzzer_sys::fuzz_target;

/// The readers catch the panics of third-party parsers (pdf-extract) and turn them into
/// errors, as the app relies on; libFuzzer's hook would abort on those caught panics too.
/// With a silent hook only a panic that escapes the readers still crashes the target.
fn init() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

fuzz_target!(|data: &[u8]| {
    init();
    let _ = import_bytes(data, None, &Watch::default());
});
