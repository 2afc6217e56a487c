//! Writes the compiled form of byline's bundled gazetteer.
//!
//! ```text
//! cargo run --release -p tablegen                  writes gazetteers/compiled/gazetteer.bin
//! cargo run --release -p tablegen -- --check       fails if that file is not what it would write
//! cargo run --release -p tablegen -- FILE          writes FILE instead
//! ```
//!
//! The file is what byline reads at start-up instead of parsing and
//! compiling the tables of `gazetteers/` (see `src/gazetteer/tables.rs`).
//! It only reads the tables that the crate bundles, so it runs offline.
//! After any change to a bundled table or to the gazetteer's compiler, run
//! it again and commit its output; CI runs it with `--check`. A stale file
//! is never read (the crate compiles the tables instead, more slowly), and
//! the crate's tests fail until it is written again.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let default =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../gazetteers/compiled/gazetteer.bin");
    let mut check = false;
    let mut path = default;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--check" => check = true,
            "-h" | "--help" => {
                println!("usage: tablegen [--check] [FILE]");
                return ExitCode::SUCCESS;
            }
            _ if arg.starts_with("--") => {
                eprintln!("tablegen: unknown option {arg}");
                return ExitCode::FAILURE;
            }
            _ => path = PathBuf::from(arg),
        }
    }
    let bytes = match byline::gazetteer::__compiled_tables() {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("tablegen: {err}");
            return ExitCode::FAILURE;
        }
    };
    if check {
        return match std::fs::read(&path) {
            Ok(old) if old == bytes => ExitCode::SUCCESS,
            Ok(_) => {
                eprintln!(
                    "tablegen: {} is stale: run `cargo run --release -p tablegen` and commit it",
                    path.display()
                );
                ExitCode::FAILURE
            }
            Err(err) => {
                eprintln!("tablegen: {}: {err}", path.display());
                ExitCode::FAILURE
            }
        };
    }
    if let Err(err) = std::fs::write(&path, &bytes) {
        eprintln!("tablegen: {}: {err}", path.display());
        return ExitCode::FAILURE;
    }
    println!("{}: {} bytes", path.display(), bytes.len());
    ExitCode::SUCCESS
}
