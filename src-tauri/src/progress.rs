//! Import progress for the page: file outcomes gathered into a few `Files` messages a second.

use std::time::{Duration, Instant};

use parallax_store::ImportProgress;

use crate::wire::{FileOutcome, ImportEvent};

/// The longest a finished file waits before the page hears of it.
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);

/// Collects per-file progress and hands `ImportEvent::Files` to `send` at most once per
/// [`PROGRESS_INTERVAL`] (the first file and the last one at once).
pub struct ProgressBatcher<S: FnMut(ImportEvent)> {
    send: S,
    pending: Vec<FileOutcome>,
    done: usize,
    total: usize,
    last_sent: Option<Instant>,
    /// The articles the batch added, in order (their events are suggested at the end).
    imported: Vec<i64>,
}

impl<S: FnMut(ImportEvent)> ProgressBatcher<S> {
    pub fn new(send: S) -> Self {
        Self {
            send,
            pending: Vec::new(),
            done: 0,
            total: 0,
            last_sent: None,
            imported: Vec::new(),
        }
    }

    /// The articles the batch added so far.
    pub fn imported(&self) -> &[i64] {
        &self.imported
    }

    /// One more file is done.
    pub fn push(&mut self, progress: ImportProgress) {
        self.done = progress.done;
        self.total = progress.total;
        if let parallax_store::ImportOutcome::Imported { id, .. } = progress.outcome {
            self.imported.push(id);
        }
        self.pending
            .push(FileOutcome::new(progress.path, progress.outcome));
        let due = self
            .last_sent
            .is_none_or(|sent| sent.elapsed() >= PROGRESS_INTERVAL);
        if due || self.done >= self.total {
            self.flush();
        }
    }

    /// Sends what is pending, if anything.
    pub fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        (self.send)(ImportEvent::Files {
            done: self.done,
            total: self.total,
            outcomes: std::mem::take(&mut self.pending),
        });
        self.last_sent = Some(Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use parallax_store::ImportOutcome;

    use super::*;

    fn progress(done: usize, total: usize) -> ImportProgress {
        ImportProgress {
            done,
            total,
            path: format!("/drop/{done}.txt"),
            outcome: ImportOutcome::Failed {
                path: format!("/drop/{done}.txt"),
                message: "the file is empty".into(),
            },
        }
    }

    #[test]
    fn a_fast_batch_becomes_a_few_messages_with_every_outcome_in_order() {
        let mut sent = Vec::new();
        let mut batcher = ProgressBatcher::new(|event| sent.push(event));
        for done in 1..=2_000 {
            batcher.push(progress(done, 2_000));
        }
        batcher.flush();
        drop(batcher);

        assert!(
            sent.len() < 20,
            "2,000 files finished within moments are a handful of messages, not {}",
            sent.len()
        );
        let mut paths = Vec::new();
        for event in &sent {
            let ImportEvent::Files {
                outcomes, total, ..
            } = event
            else {
                panic!("only Files events: {event:?}");
            };
            assert_eq!(*total, 2_000);
            paths.extend(outcomes.iter().map(|outcome| match outcome {
                FileOutcome::Error { path, .. } => path.clone(),
                other => panic!("every test file failed: {other:?}"),
            }));
        }
        let expected: Vec<String> = (1..=2_000).map(|n| format!("/drop/{n}.txt")).collect();
        assert_eq!(paths, expected, "every outcome arrives once, in order");
        assert!(
            matches!(sent.first(), Some(ImportEvent::Files { done: 1, .. })),
            "the first file is reported at once"
        );
        assert!(
            matches!(sent.last(), Some(ImportEvent::Files { done: 2_000, .. })),
            "the last message completes the batch"
        );
    }

    #[test]
    fn nothing_pending_sends_nothing() {
        let mut sent = 0;
        let mut batcher = ProgressBatcher::new(|_| sent += 1);
        batcher.flush();
        drop(batcher);
        assert_eq!(sent, 0);
    }
}
