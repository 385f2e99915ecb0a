// The app's own commands are declared here so that each needs a permission: the main window's
// capability (capabilities/main.json) lists exactly these, and nothing else can be invoked.
const COMMANDS: &[&str] = &[
    "directory_summary",
    "reference_data",
    "list_groups",
    "get_group",
    "save_group",
    "suggest_class",
    "remove_demo",
    "search_groups",
    "needs_checking",
    "mark_checked",
    "add_category",
    "rename_category",
    "set_category_retired",
    "settings",
    "save_settings",
    "list_partnerships",
    "get_partnership",
    "list_people",
    "appoint",
    "record_report_back",
    "import_preview",
    "import_check",
    "import_save_rejected",
    "import_apply",
    "import_undo",
    "save_import_mapping",
    "export_groups_csv",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step failed");
}
