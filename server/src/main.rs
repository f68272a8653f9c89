//! `mandate-tracker`: the web server and its command-line tools.

use clap::Parser;
use server::settings::{Cli, Command, DemoCommand, DigestCommand};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    server::telemetry::init(&cli.log);
    let outcome = match cli.command.unwrap_or_default() {
        Command::Serve(args) => server::serve(cli.database, args).await,
        Command::Migrate => server::migrate_only(cli.database).await,
        Command::Import(args) => server::import::run(cli.database, args).await,
        Command::Extract(args) => server::import::extract_command(args),
        Command::Calendar(args) => server::calendar::run(cli.database, &args.file).await,
        Command::User(command) => server::users::run(cli.database, command).await,
        Command::Demo(DemoCommand::Progress(args)) => {
            server::demo::run(cli.database, &args.file).await
        }
        Command::Demo(DemoCommand::Corpus(args)) => {
            server::demo::corpus::run(cli.database, &args.file).await
        }
        Command::Demo(DemoCommand::Generate(args)) => {
            server::demo::generate(cli.database, args.obligations).await
        }
        Command::Digest(DigestCommand::Send(args)) => {
            server::digests::run(cli.database, args).await
        }
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            // One line, the whole chain of causes: "error: cannot bind 127.0.0.1:3000: Address in use".
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
