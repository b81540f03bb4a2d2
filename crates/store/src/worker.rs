//! Extraction out of process: a page that crashes the extractor (a stack overflow cannot be
//! caught) or runs away costs one file, not the import and not the app. The face (the CLI, the
//! app) starts workers of itself: each runs [`serve_extraction`] over its stdin and stdout, takes
//! files one after another, and answers each with the article or a message. A worker that dies,
//! or takes longer than the time bound on one file, is killed and the file fails with a message
//! that says so; the next file gets a fresh worker.
//!
//! Frames, little-endian: a request is `u32` name length, name, `u64` byte count, bytes; an answer
//! is `PXW1`, one status byte (0: article as JSON, 1: a message for a person), `u64` length,
//! payload.

use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use parallax_core::extract::{self, Article};

/// How long one file may take to extract before its worker is stopped.
pub const EXTRACTION_TIME_LIMIT: Duration = Duration::from_secs(30);

/// The time one file may take to extract: [`EXTRACTION_TIME_LIMIT`], or `PARALLAX_EXTRACT_SECONDS`
/// when set to a positive number (the tests use a short bound).
pub fn extraction_time_limit() -> Duration {
    std::env::var("PARALLAX_EXTRACT_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0 && s.is_finite())
        .map_or(EXTRACTION_TIME_LIMIT, Duration::from_secs_f64)
}

/// The first bytes of every answer.
const ANSWER_MAGIC: &[u8; 4] = b"PXW1";

/// The stack of a worker's extraction thread.
const WORKER_STACK_BYTES: usize = 256 << 20;

/// The largest answer a worker may send (an article is far smaller than the 64 MiB file cap).
const MAX_ANSWER_BYTES: u64 = 256 << 20;

/// How to start a worker: a program (usually the running executable) and its arguments.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub time_limit: Duration,
}

impl WorkerCommand {
    /// Workers of the running executable, started with `arg` (the face's hidden worker switch),
    /// bounded by [`extraction_time_limit`]; `None` when the executable cannot be found.
    pub fn this_executable(arg: &str) -> Option<WorkerCommand> {
        Some(WorkerCommand {
            program: std::env::current_exe().ok()?,
            args: vec![arg.to_string()],
            time_limit: extraction_time_limit(),
        })
    }
}

/// Idle workers, reused across files and batches.
#[derive(Debug)]
pub(crate) struct WorkerPool {
    command: WorkerCommand,
    idle: Mutex<Vec<Worker>>,
}

#[derive(Debug)]
struct Worker {
    child: Child,
    stdin: BufWriter<ChildStdin>,
    answers: Receiver<io::Result<(u8, Vec<u8>)>>,
}

impl WorkerPool {
    pub(crate) fn new(command: WorkerCommand) -> Arc<WorkerPool> {
        Arc::new(WorkerPool {
            command,
            idle: Mutex::new(Vec::new()),
        })
    }

    /// Extracts `bytes` (named `file_name`) in a worker (blocking).
    pub(crate) fn extract(&self, file_name: &str, bytes: &[u8]) -> Result<Article, String> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut worker = match idle {
            Some(worker) => worker,
            None => self
                .start()
                .map_err(|error| format!("could not start the extraction worker ({error})"))?,
        };
        match worker.ask(file_name, bytes, self.command.time_limit) {
            Ok(answer) => {
                if let Ok(mut idle) = self.idle.lock() {
                    idle.push(worker);
                }
                answer
            }
            Err(failure) => {
                worker.stop();
                Err(failure)
            }
        }
    }

    fn start(&self) -> io::Result<Worker> {
        let mut child = Command::new(&self.command.program)
            .args(&self.command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdin = BufWriter::new(child.stdin.take().expect("piped"));
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
        let (send, answers) = mpsc::channel();
        std::thread::spawn(move || loop {
            let answer = read_answer(&mut stdout);
            let failed = answer.is_err();
            if send.send(answer).is_err() || failed {
                break;
            }
        });
        Ok(Worker {
            child,
            stdin,
            answers,
        })
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        if let Ok(mut idle) = self.idle.lock() {
            for worker in idle.drain(..) {
                worker.stop();
            }
        }
    }
}

impl Worker {
    /// The worker's answer for one file; `Err` when the worker failed (it is then stopped).
    fn ask(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        limit: Duration,
    ) -> Result<Result<Article, String>, String> {
        let sent = (|| {
            let name = file_name.as_bytes();
            self.stdin.write_all(&(name.len() as u32).to_le_bytes())?;
            self.stdin.write_all(name)?;
            self.stdin.write_all(&(bytes.len() as u64).to_le_bytes())?;
            self.stdin.write_all(bytes)?;
            self.stdin.flush()
        })();
        let crashed = |what: &str| {
            format!("the extractor {what} on this file; it was skipped and the import went on")
        };
        if sent.is_err() {
            return Err(crashed("stopped"));
        }
        match self.answers.recv_timeout(limit) {
            Ok(Ok((0, json))) => Ok(serde_json::from_slice(&json)
                .map_err(|e| format!("the extractor's answer was unreadable ({e})"))),
            Ok(Ok((_, message))) => Ok(Err(String::from_utf8_lossy(&message).into_owned())),
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Err(crashed("crashed")),
            Err(RecvTimeoutError::Timeout) => Err(format!(
                "extracting took longer than {}; the file was skipped",
                seconds(limit)
            )),
        }
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// "30 s", "0.3 s".
fn seconds(duration: Duration) -> String {
    let s = duration.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s:.1} s")
    }
}

fn read_answer(from: &mut impl Read) -> io::Result<(u8, Vec<u8>)> {
    // Anything else on the worker's output (a library printing) breaks the frame: the worker is
    // then treated as failed, never read out of step.
    let mut magic = [0u8; 4];
    from.read_exact(&mut magic)?;
    if &magic != ANSWER_MAGIC {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "not an answer"));
    }
    let mut status = [0u8; 1];
    from.read_exact(&mut status)?;
    let mut len = [0u8; 8];
    from.read_exact(&mut len)?;
    let len = u64::from_le_bytes(len);
    if len > MAX_ANSWER_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "answer too large",
        ));
    }
    let mut payload = vec![0u8; len as usize];
    from.read_exact(&mut payload)?;
    Ok((status[0], payload))
}

/// The worker's side: extracts every file sent on `input` and answers on `output`, until `input`
/// ends. What the face's hidden worker command runs.
pub fn serve_extraction(input: impl Read, output: impl Write) -> io::Result<()> {
    let mut input = BufReader::new(input);
    let mut output = BufWriter::new(output);
    loop {
        let mut len = [0u8; 4];
        match input.read_exact(&mut len) {
            Ok(()) => {}
            Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(error) => return Err(error),
        }
        let mut name = vec![0u8; u32::from_le_bytes(len) as usize];
        input.read_exact(&mut name)?;
        let mut size = [0u8; 8];
        input.read_exact(&mut size)?;
        let size = u64::from_le_bytes(size);
        if size > crate::MAX_IMPORT_BYTES {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "file too large"));
        }
        let mut bytes = vec![0u8; size as usize];
        input.read_exact(&mut bytes)?;
        let name = String::from_utf8_lossy(&name).into_owned();
        // A deep stack: a page nested deeper than the pre-scan can see recurses deeply in the
        // clean-up; should even this overflow, the process dies and costs only this file.
        let extracted = std::thread::Builder::new()
            .stack_size(WORKER_STACK_BYTES)
            .spawn(move || extract::extract(&bytes, &name))
            .and_then(|thread| {
                thread
                    .join()
                    .map_err(|_| io::Error::other("the extractor failed"))
            });
        let (status, payload) = match extracted {
            Ok(Ok(article)) => (0u8, serde_json::to_vec(&article).map_err(io::Error::other)?),
            Ok(Err(error)) => (1u8, error.to_string().into_bytes()),
            Err(_) => (1u8, b"the extractor failed on this file".to_vec()),
        };
        output.write_all(ANSWER_MAGIC)?;
        output.write_all(&[status])?;
        output.write_all(&(payload.len() as u64).to_le_bytes())?;
        output.write_all(&payload)?;
        output.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(name: &str, bytes: &[u8]) -> Vec<u8> {
        let mut frame = Vec::new();
        frame.extend((name.len() as u32).to_le_bytes());
        frame.extend(name.as_bytes());
        frame.extend((bytes.len() as u64).to_le_bytes());
        frame.extend(bytes);
        frame
    }

    #[test]
    fn a_worker_answers_each_file_in_turn() {
        let mut input = request(
            "ferry.txt",
            b"Ferry resumes (fictional)\n\nThe Kelmsby ferry ran again on Monday after repairs.\n",
        );
        input.extend(request("empty.txt", b""));
        let mut output = Vec::new();
        serve_extraction(input.as_slice(), &mut output).unwrap();
        let mut answers = output.as_slice();
        let (status, json) = read_answer(&mut answers).unwrap();
        assert_eq!(status, 0);
        let article: Article = serde_json::from_slice(&json).unwrap();
        assert!(article.body().contains("ran again on Monday"));
        let (status, message) = read_answer(&mut answers).unwrap();
        assert_eq!(status, 1);
        assert!(!message.is_empty());
        assert!(read_answer(&mut answers).is_err(), "two files, two answers");
    }

    #[cfg(unix)]
    fn pool(script: &str, limit: Duration) -> Arc<WorkerPool> {
        WorkerPool::new(WorkerCommand {
            program: "sh".into(),
            args: vec!["-c".into(), script.into()],
            time_limit: limit,
        })
    }

    #[cfg(unix)]
    #[test]
    fn a_crashed_worker_costs_one_file_and_a_new_one_starts() {
        // A worker that reads the request and dies, as one would on a stack overflow.
        let pool = pool(
            "head -c 1 >/dev/null; kill -SEGV $$",
            Duration::from_secs(10),
        );
        for _ in 0..2 {
            let error = pool.extract("page.html", b"<p>x</p>").unwrap_err();
            assert!(error.contains("crashed"), "{error}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_worker_past_the_time_limit_is_stopped() {
        let pool = pool("sleep 30", Duration::from_millis(300));
        let started = std::time::Instant::now();
        let error = pool.extract("slow.html", b"<p>x</p>").unwrap_err();
        assert!(error.contains("longer than"), "{error}");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "it did not wait for the worker"
        );
    }
}
