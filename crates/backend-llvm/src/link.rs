//! Linking: the object file plus the runtime staticlib, by the system C compiler driver.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Finds `librpyrt.a`: `$RPY_RUNTIME`, else next to the running `rpy` executable (cargo
/// puts both in target/<profile>/), else in its `deps/` folder.
pub fn find_runtime() -> Result<PathBuf, String> {
    if let Ok(p) = std::env::var("RPY_RUNTIME") {
        return Ok(PathBuf::from(p));
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut dirs = vec![];
    if let Some(d) = exe.parent() {
        dirs.push(d.to_path_buf());
        if let Some(up) = d.parent() {
            dirs.push(up.to_path_buf());
        }
    }
    for d in dirs {
        let exact = d.join("librpyrt.a");
        if exact.exists() {
            return Ok(exact);
        }
        // Built as a dependency only: cargo leaves it hashed in deps/; take the newest.
        let newest = std::fs::read_dir(d.join("deps"))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| {
                let n = e.file_name().to_string_lossy().into_owned();
                n.starts_with("librpyrt") && n.ends_with(".a")
            })
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok());
        if let Some(e) = newest {
            return Ok(e.path());
        }
    }
    Err("cannot find the runtime library librpyrt.a next to the rpy executable; build the workspace \
         (`cargo build --release --workspace`) or set RPY_RUNTIME=/path/to/librpyrt.a"
        .into())
}

/// Links `obj` with the runtime into the executable `out`.
pub fn link(obj: &Path, runtime: &Path, out: &Path) -> Result<(), String> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let output = Command::new(&cc)
        .arg("-o")
        .arg(out)
        .arg(obj)
        .arg(runtime)
        // The runtime's Rust std carries debug info it does not need in the binary.
        .args([
            "-lm",
            "-lpthread",
            "-ldl",
            "-Wl,--gc-sections",
            "-Wl,--strip-debug",
        ])
        .output()
        .map_err(|e| {
            format!("cannot run the linker `{cc}`: {e} (install a C compiler: apt-get install gcc)")
        })?;
    if !output.status.success() {
        return Err(format!(
            "linking failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}
