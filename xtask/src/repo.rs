//! Where things live: the repository root, the cargo target directory and the paths derived from them.

use std::path::{Path, PathBuf};

/// Paths of one checkout, resolved once at start.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The workspace root (the parent of `xtask/`).
    pub root: PathBuf,
    /// `$CARGO_TARGET_DIR` when set, else `<root>/target`.
    pub target: PathBuf,
}

impl Repo {
    pub fn locate() -> anyhow::Result<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives one level below the workspace root")
            .to_path_buf();
        let target = match std::env::var_os("CARGO_TARGET_DIR").filter(|v| !v.is_empty()) {
            // cargo resolves a relative CARGO_TARGET_DIR against the directory it was started in.
            Some(dir) => std::env::current_dir()?.join(dir),
            None => root.join("target"),
        };
        Ok(Self { root, target })
    }

    pub fn ui(&self) -> PathBuf {
        self.root.join("ui")
    }

    /// The debug build of the desktop app.
    pub fn app_binary(&self) -> PathBuf {
        self.target
            .join("debug")
            .join(format!("parallax-app{}", std::env::consts::EXE_SUFFIX))
    }

    /// Tools installed for the tests (`cargo install --root`), kept out of the user's ~/.cargo.
    pub fn tools(&self) -> PathBuf {
        self.target.join("tools")
    }

    pub fn e2e_venv(&self) -> PathBuf {
        self.target.join("e2e-venv")
    }

    pub fn e2e_screenshots(&self) -> PathBuf {
        self.target.join("e2e-screenshots")
    }
}
