//! PDF: reading must end in a document or an error, never a panic or a hang.
#![no_main]

use dpadesk_import::Watch;
use dpadesk_import::formats::read;
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
    // The name steers the reader only where the content is mute; the seeds carry the format.
    let _ = read(data, Some("list.pdf"), &Watch::default());
});
