//! Counts in words, shared by every sentence the core writes.

/// "1 seat", "3 seats", "0 seats".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
