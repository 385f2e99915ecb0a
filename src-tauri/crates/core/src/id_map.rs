//! Hash maps keyed by row ids. The standard hasher resists collision attacks, which ids from
//! our own database never mount; a multiply hash is several times cheaper, and the exports and
//! reports look up hundreds of thousands of ids (a tenth of groups.csv's time went on hashing).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_i64(&mut self, i: i64) {
        // Fibonacci hashing: consecutive ids spread over the table, high bits mixed.
        self.0 = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type IdMap<V> = HashMap<i64, V, BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let mut m: IdMap<i64> = IdMap::default();
        for id in (1..50_000).step_by(3) {
            m.insert(id, id * 2);
        }
        assert_eq!(m.len(), (1..50_000).step_by(3).count());
        assert_eq!(m.get(&4), Some(&8));
        assert_eq!(m.get(&5), None);
        assert!(!m.contains_key(&-1));
    }
}
