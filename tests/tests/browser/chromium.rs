//! Headless Chromium as a child process: one process per page, a fresh profile each time, every
//! test host name mapped to a loopback listener, stderr captured for console messages, and the
//! whole process group killed afterwards.

use std::fs::File;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::servers::Servers;

/// The browser: `$CHROMIUM`, else `chromium` on `PATH` (Debian's package; `.ci/run` installs it).
/// A missing browser fails the suite.
fn program() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return PathBuf::from(path);
    }
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join("chromium"))
        .find(|candidate| candidate.is_file());
    on_path.unwrap_or_else(|| {
        panic!("chromium not found on PATH (install Debian's `chromium` package, or set CHROMIUM=/path/to/chromium)")
    })
}

/// `--host-resolver-rules`: every test origin resolves to a loopback listener (so every fetch is
/// loopback to loopback and Local Network Access never applies, cors-protocol.md §5.1). Patterns
/// with a port only match that port. Anything else fails to resolve: the suite never touches the
/// network.
pub fn host_rules(servers: &Servers, localhost_3000: u16) -> String {
    let (pages_http, pages_tls) = (servers.pages_http.port(), servers.pages_tls.port());
    let api_tls = servers.api_tls.port();
    [
        format!("MAP localhost:3000 127.0.0.1:{localhost_3000}"),
        "MAP localhost 127.0.0.1".to_owned(),
        format!("MAP api.example.com:443 127.0.0.1:{api_tls}"),
        format!("MAP *.example.com:443 127.0.0.1:{pages_tls}"),
        format!("MAP *.example.com:80 127.0.0.1:{pages_http}"),
        format!("MAP example.org:443 127.0.0.1:{pages_tls}"),
        format!("MAP *.example.org:443 127.0.0.1:{pages_tls}"),
        format!("MAP shop.example.org:8443 127.0.0.1:{pages_tls}"),
        format!("MAP *.example.org:80 127.0.0.1:{pages_http}"),
        format!("MAP evilexample.org:443 127.0.0.1:{pages_tls}"),
        format!("MAP *.evil.net:443 127.0.0.1:{pages_tls}"),
        "EXCLUDE 127.0.0.1".to_owned(),
        "MAP * ~NOTFOUND".to_owned(),
    ]
    .join(",")
}

/// What a page run is allowed to do in the browser.
pub struct Launch<'a> {
    /// The URL to open.
    pub url: &'a str,
    /// `--host-resolver-rules`.
    pub host_rules: String,
    /// Where the profile and the stderr log go.
    pub dir: &'a Path,
    /// Extra flags (e.g. `--screenshot=...`).
    pub extra: Vec<String>,
}

/// A running Chromium; dropping it kills its process group.
pub struct Browser {
    child: Child,
    stdout: PathBuf,
    stderr: PathBuf,
    killed: bool,
}

impl Browser {
    /// Starts Chromium on one URL.
    pub fn launch(launch: Launch<'_>) -> Browser {
        let profile = launch.dir.join("profile");
        let stdout = launch.dir.join("chromium.stdout");
        let stderr = launch.dir.join("chromium.stderr");
        let mut cmd = Command::new(program());
        cmd.args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--ignore-certificate-errors",
            // Otherwise `http://app.example.com` is upgraded to https (our TLS listener answers for
            // every name) and the scheme look-alike cases would run on the wrong origin.
            "--disable-features=HttpsUpgrades",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--host-resolver-rules={}", launch.host_rules))
        .args(&launch.extra)
        .arg(launch.url)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout).expect("create the chromium stdout file"))
        .stderr(File::create(&stderr).expect("create the chromium log"))
        // Its own process group, so that the renderer and GPU processes die with it.
        .process_group(0);
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("start chromium ({}): {e}", program().display()));
        Browser {
            child,
            stdout,
            stderr,
            killed: false,
        }
    }

    /// Waits (at most `timeout`) for Chromium to exit by itself, as it does after `--screenshot`
    /// or `--dump-dom`, and returns its stdout. `None` on timeout.
    pub fn wait_for_exit(&mut self, timeout: Duration) -> Option<String> {
        let deadline = Instant::now() + timeout;
        loop {
            match self.child.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
                _ => return None,
            }
        }
        // Helpers of the group may outlive the browser process.
        self.kill();
        std::fs::read_to_string(&self.stdout).ok()
    }

    /// The console messages Chromium printed so far (`--enable-logging=stderr`).
    pub fn console(&self) -> Vec<String> {
        console_lines(&std::fs::read_to_string(&self.stderr).unwrap_or_default())
    }

    fn kill(&mut self) {
        if std::mem::replace(&mut self.killed, true) {
            return;
        }
        // SAFETY: kill(2) with a negative pid signals the process group we created for the child.
        unsafe {
            libc::kill(-(self.child.id() as libc::pid_t), libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The `CONSOLE` lines of a Chromium log, e.g.
/// `[1:1:1125/190548.691093:INFO:CONSOLE:0] "Access to fetch at '…' from origin '…' has been blocked
/// by CORS policy: …", source: http://localhost:3000/ (0)`.
fn console_lines(log: &str) -> Vec<String> {
    log.lines()
        .filter(|line| line.contains(":CONSOLE"))
        .map(|line| match line.find("] ") {
            Some(i) => line[i + 2..].to_owned(),
            None => line.to_owned(),
        })
        .collect()
}
