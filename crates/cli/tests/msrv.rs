//! The declared minimum Rust version is true of the locked dependencies: the workspace's
//! `rust-version` is at least every locked package's (checked statically, from `cargo metadata`,
//! since only one toolchain is installed where this runs).

use std::process::Command;

fn parse(v: &str) -> (u32, u32, u32) {
    let mut parts = v.split('.').map(|p| p.parse::<u32>().unwrap());
    (
        parts.next().unwrap(),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
}

#[test]
fn declared_rust_version_covers_every_locked_dependency() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let members: Vec<&str> = m["workspace_members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut needed = ((0, 0, 0), String::new());
    let mut declared = Vec::new();
    for p in m["packages"].as_array().unwrap() {
        let name = format!(
            "{} {}",
            p["name"].as_str().unwrap(),
            p["version"].as_str().unwrap()
        );
        let mut v = p["rust_version"].as_str().map(parse).unwrap_or((0, 0, 0));
        if p["edition"] == "2024" {
            v = v.max((1, 85, 0)); // the 2024 edition needs 1.85
        }
        if members.contains(&p["id"].as_str().unwrap()) {
            declared.push((p["rust_version"].as_str().map(parse), name));
        } else if v > needed.0 {
            needed = (v, name);
        }
    }
    assert!(needed.0 >= (1, 85, 0), "{needed:?}: metadata read wrong");
    for (v, name) in declared {
        let v = v.unwrap_or_else(|| panic!("{name} declares no rust-version"));
        assert!(
            v >= needed.0,
            "{name} declares rust-version {v:?} but {} needs {:?}",
            needed.1,
            needed.0
        );
    }
}
