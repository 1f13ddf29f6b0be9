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
    /// Seconds the import may take before it is stopped (default: $RPY_IMPORT_TIMEOUT,
    /// else 60).
    #[arg(long)]
    pub import_timeout: Option<f64>,
    /// Print per-stage timings.
    #[arg(short, long)]
    pub verbose: bool,
    /// Also generate a tracing JIT from the program's `JitDriver` hints.
    #[arg(long)]
    pub jit: bool,
    /// Colour the diagnostics: `auto` colours them when stderr is a terminal (and
    /// NO_COLOR is not set).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// `human` renders diagnostics for people; `json` prints one JSON object per
    /// diagnostic and line (code, message, file, line, col, end, labels, notes, help).
    #[arg(long, value_enum, default_value_t = ErrorFormat::Human)]
    pub error_format: ErrorFormat,
}

#[derive(Copy, Clone, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Copy, Clone, PartialEq, Eq, clap::ValueEnum)]
pub enum ErrorFormat {
    Human,
    Json,
}

fn main() {
    let cli = Cli::parse();
    // A panic is a bug in rpy: the hook keeps its message and place, and it is reported
    // below as an internal error (in the chosen error format), never as a Rust backtrace.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "panic".to_string()
        };
        *driver::PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some(format!("{msg}{place}"));
    }));
    let code = match cli.command {
        Command::Translate(args) => {
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                driver::translate(&args)
            })) {
                Ok(Ok(())) => 0,
                Ok(Err(())) => 1,
                Err(_) => {
                    driver::report_internal_error(&args);
                    1
                }
            }
        }
    };
    std::process::exit(code);
}
