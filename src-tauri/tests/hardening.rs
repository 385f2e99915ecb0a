//! The window's security settings, read from the files Tauri builds from: a content security policy
//! is set, and every command the app registers has its permission in the main window's capability
//! (and nothing else is granted).

use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn registered_commands() -> Vec<String> {
    let main = read("src/main.rs");
    let start =
        main.find("generate_handler![").expect("the handler list") + "generate_handler![".len();
    let end = start + main[start..].find(']').unwrap();
    main[start..end]
        .split(',')
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| s.rsplit("::").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_content_security_policy_is_set_and_loads_nothing_remote() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("app.security.csp must be a string, not null");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(
        !csp.contains("http://") || csp.contains("http://ipc.localhost"),
        "{csp}"
    );
    assert!(!csp.contains("https:"), "no remote origins: {csp}");
    assert!(
        conf["build"].get("devUrl").is_none(),
        "the app never loads a URL"
    );
}

#[test]
fn every_command_is_declared_and_granted_and_nothing_more() {
    let commands = registered_commands();
    assert!(commands.len() >= 5, "{commands:?}");
    let build = read("build.rs");
    let cap: serde_json::Value = serde_json::from_str(&read("capabilities/main.json")).unwrap();
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    let granted: Vec<&str> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for c in &commands {
        assert!(
            build.contains(&format!("\"{c}\"")),
            "{c} is not declared in build.rs"
        );
        let perm = format!("allow-{}", c.replace('_', "-"));
        assert!(
            granted.contains(&perm.as_str()),
            "{perm} is missing from the capability"
        );
    }
    for p in &granted {
        // The file dialogs only: no message boxes, no file system access from the window; and the
        // window's own zoom (Ctrl+= / Ctrl+-), which Tauri's zoom hotkeys call.
        let ok = p.starts_with("core:event:")
            || *p == "core:webview:allow-set-webview-zoom"
            || *p == "dialog:allow-open"
            || *p == "dialog:allow-save"
            || commands
                .iter()
                .any(|c| *p == format!("allow-{}", c.replace('_', "-")));
        assert!(
            ok,
            "{p} is granted but is not one of the app's own commands"
        );
    }
    let toml = read("Cargo.toml");
    for plugin in ["tauri-plugin-shell", "tauri-plugin-http", "tauri-plugin-fs"] {
        assert!(!toml.contains(plugin), "{plugin} must not be used");
    }
}
