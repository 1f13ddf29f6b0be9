//! The `rpy` command line: `rpy translate prog.py -o prog` runs the whole pipeline
//! (CPython import → flow graphs → annotator → rtyper → LLVM → linked binary) and renders
//! every refusal as a diagnostic. Only this crate does I/O on the user's behalf.

mod driver;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "rpy",
    version,
    about = "Translate restricted Python 3 programs to native binaries"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Translate a Python program (with `def main(argv)`) into a native executable.
    Translate(TranslateArgs),
}

#[derive(clap::Args)]
pub struct TranslateArgs {
    /// The target program.
    pub target: PathBuf,
    /// Output executable (default: the target's name without `.py`).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// LLVM optimization level.
    #[arg(long = "opt", short = 'O', default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub opt: u8,
    /// Write each stage's result as text files into this directory.
    #[arg(long)]
    pub dump: Option<PathBuf>,
    /// The CPython that imports the target.
    #[arg(long, default_value = "python3")]
    pub python: String,
    /// Seconds the import may take before it is stopped.
    #[arg(long, default_value_t = 60.0)]
    pub import_timeout: f64,
    /// Print per-stage timings.
    #[arg(short, long)]
    pub verbose: bool,
    /// Also generate a tracing JIT from the program's `JitDriver` hints.
    #[arg(long)]
    pub jit: bool,
}

fn main() {
    let cli = Cli::parse();
    // A panic is a bug in rpy: report it as an internal error, never as a Rust backtrace.
    std::panic::set_hook(Box::new(|info| {
        let context = driver::CURRENT_FUNCTION.with(|c| c.borrow().clone());
        eprintln!("error: internal error in rpy (this is a bug): {info}");
        if let Some(f) = context {
            eprintln!("  = note: while translating `{f}`");
        }
    }));
    let code = match cli.command {
        Command::Translate(args) => match std::panic::catch_unwind(|| driver::translate(&args)) {
            Ok(Ok(())) => 0,
            Ok(Err(())) => 1,
            Err(_) => 1,
        },
    };
    std::process::exit(code);
}
