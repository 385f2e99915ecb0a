//! Work on a long list shared between the cores, each core taking one run of it, results kept in
//! the list's order. For work done row by row on a file of many thousand rows (making name
//! keys); a short list is done on the calling thread, where starting threads would
//! cost more than it saves.

/// Lists shorter than this are done on the calling thread.
const MIN_LEN: usize = 2_000;

/// `f` applied to runs of `items`, the results joined in order.
pub fn map_in_order<T: Sync, U: Send>(items: &[T], f: impl Fn(&[T]) -> Vec<U> + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || items.len() < MIN_LEN {
        return f(items);
    }
    let f = &f;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|part| scope.spawn(move || f(part)))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().expect("a worker thread panicked"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_for_short_and_long_lists() {
        for n in [0, 5, MIN_LEN * 3 + 1] {
            let items: Vec<usize> = (0..n).collect();
            let doubled = map_in_order(&items, |part| part.iter().map(|i| i * 2).collect());
            assert_eq!(doubled, (0..n).map(|i| i * 2).collect::<Vec<_>>());
        }
    }
}
