use compactdir_core::domain::partnership::{Appointment, SeatInput};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// A seat as its form shows it, with the categories and wards it speaks for.
#[tauri::command]
pub fn seat_input(state: State<'_, AppState>, id: i64) -> Result<SeatInput, AppError> {
    state.with(|s| s.seat_input(id))
}

/// Adds (`id: null`) or updates a seat; returns its id.
#[tauri::command]
pub fn save_seat(state: State<'_, AppState>, input: SeatInput) -> Result<i64, AppError> {
    state.change(|s| s.save_seat(input))
}

/// Everyone who has held the seat or been its alternate, newest term first.
#[tauri::command]
pub fn seat_history(
    state: State<'_, AppState>,
    seat_id: i64,
) -> Result<Vec<Appointment>, AppError> {
    state.with(|s| s.seat_history(seat_id))
}
