//! `depeche serve`.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use depeche_index::Schema;
use depeche_server::{IndexHandle, Options};

use crate::args::ServeArgs;

pub fn run(args: ServeArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    let opts = Options {
        cors: args.cors.clone(),
        request_timeout: Duration::from_secs(args.timeout),
        ..Options::default()
    };
    let index = IndexHandle::open(&args.index.dir, schema);
    if let Err(e) = index.searcher() {
        eprintln!("depeche: {}; serving 503 and retrying every second", e.message);
    }
    // Fail on a bad option before binding anything.
    let _ = depeche_server::router(index.clone(), &opts)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr().context("cannot read the bound address")?;
        if !addr.ip().is_loopback() {
            eprintln!(
                "depeche: warning: listening on {addr}, not loopback: anyone who can reach this \
                 machine can search the index"
            );
        }
        eprintln!("depeche: serving {} on http://{addr}/", args.index.dir.display());
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        depeche_server::serve(listener, index, opts, shutdown).await?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
