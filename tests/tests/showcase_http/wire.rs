//! The showcase as a black box: built once with cargo, started as a child process on a free
//! loopback port, and spoken to in raw HTTP/1.1 over `std::net::TcpStream` (so that duplicate
//! header lines and non-ASCII bytes can be sent as they are).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

/// How long a single exchange may take.
const IO_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the showcase may take to print its `listening on` line.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------------------------
// Building and starting the binary
// ---------------------------------------------------------------------------------------------

/// The showcase binary, built once per test process with the profile of this test binary.
pub fn showcase_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(build_showcase)
}

fn build_showcase() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives in the workspace");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // This test binary is `<target>/<profile dir>/deps/<test>`; `cargo test` builds in the `test`
    // profile, whose directory is `debug`.
    let profile_dir = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.parent()?.file_name()?.to_str().map(str::to_owned))
        .unwrap_or_else(|| "debug".to_owned());
    let profile = if profile_dir == "debug" {
        "test"
    } else {
        profile_dir.as_str()
    };
    // First choice: the same profile and the same unit set as `cargo test --workspace` (whose
    // feature unification and host/target sharing decide every dependency's hash), plus the
    // showcase binary. After that command everything but the binary is fresh, so only the
    // binary is linked. A plain `-p cors-examples` build resolves features differently and
    // would rebuild the whole actix stack; it is the fallback, e.g. when another package's
    // tests do not compile.
    let attempts: [&[&str]; 2] = [
        &[
            "build",
            "--profile",
            profile,
            "--workspace",
            "--tests",
            "--bin",
            "showcase",
            "--message-format=json",
        ],
        &[
            "build",
            "--profile",
            profile,
            "-p",
            "cors-examples",
            "--bin",
            "showcase",
            "--message-format=json",
        ],
    ];
    let mut errors = String::new();
    for args in attempts {
        let mut cmd = Command::new(&cargo);
        cmd.current_dir(workspace).args(args).stdin(Stdio::null());
        // `cargo test` gives this process the variables it sets for the crate under test. Some
        // build scripts (ring, libc) track `CARGO_MANIFEST_DIR`, `CARGO_PKG_NAME`, `OUT_DIR`...
        // with `rerun-if-env-changed`, so passing them on would rebuild those crates and all
        // their dependents here, and again at the next `cargo test`. Configuration variables
        // (`CARGO_TARGET_DIR`, `CARGO_HOME`, `CARGO_PROFILE_*`, ...) are kept.
        for (key, _) in std::env::vars_os() {
            if key.to_str().is_some_and(set_by_cargo_for_crates) {
                cmd.env_remove(&key);
            }
        }
        let output = cmd.output().expect("run cargo build for the showcase");
        if !output.status.success() {
            errors.push_str(&format!(
                "cargo {}:\n{}\n",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr)
            ));
            continue;
        }
        // The artifact messages name the executable exactly, whatever the target dir; the
        // unit-test harness of the same bin lives in `deps/showcase-<hash>`, the binary is
        // `<profile dir>/showcase`.
        let wanted = format!("showcase{}", std::env::consts::EXE_SUFFIX);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let from_json = stdout
            .lines()
            .filter(|line| line.contains("\"reason\":\"compiler-artifact\""))
            .filter_map(|line| json_string_field(line, "executable"))
            .map(PathBuf::from)
            .find(|path| path.file_name().is_some_and(|name| *name == *wanted));
        let binary = from_json.unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| workspace.join("target"));
            target.join(&profile_dir).join(&wanted)
        });
        assert!(binary.is_file(), "showcase binary not found at {}", binary.display());
        return binary;
    }
    panic!("could not build the showcase:\n{errors}");
}

/// Variables cargo sets for the crate it compiles or runs (not configuration).
fn set_by_cargo_for_crates(key: &str) -> bool {
    const EXACT: [&str; 9] = [
        "OUT_DIR",
        "CARGO_MANIFEST_DIR",
        "CARGO_MANIFEST_PATH",
        "CARGO_MANIFEST_LINKS",
        "CARGO_CRATE_NAME",
        "CARGO_BIN_NAME",
        "CARGO_PRIMARY_PACKAGE",
        "CARGO_TARGET_TMPDIR",
        "CARGO_RUSTC_CURRENT_DIR",
    ];
    const PREFIXES: [&str; 4] = ["CARGO_PKG_", "CARGO_BIN_EXE_", "CARGO_CFG_", "CARGO_FEATURE_"];
    EXACT.contains(&key) || PREFIXES.iter().any(|p| key.starts_with(p))
}

/// The value of `"field":"..."` in one line of cargo's JSON output (enough unescaping for paths).
fn json_string_field(line: &str, field: &str) -> Option<String> {
    let key = format!("\"{field}\":\"");
    let start = line.find(&key)? + key.len();
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// A running showcase. Dropping it kills the process (also when a test panics).
pub struct Showcase {
    child: Child,
    /// Where the API listens.
    pub addr: SocketAddr,
    stderr: Arc<Mutex<Vec<u8>>>,
}

impl Showcase {
    /// Starts the showcase on a free loopback port and waits for its `listening on` line.
    pub fn start() -> Showcase {
        let mut child = Command::new(showcase_binary())
            .args(["--listen", "127.0.0.1:0", "--no-frontend"])
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn the showcase");

        // Keep draining stderr so the child never blocks on a full pipe; kept for diagnostics.
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let mut pipe = child.stderr.take().expect("piped stderr");
        let sink = Arc::clone(&stderr);
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend_from_slice(&buf[..n]);
            }
        });

        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(url) = line.strip_prefix("listening on http://") {
                    let _ = tx.send(url.trim().to_owned());
                }
            }
        });
        // From here on the guard owns the child: a failed startup still kills it.
        let mut showcase = Showcase {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            stderr,
        };
        let url = match rx.recv_timeout(STARTUP_TIMEOUT) {
            Ok(url) => url,
            Err(e) => panic!(
                "the showcase did not print `listening on http://…` within {STARTUP_TIMEOUT:?} ({e}); stderr:\n{}",
                showcase.stderr()
            ),
        };
        showcase.addr = url
            .parse()
            .unwrap_or_else(|e| panic!("`listening on http://{url}`: not an address: {e}"));
        assert!(
            showcase.addr.ip().is_loopback() && showcase.addr.port() != 0,
            "listening on {url}"
        );
        showcase
    }

    /// Everything the showcase wrote on stderr so far.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Showcase {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// Raw HTTP/1.1
// ---------------------------------------------------------------------------------------------

/// One request, written byte for byte as given: header lines in order, duplicates kept.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn new(method: &str, path: &str) -> Request {
        Request {
            method: method.to_owned(),
            path: path.to_owned(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// Adds one header line (another line if the name is already there).
    pub fn header(mut self, name: &str, value: impl AsRef<[u8]>) -> Request {
        self.headers.push((name.to_owned(), value.as_ref().to_vec()));
        self
    }

    pub fn body(mut self, body: &[u8]) -> Request {
        self.body = body.to_vec();
        self
    }

    /// Every value sent for `name` (case-insensitive).
    pub fn values(&self, name: &str) -> Vec<&[u8]> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
            .collect()
    }

    fn to_bytes(&self, addr: SocketAddr) -> Vec<u8> {
        let mut out = Vec::with_capacity(256 + self.body.len());
        out.extend_from_slice(format!("{} {} HTTP/1.1\r\nHost: {addr}\r\n", self.method, self.path).as_bytes());
        for (name, value) in &self.headers {
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(value);
            out.extend_from_slice(b"\r\n");
        }
        if !self.body.is_empty() {
            out.extend_from_slice(format!("Content-Length: {}\r\n", self.body.len()).as_bytes());
        }
        out.extend_from_slice(b"Connection: close\r\n\r\n");
        out.extend_from_slice(&self.body);
        out
    }
}

/// A parsed response: every header line kept, names lower-cased, values with OWS trimmed.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
    head: String,
}

impl Response {
    /// Every line of `name` (case-insensitive), in order.
    pub fn all(&self, name: &str) -> Vec<&[u8]> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
            .collect()
    }

    /// The value of `name` if it is sent on exactly one line; an error message otherwise.
    pub fn one(&self, name: &str) -> Result<String, String> {
        match self.all(name).as_slice() {
            [value] => Ok(String::from_utf8_lossy(value).into_owned()),
            [] => Err(format!("no `{name}` header")),
            lines => Err(format!("`{name}` sent on {} lines, expected exactly one", lines.len())),
        }
    }

    /// The elements of a comma list sent on any number of lines (empty elements dropped).
    pub fn list(&self, name: &str) -> Vec<String> {
        self.all(name)
            .iter()
            .flat_map(|line| {
                String::from_utf8_lossy(line)
                    .split(',')
                    .map(|e| e.trim().to_owned())
                    .collect::<Vec<_>>()
            })
            .filter(|e| !e.is_empty())
            .collect()
    }

    /// Status line and headers, for failure messages.
    pub fn head(&self) -> &str {
        &self.head
    }
}

/// Sends `request` on a fresh connection and reads the whole response.
pub fn send(addr: SocketAddr, request: &Request) -> Result<Response, String> {
    let mut stream = TcpStream::connect_timeout(&addr, IO_TIMEOUT).map_err(|e| format!("connect {addr}: {e}"))?;
    stream.set_read_timeout(Some(IO_TIMEOUT)).map_err(|e| e.to_string())?;
    stream.set_write_timeout(Some(IO_TIMEOUT)).map_err(|e| e.to_string())?;
    stream
        .write_all(&request.to_bytes(addr))
        .map_err(|e| format!("write request: {e}"))?;
    let _ = stream.flush();

    let deadline = Instant::now() + IO_TIMEOUT;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(response) = parse(&buf, &request.method, false)? {
            let _ = stream.shutdown(Shutdown::Both);
            return Ok(response);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "no complete response within {IO_TIMEOUT:?}; got {} bytes",
                buf.len()
            ));
        }
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            // A reset after the response was written still leaves a usable response.
            Err(e) if !buf.is_empty() && e.kind() != std::io::ErrorKind::WouldBlock => break,
            Err(e) => return Err(format!("read response: {e} (after {} bytes)", buf.len())),
        }
    }
    // The server closed the connection: what we have is the whole response.
    parse(&buf, &request.method, true)?.ok_or_else(|| format!("truncated response ({} bytes)", buf.len()))
}

/// Parses `buf`: `Some` once it holds a complete response (by Content-Length or chunked framing,
/// or everything up to EOF when `at_eof`), `None` while more bytes are needed.
fn parse(buf: &[u8], method: &str, at_eof: bool) -> Result<Option<Response>, String> {
    let Some(head_end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
        return if at_eof {
            Err(format!("no end of head in {:?}", String::from_utf8_lossy(buf)))
        } else {
            Ok(None)
        };
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = buf[..head_end]
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let status_line = String::from_utf8_lossy(lines.next().unwrap_or_default()).into_owned();
    let mut parts = status_line.splitn(3, ' ');
    let (version, code) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if !version.starts_with("HTTP/1.") {
        return Err(format!("bad status line {status_line:?}"));
    }
    let status: u16 = code.parse().map_err(|_| format!("bad status line {status_line:?}"))?;
    let mut headers = Vec::new();
    for line in lines {
        let colon = line
            .iter()
            .position(|&b| b == b':')
            .ok_or_else(|| format!("bad header line in {head:?}"))?;
        let name = String::from_utf8_lossy(&line[..colon]).to_ascii_lowercase();
        let value = trim_ows(&line[colon + 1..]).to_vec();
        headers.push((name, value));
    }
    let rest = &buf[head_end + 4..];
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| String::from_utf8_lossy(v).trim().to_ascii_lowercase())
    };
    let no_body = method == "HEAD" || status == 204 || status == 304 || (100..200).contains(&status);
    let body = if no_body {
        Some(Vec::new())
    } else if get("transfer-encoding").is_some_and(|te| te.ends_with("chunked")) {
        dechunk(rest)?
    } else if let Some(len) = get("content-length") {
        let len: usize = len.parse().map_err(|_| format!("bad Content-Length in {head:?}"))?;
        (rest.len() >= len).then(|| rest[..len].to_vec())
    } else if at_eof {
        Some(rest.to_vec())
    } else {
        None
    };
    Ok(body.map(|body| Response {
        status,
        headers,
        body,
        head,
    }))
}

/// Decodes a complete chunked body, or `None` if more bytes are needed.
fn dechunk(mut rest: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let mut body = Vec::new();
    loop {
        let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") else {
            return Ok(None);
        };
        let size_text = String::from_utf8_lossy(&rest[..eol]).into_owned();
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| format!("bad chunk size {size_text:?}"))?;
        rest = &rest[eol + 2..];
        if size == 0 {
            return Ok(Some(body));
        }
        if rest.len() < size + 2 {
            return Ok(None);
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

fn trim_ows(mut s: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = s {
        s = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = s {
        s = rest;
    }
    s
}
