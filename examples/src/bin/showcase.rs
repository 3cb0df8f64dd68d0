//! `showcase [--listen ADDR] [--frontend ADDR | --no-frontend]`: the showcase API and its demo page.

use actix_web::{App, HttpServer};
use cors_examples::showcase::{args::Args, frontend, Showcase};
use tracing_subscriber::EnvFilter;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with_writer(std::io::stderr)
        .init();

    let showcase = match Showcase::new() {
        Ok(showcase) => showcase,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let api = HttpServer::new(move || showcase.app()).workers(2).bind(args.listen)?;
    let api_addr = api.addrs()[0];
    let api_url = format!("http://{api_addr}");
    let api = api.run();

    let frontend = match args.frontend {
        Some(addr) => {
            let base = api_url.clone();
            let server = HttpServer::new(move || {
                let base = base.clone();
                App::new().configure(move |cfg| frontend::configure(cfg, base))
            })
            .workers(1)
            .bind(addr)?;
            println!("demo page on http://localhost:{}", server.addrs()[0].port());
            Some(server.run())
        }
        None => None,
    };
    println!("listening on {api_url}");

    match frontend {
        Some(frontend) => futures_join(api, frontend).await,
        None => api.await,
    }
}

async fn futures_join(a: actix_web::dev::Server, b: actix_web::dev::Server) -> std::io::Result<()> {
    let (a, b) = (actix_web::rt::spawn(a), actix_web::rt::spawn(b));
    a.await.map_err(std::io::Error::other)??;
    b.await.map_err(std::io::Error::other)??;
    Ok(())
}
