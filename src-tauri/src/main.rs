// Compact Directory's window. Everything here is thin: parse the arguments, open the store, hand
// IPC calls to the core, and turn its typed errors into sentences (see error.rs).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
mod state;

use std::path::PathBuf;

fn main() {
    let db = db_argument(std::env::args().skip(1));
    let state = state::AppState::open(compactdir_core::paths::resolve_db_path(db));
    tauri::Builder::default()
        .manage(state)
        .manage(commands::import::ImportSession::default())
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::directory::directory_summary,
            commands::directory::reference_data,
            commands::directory::remove_demo,
            commands::groups::list_groups,
            commands::groups::get_group,
            commands::groups::save_group,
            commands::groups::suggest_class,
            commands::groups::search_groups,
            commands::groups::needs_checking,
            commands::groups::mark_checked,
            commands::categories::add_category,
            commands::categories::rename_category,
            commands::categories::set_category_retired,
            commands::directory::settings,
            commands::directory::save_settings,
            commands::partnerships::list_partnerships,
            commands::partnerships::get_partnership,
            commands::partnerships::partnership_input,
            commands::partnerships::save_partnership,
            commands::partnerships::partnership_problems,
            commands::seats::seat_input,
            commands::seats::save_seat,
            commands::seats::seat_history,
            commands::people::list_people,
            commands::people::get_person,
            commands::people::save_person,
            commands::people::people_due_for_review,
            commands::people::export_subject_access,
            commands::people::erase_person,
            commands::appointments::appoint,
            commands::appointments::end_appointment,
            commands::appointments::edit_appointment,
            commands::accountability::record_report_back,
            commands::accountability::record_declaration,
            commands::accountability::record_attendance,
            commands::accountability::register_on,
            commands::accountability::accountability_log,
            commands::duplicates::scan_duplicates,
            commands::duplicates::duplicate_review_progress,
            commands::duplicates::mark_not_duplicate,
            commands::duplicates::merge_preview,
            commands::duplicates::merge_groups,
            commands::duplicates::undo_merge,
            commands::duplicates::merge_log,
            commands::import::import_preview,
            commands::import::import_check,
            commands::import::import_save_rejected,
            commands::import::import_apply,
            commands::import::import_undo,
            commands::import::save_import_mapping,
            commands::import::export_groups_csv,
            commands::seat_import::import_seats,
            commands::seat_import::undo_seat_import,
            commands::wards::ward_list,
            commands::wards::ward_file_districts,
            commands::wards::load_wards,
            commands::wards::remove_ward_district,
            commands::wards::check_ward_district_removal,
            commands::import_history::list_imports,
            commands::exports::export_review_pack,
            commands::exports::export_open_referral,
            commands::gaps::gap_matrix,
            commands::gaps::gap_cell,
            commands::audit::audit_trail,
            commands::audit::undo_change,
            commands::backups::list_backups,
            commands::backups::restore_backup,
            commands::gaps::seat_balance,
            commands::gaps::directory_coverage,
            commands::gaps::default_picture_path,
            commands::gaps::save_picture,
        ])
        .run(tauri::generate_context!())
        .expect("the Compact Directory window could not start");
}

/// `--db PATH` or `--db=PATH`; anything else is left to Tauri and WebKit.
fn db_argument(mut args: impl Iterator<Item = String>) -> Option<PathBuf> {
    while let Some(a) = args.next() {
        if a == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix("--db=") {
            return Some(PathBuf::from(p));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::db_argument;

    #[test]
    fn reads_the_db_option_in_both_forms() {
        let args = |v: &[&str]| {
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(
            db_argument(args(&["--db", "/tmp/a.sqlite3"]))
                .unwrap()
                .to_str(),
            Some("/tmp/a.sqlite3")
        );
        assert_eq!(
            db_argument(args(&["-x", "--db=/tmp/b"])).unwrap().to_str(),
            Some("/tmp/b")
        );
        assert!(db_argument(args(&["--other"])).is_none());
    }
}
