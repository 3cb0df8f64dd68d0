//! Command-line flags: `--listen ADDR`, `--frontend ADDR`, `--no-frontend`.

use std::net::SocketAddr;

/// The showcase's flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    /// Where the API listens (default `127.0.0.1:8080`).
    pub listen: SocketAddr,
    /// Where the demo page is served, if at all (default `127.0.0.1:3000`).
    pub frontend: Option<SocketAddr>,
}

impl Args {
    /// Parses the flags (without the program name).
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
        let mut parsed = Args {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            frontend: Some(SocketAddr::from(([127, 0, 0, 1], 3000))),
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let (name, inline) = match flag.split_once('=') {
                Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                None => (flag.clone(), None),
            };
            let mut value = |name: &str| {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{name} needs an address"))
            };
            let addr = |v: String| v.parse::<SocketAddr>().map_err(|e| format!("{name}: {v:?}: {e}"));
            match name.as_str() {
                "--listen" => parsed.listen = addr(value("--listen")?)?,
                "--frontend" => parsed.frontend = Some(addr(value("--frontend")?)?),
                "--no-frontend" => parsed.frontend = None,
                "-h" | "--help" => return Err(USAGE.to_owned()),
                other => return Err(format!("unknown flag {other}\n{USAGE}")),
            }
        }
        Ok(parsed)
    }
}

/// Usage text.
pub const USAGE: &str = "usage: showcase [--listen ADDR] [--frontend ADDR | --no-frontend]";

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        Args::parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_and_flags() {
        let d = parse(&[]).unwrap();
        assert_eq!(d.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(d.frontend.unwrap().to_string(), "127.0.0.1:3000");
        let a = parse(&["--listen", "127.0.0.1:9", "--no-frontend"]).unwrap();
        assert_eq!(a.listen.to_string(), "127.0.0.1:9");
        assert_eq!(a.frontend, None);
        assert_eq!(parse(&["--frontend=127.0.0.1:4"]).unwrap().frontend.unwrap().port(), 4);
        assert!(parse(&["--bogus"]).is_err());
        assert!(parse(&["--listen"]).is_err());
    }
}
