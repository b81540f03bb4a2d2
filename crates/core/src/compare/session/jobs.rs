//! Running a session's independent analyses on the machine's cores: a small pool of scoped
//! threads pulling jobs from a queue, results returned in job order (so the model does not depend
//! on which thread ran what).

use std::sync::{Mutex, PoisonError};
use std::thread;

/// A job of one session build.
pub(super) type Job<'s, T> = Box<dyn FnOnce() -> T + Send + 's>;

/// Runs every job, on up to the available cores, and returns their results in job order. A
/// panicking job panics the caller, as if it had run inline.
pub(super) fn run_all<'s, T: Send>(jobs: Vec<Job<'s, T>>) -> Vec<T> {
    let workers = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len());
    if workers <= 1 {
        return jobs.into_iter().map(|job| job()).collect();
    }
    let count = jobs.len();
    // Popped from the back: reversed so the first jobs (the longest, by convention) start first.
    let queue: Mutex<Vec<(usize, Job<'s, T>)>> =
        Mutex::new(jobs.into_iter().enumerate().rev().collect());
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..count).map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let next = queue.lock().unwrap_or_else(PoisonError::into_inner).pop();
                let Some((k, job)) = next else { break };
                let result = job();
                results.lock().unwrap_or_else(PoisonError::into_inner)[k] = Some(result);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_job_order() {
        let jobs: Vec<Job<'_, usize>> = (0..20usize)
            .map(|k| -> Job<'_, usize> { Box::new(move || k * k) })
            .collect();
        assert_eq!(run_all(jobs), (0..20).map(|k| k * k).collect::<Vec<_>>());
        assert!(run_all::<u8>(Vec::new()).is_empty());
    }
}
