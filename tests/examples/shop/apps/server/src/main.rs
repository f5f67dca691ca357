use std::convert::Infallible;
use std::net::SocketAddr;

use clap::Parser;
use hyper::service::{make_service_fn, service_fn};
use hyper::{Body, Request, Response, Server};
use shop_domain::Order;

/// A tiny order service.
#[derive(Parser)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Print one sample order as JSON and exit.
    #[arg(long)]
    sample: bool,
}

async fn handle(_request: Request<Body>) -> Result<Response<Body>, Infallible> {
    let order = Order::new("coffee", 1).expect("positive quantity");
    Ok(Response::new(Body::from(serde_json::to_string(&order).expect("serialisable"))))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let args = Args::parse();
    if args.sample {
        println!("{}", serde_json::to_string(&Order::new("sample", 1)?)?);
        return Ok(());
    }
    let make = make_service_fn(|_| async { Ok::<_, Infallible>(service_fn(handle)) });
    tracing::info!(%args.listen, "listening");
    Server::bind(&args.listen).serve(make).await?;
    Ok(())
}
