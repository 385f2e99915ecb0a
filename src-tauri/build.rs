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
    "partnership_input",
    "save_partnership",
    "seat_input",
    "save_seat",
    "seat_history",
    "get_person",
    "save_person",
    "people_due_for_review",
    "export_subject_access",
    "erase_person",
    "end_appointment",
    "record_declaration",
    "record_attendance",
    "accountability_log",
    "scan_duplicates",
    "duplicate_review_progress",
    "mark_not_duplicate",
    "merge_preview",
    "merge_groups",
    "undo_merge",
    "merge_log",
    "gap_matrix",
    "seat_balance",
    "directory_coverage",
    "default_picture_path",
    "save_picture",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step failed");
}
