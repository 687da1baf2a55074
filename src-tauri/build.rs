//! Generates the Tauri context (config, capabilities, the embedded UI) at compile time.
fn main() {
    tauri_build::build()
}
