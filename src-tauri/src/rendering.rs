//! How the WebView draws on Linux: WebKitGTK's GPU compositing is turned off where no GPU can run
//! it, because compositing through software OpenGL made every scrolled frame several times slower.
//!
//! Measured in the real app under Xvfb (no GPU; Mesa's llvmpipe): scrolling two synchronized panes
//! of 20,000 words took ~62–75 ms a frame with compositing, ~16–25 ms without, and a plain long
//! article 31 ms against 16 ms. Machines with a GPU keep WebKit's default.

use std::path::Path;

/// The variable WebKitGTK reads at start.
const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
/// Ours: `1` keeps GPU compositing even where no render node is found.
const KEEP_COMPOSITING: &str = "PARALLAX_GPU_COMPOSITING";

/// What the machine and the environment say, read once at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Machine {
    /// The user already chose (`WEBKIT_DISABLE_COMPOSITING_MODE` is set, to anything).
    user_chose: bool,
    /// `PARALLAX_GPU_COMPOSITING=1`.
    keep_compositing: bool,
    /// `LIBGL_ALWAYS_SOFTWARE` is set to something other than `0`: OpenGL is software anyway.
    software_gl: bool,
    /// A DRM render node (`/dev/dri/renderD*`), through which a GPU would draw.
    gpu_render_node: bool,
}

fn compositing_is_software(machine: Machine) -> bool {
    !machine.user_chose
        && !machine.keep_compositing
        && (machine.software_gl || !machine.gpu_render_node)
}

fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
    })
}

fn env_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|value| !value.is_empty() && value != "0")
}

/// Turns WebKitGTK's compositing off when it could only run in software. Must run before the
/// WebView starts and before any other thread exists (it sets an environment variable).
pub fn choose_before_start() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let machine = Machine {
        user_chose: std::env::var_os(DISABLE_COMPOSITING).is_some(),
        keep_compositing: env_flag(KEEP_COMPOSITING),
        software_gl: env_flag("LIBGL_ALWAYS_SOFTWARE"),
        gpu_render_node: has_render_node(Path::new("/dev/dri")),
    };
    if compositing_is_software(machine) {
        eprintln!(
            "parallax-app: no GPU to composite with (no /dev/dri/renderD*, or software OpenGL): \
             drawing without WebKit's compositing, which scrolls faster here \
             ({KEEP_COMPOSITING}=1 keeps it)"
        );
        std::env::set_var(DISABLE_COMPOSITING, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GPU_MACHINE: Machine = Machine {
        user_chose: false,
        keep_compositing: false,
        software_gl: false,
        gpu_render_node: true,
    };

    #[test]
    fn a_machine_with_a_gpu_keeps_webkits_default() {
        assert!(!compositing_is_software(GPU_MACHINE));
    }

    #[test]
    fn no_render_node_or_software_gl_turns_compositing_off() {
        let headless = Machine {
            gpu_render_node: false,
            ..GPU_MACHINE
        };
        assert!(compositing_is_software(headless));
        let software = Machine {
            software_gl: true,
            ..GPU_MACHINE
        };
        assert!(compositing_is_software(software));
    }

    #[test]
    fn the_users_own_choice_wins() {
        let headless = Machine {
            gpu_render_node: false,
            ..GPU_MACHINE
        };
        let chose = Machine {
            user_chose: true,
            ..headless
        };
        assert!(!compositing_is_software(chose));
        let keep = Machine {
            keep_compositing: true,
            ..headless
        };
        assert!(!compositing_is_software(keep));
    }

    #[test]
    fn render_nodes_are_found_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(!has_render_node(dir.path()), "empty");
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(
            !has_render_node(dir.path()),
            "a card node alone is not a render node"
        );
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dir.path()));
        assert!(
            !has_render_node(&dir.path().join("missing")),
            "no /dev/dri at all"
        );
    }
}
