//! Splitting per-item work over the machine's cores (loading a million claims: parse,
//! validate, index), with `std::thread::scope` and results in input order.

/// Below this many items, work stays on the calling thread.
const ITEMS_PER_THREAD: usize = 16 * 1024;

/// The machine's threads, asked once.
pub fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `work(first, chunk)` over `items` in one contiguous chunk per thread (`first` is
/// the chunk's first index); the chunks' results, in order.
pub fn map_chunks<T: Sync, R: Send>(items: &[T], work: impl Fn(usize, &[T]) -> R + Sync) -> Vec<R> {
    let threads = threads().min(items.len() / ITEMS_PER_THREAD).max(1);
    if threads == 1 {
        return vec![work(0, items)];
    }
    let per_thread = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let mut chunks = items.chunks(per_thread).enumerate();
        let mine = chunks.next();
        let others: Vec<_> = chunks
            .map(|(n, chunk)| scope.spawn(move || work(n * per_thread, chunk)))
            .collect();
        let mut results = Vec::with_capacity(threads);
        if let Some((_, chunk)) = mine {
            results.push(work(0, chunk));
        }
        for handle in others {
            // A worker's panic goes on on this thread.
            results.push(
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        results
    })
}

/// `f` over every item, on as many threads as pay; results in input order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let chunks = map_chunks(items, |_, chunk| chunk.iter().map(&f).collect::<Vec<R>>());
    let mut out = Vec::with_capacity(items.len());
    for chunk in chunks {
        out.extend(chunk);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u64> = (0..100_000).collect();
        assert_eq!(
            map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        let firsts: Vec<usize> = map_chunks(&items, |first, chunk| {
            assert_eq!(chunk[0] as usize, first);
            first
        });
        assert_eq!(firsts[0], 0);
        assert!(firsts.is_sorted());
    }
}
