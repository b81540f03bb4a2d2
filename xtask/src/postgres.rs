//! A throwaway PostgreSQL server for the tests and `cargo xtask run --team`: Debian's packaged
//! binaries, a cluster made with `initdb` under `target/`, listening on a free port of 127.0.0.1
//! only, stopped and deleted when the [`Cluster`] is dropped. It also speaks TLS, with a
//! self-signed certificate made for it (OpenSSL comes with Debian's `postgresql`), so that a test
//! can reach it encrypted and see a certificate no authority signed refused.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::cmd;
use crate::repo::Repo;

/// The cluster's superuser (trusted on loopback: the server listens nowhere else).
pub const USER: &str = "parallax";

/// The system account a cluster runs as when we are root (PostgreSQL refuses to run as root);
/// Debian's `postgresql` package creates it.
const SERVICE_ACCOUNT: &str = "postgres";

/// A running throwaway server.
pub struct Cluster {
    /// Where its files are (deleted when it stops).
    home: PathBuf,
    bin: PathBuf,
    port: u16,
    /// Run its programs as this account (when we are root).
    run_as: Option<&'static str>,
    /// Whether it has a certificate and accepts TLS connections.
    tls: bool,
}

impl Cluster {
    /// Makes a fresh cluster under `target/<name>` and starts it.
    pub fn start(repo: &Repo, name: &str) -> anyhow::Result<Self> {
        let bin = binaries().context(
            "PostgreSQL's server programs were not found (Debian/Ubuntu: apt-get install \
             postgresql; `cargo xtask test` installs it)",
        )?;
        let home = repo.target.join(name);
        if home.exists() {
            // A cluster left by a run that was killed: stop it if it still runs, then start over.
            let _ = Self::at(&home, &bin, 0).pg_ctl(&["stop", "-m", "immediate"]);
            std::fs::remove_dir_all(&home)
                .with_context(|| format!("could not remove {}", home.display()))?;
        }
        std::fs::create_dir_all(&home)?;
        let port = free_port()?;
        let mut cluster = Self::at(&home, &bin, port);
        if let Some(account) = cluster.run_as {
            cmd::run(&mut cmd::command(
                "chown",
                &["-R", account, &home.display().to_string()],
            ))
            .context("could not give the cluster's folder to the postgres account")?;
        }
        let data = cluster.data().display().to_string();
        let mut initdb = cluster.program(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
        );
        cmd::output_or_error(&mut initdb).context("initdb failed")?;
        cluster.tls = cluster.make_certificate();
        let mut options = format!(
            "-p {port} -c listen_addresses=127.0.0.1 -k {home} -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            home = home.display()
        );
        if cluster.tls {
            options.push_str(" -c ssl=on");
        }
        cluster
            .pg_ctl(&[
                "start",
                "-w",
                "-t",
                "60",
                "-l",
                &cluster.log(),
                "-o",
                &options,
            ])
            .with_context(|| format!("the server did not start (see {})", cluster.log()))?;
        println!(
            "PostgreSQL {} started for the tests on 127.0.0.1:{port} ({})",
            bin.parent()
                .and_then(Path::file_name)
                .map(|v| v.to_string_lossy().into_owned())
                .unwrap_or_default(),
            home.display()
        );
        Ok(cluster)
    }

    fn at(home: &Path, bin: &Path, port: u16) -> Self {
        Self {
            home: home.to_path_buf(),
            bin: bin.to_path_buf(),
            port,
            run_as: running_as_root().then_some(SERVICE_ACCOUNT),
            tls: false,
        }
    }

    /// Makes a self-signed certificate for `localhost` (valid two days) in the data folder, where
    /// the server finds it; whether it did (without `openssl`, the server runs without TLS).
    fn make_certificate(&self) -> bool {
        let data = self.data();
        let key = data.join("server.key").display().to_string();
        let certificate = data.join("server.crt").display().to_string();
        let args = [
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-keyout",
            &key,
            "-out",
            &certificate,
        ];
        let mut openssl = match self.run_as {
            Some(account) => {
                let mut all = vec!["-u", account, "--", "openssl"];
                all.extend_from_slice(&args);
                cmd::command("runuser", &all)
            }
            None => cmd::command("openssl", &args),
        };
        match cmd::output_or_error(&mut openssl) {
            // The server refuses a key others may read.
            Ok(()) => cmd::output_or_error(&mut cmd::command("chmod", &["600", &key])).is_ok(),
            Err(error) => {
                println!("note: the test server runs without TLS (no certificate: {error:#})");
                false
            }
        }
    }

    /// Whether the server accepts TLS connections (with a certificate no authority signed).
    pub fn tls(&self) -> bool {
        self.tls
    }

    /// `postgres://parallax@127.0.0.1:PORT`: the server, for a test to add a database name.
    pub fn server_url(&self) -> String {
        format!("postgres://{USER}@127.0.0.1:{}", self.port)
    }

    /// The folder of the server's programs (`createdb`, `psql`…).
    pub fn bin(&self) -> &Path {
        &self.bin
    }

    /// Creates a database and returns its address.
    pub fn create_database(&self, name: &str) -> anyhow::Result<String> {
        let mut createdb = self.program(
            "createdb",
            &[
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                USER,
                name,
            ],
        );
        cmd::output_or_error(&mut createdb).context("createdb failed")?;
        Ok(format!("{}/{name}", self.server_url()))
    }

    fn data(&self) -> PathBuf {
        self.home.join("data")
    }

    fn log(&self) -> String {
        self.home.join("server.log").display().to_string()
    }

    fn pg_ctl(&self, args: &[&str]) -> anyhow::Result<()> {
        let data = self.data().display().to_string();
        let mut all = vec!["-D", &data];
        all.extend_from_slice(args);
        cmd::output_or_error(&mut self.program("pg_ctl", &all))
    }

    /// One of the server's programs, run as the service account when we are root.
    fn program(&self, name: &str, args: &[&str]) -> Command {
        let program = self.bin.join(name).display().to_string();
        match self.run_as {
            Some(account) => {
                let mut all = vec!["-u", account, "--", &program];
                all.extend_from_slice(args);
                cmd::command("runuser", &all)
            }
            None => cmd::command(program, args),
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        match self.pg_ctl(&["stop", "-m", "fast", "-w"]) {
            Ok(()) => {
                let _ = std::fs::remove_dir_all(&self.home);
                println!("PostgreSQL test server stopped and removed.");
            }
            Err(error) => eprintln!("warning: the PostgreSQL test server did not stop: {error:#}"),
        }
    }
}

/// The folder of PostgreSQL's server programs: Debian keeps them in
/// `/usr/lib/postgresql/<version>/bin` (the newest is taken), elsewhere they are on `PATH`.
fn binaries() -> Option<PathBuf> {
    let newest = std::fs::read_dir("/usr/lib/postgresql")
        .ok()
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version: u32 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .max_by_key(|(version, _)| *version)
        .map(|(_, bin)| bin);
    newest.or_else(|| cmd::find_on_path("initdb")?.parent().map(Path::to_path_buf))
}

/// A port nobody listens on now (the server takes it a moment later).
fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("no free port on 127.0.0.1")?;
    Ok(listener.local_addr()?.port())
}

fn running_as_root() -> bool {
    cfg!(unix) && cmd::output(&mut cmd::command("id", &["-u"])).as_deref() == Some("0")
}

/// Installs PostgreSQL's server when missing (Debian/Ubuntu), or says how to.
pub fn require_server() -> anyhow::Result<()> {
    if binaries().is_none() {
        crate::setup::install_packages(&["postgresql"])?;
    }
    if binaries().is_none() {
        anyhow::bail!(
            "PostgreSQL's server is not installed (Debian/Ubuntu: apt-get install postgresql)"
        );
    }
    Ok(())
}
