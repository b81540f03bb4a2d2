//! Build script: lets tauri-build embed tauri.conf.json, the capabilities and the icons.
fn main() {
    tauri_build::build();
}
