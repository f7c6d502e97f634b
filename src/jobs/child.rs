//! Starting and stopping the child process that does a job's work.
//!
//! Limits: the child is started through util-linux `prlimit`, which sets an
//! address-space limit (`--as`), a CPU-time limit (`--cpu`, soft below hard so the
//! child first gets SIGXCPU, which we recognise) and no core dumps on itself and then
//! execs the command, keeping its PID. That needs no `unsafe` `pre_exec`. Without
//! `prlimit` on the PATH the child runs without these limits and a warning is logged;
//! the timeout still applies.
//!
//! The child leads a process group of its own, so a stop reaches anything it started,
//! and a Ctrl-C meant for the worker does not hit it directly.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::process::{Child, Command};
use tokio::task::JoinHandle;

use super::protocol::{parse_line, ChildMessage};
use super::settings::JobSettings;

/// Longest stdout line read; the rest of a longer line is dropped.
const MAX_LINE_BYTES: usize = 1 << 20;
/// stderr lines kept for the failure detail.
const STDERR_TAIL_LINES: usize = 20;
/// How long to wait for the last output after the child exited.
const DRAIN_WAIT: Duration = Duration::from_secs(5);

/// What the child reported so far.
#[derive(Debug, Default)]
pub struct Reported {
    pub stage: String,
    pub percent: f64,
    pub report: Option<Value>,
    pub rejected: Option<(String, String)>,
    pub stderr_tail: VecDeque<String>,
}

pub struct RunningChild {
    child: Child,
    pid: Option<u32>,
    reported: Arc<Mutex<Reported>>,
    readers: Vec<JoinHandle<()>>,
}

/// The program and arguments that run `INPUT` into `out_dir`, wrapped in `prlimit`.
pub fn command_line(settings: &JobSettings, input: &Path, out_dir: &Path) -> std::io::Result<Vec<OsString>> {
    let mut argv: Vec<OsString> = if settings.command.is_empty() {
        vec![std::env::current_exe()?.into(), "transcode".into()]
    } else {
        settings.command.iter().map(OsString::from).collect()
    };
    argv.extend([
        input.as_os_str().to_owned(),
        "--out".into(),
        out_dir.as_os_str().to_owned(),
        "--progress".into(),
    ]);
    // No core dumps: one of a transcoder can be gigabytes on the media disk.
    let mut limits = vec!["--core=0".to_owned()];
    if settings.memory_limit_bytes > 0 {
        limits.push(format!("--as={}", settings.memory_limit_bytes));
    }
    let cpu = settings.cpu_limit();
    limits.push(format!("--cpu={cpu}:{}", cpu.saturating_add(10)));
    match find_on_path("prlimit") {
        Some(prlimit) => {
            let mut wrapped: Vec<OsString> = vec![prlimit.into()];
            wrapped.extend(limits.into_iter().map(OsString::from));
            wrapped.push("--".into());
            wrapped.extend(argv);
            Ok(wrapped)
        }
        None => {
            tracing::warn!("prlimit not found: the child runs without memory and CPU limits");
            Ok(argv)
        }
    }
}

fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into());
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

impl RunningChild {
    pub fn spawn(argv: &[OsString]) -> std::io::Result<RunningChild> {
        let (program, args) = argv
            .split_first()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "empty command"))?;
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0)
            .kill_on_drop(true)
            .spawn()?;
        let reported = Arc::new(Mutex::new(Reported::default()));
        let mut readers = Vec::new();
        if let Some(stdout) = child.stdout.take() {
            readers.push(tokio::spawn(read_stdout(stdout, reported.clone())));
        }
        if let Some(stderr) = child.stderr.take() {
            readers.push(tokio::spawn(read_stderr(stderr, reported.clone())));
        }
        let pid = child.id();
        tracing::info!(pid, "child started");
        Ok(RunningChild {
            child,
            pid,
            reported,
            readers,
        })
    }

    pub fn pid(&self) -> Option<u32> {
        self.pid
    }

    /// The latest stage and percent.
    pub fn progress(&self) -> (String, f64) {
        let reported = lock(&self.reported);
        (reported.stage.clone(), reported.percent)
    }

    /// Waits for the child to exit (cancel-safe, so it can sit in a `select!`).
    pub async fn wait(&mut self) -> std::io::Result<ExitStatus> {
        self.child.wait().await
    }

    /// Kills the child and its process group with SIGKILL. The caller still waits.
    pub async fn kill(&mut self) {
        // Only before the child is reaped does its PID surely still name its group.
        if let (Some(pid), Ok(None)) = (self.pid, self.child.try_wait()) {
            let group = format!("-{pid}");
            let killed = Command::new("kill")
                .args(["-s", "KILL", "--", &group])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .await;
            if !matches!(killed, Ok(status) if status.success()) {
                tracing::debug!(pid, "could not kill the process group; killing the child only");
            }
        }
        if let Err(e) = self.child.start_kill() {
            tracing::debug!(error = %e, "child already gone");
        }
    }

    /// Everything the child reported, once it has exited and its output is read.
    pub async fn finish(self) -> Reported {
        for reader in self.readers {
            // A grandchild may hold the pipe open; do not wait for it forever.
            let abort = reader.abort_handle();
            if tokio::time::timeout(DRAIN_WAIT, reader).await.is_err() {
                abort.abort();
            }
        }
        let mut reported = lock(&self.reported);
        std::mem::take(&mut *reported)
    }
}

fn lock(reported: &Mutex<Reported>) -> std::sync::MutexGuard<'_, Reported> {
    reported.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn read_stdout(stdout: impl AsyncRead + Unpin, reported: Arc<Mutex<Reported>>) {
    let mut reader = BufReader::new(stdout);
    while let Some(line) = next_line(&mut reader).await {
        match parse_line(&line) {
            Some(ChildMessage::Progress { stage, percent }) => {
                tracing::debug!(%stage, percent, "progress");
                let mut r = lock(&reported);
                r.stage = stage;
                r.percent = percent;
            }
            Some(ChildMessage::Report(report)) => lock(&reported).report = Some(report),
            Some(ChildMessage::Rejected { key, detail }) => lock(&reported).rejected = Some((key, detail)),
            None => tracing::debug!(line = %line, "child stdout"),
        }
    }
}

async fn read_stderr(stderr: impl AsyncRead + Unpin, reported: Arc<Mutex<Reported>>) {
    let mut reader = BufReader::new(stderr);
    while let Some(line) = next_line(&mut reader).await {
        tracing::info!(target: "lernwerk::jobs::child", "{line}");
        let mut r = lock(&reported);
        if r.stderr_tail.len() == STDERR_TAIL_LINES {
            r.stderr_tail.pop_front();
        }
        r.stderr_tail.push_back(line);
    }
}

/// The next line without its ending, at most `MAX_LINE_BYTES` long; `None` at the end
/// of the stream or on a read error.
async fn next_line<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> Option<String> {
    let mut line = Vec::new();
    loop {
        let buffer = reader.fill_buf().await.ok()?;
        if buffer.is_empty() {
            return (!line.is_empty()).then(|| String::from_utf8_lossy(&line).into_owned());
        }
        let (chunk, found_end) = match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => (&buffer[..end], Some(end + 1)),
            None => (buffer, None),
        };
        let room = MAX_LINE_BYTES.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = found_end.unwrap_or(buffer.len());
        reader.consume(used);
        if found_end.is_some() {
            let text = String::from_utf8_lossy(&line);
            return Some(text.trim_end_matches('\r').to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn long_lines_are_cut_and_the_rest_still_read() {
        let mut input = vec![b'x'; MAX_LINE_BYTES + 10];
        input.extend_from_slice(b"\nsecond\r\nlast");
        let mut reader = BufReader::new(&input[..]);
        assert_eq!(
            next_line(&mut reader).await.map(|l| l.len()),
            Some(MAX_LINE_BYTES)
        );
        assert_eq!(next_line(&mut reader).await.as_deref(), Some("second"));
        assert_eq!(next_line(&mut reader).await.as_deref(), Some("last"));
        assert_eq!(next_line(&mut reader).await, None);
    }

    #[test]
    fn the_child_gets_its_arguments_after_the_configured_prefix() {
        let settings = JobSettings {
            command: vec!["sh".into(), "-c".into(), "exit 0".into(), "sh".into()],
            memory_limit_bytes: 1 << 30,
            cpu_limit_seconds: 60,
            ..JobSettings::default()
        };
        let argv = command_line(&settings, Path::new("in.mp4"), Path::new("/tmp/out")).unwrap();
        let argv: Vec<String> = argv.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        let tail = [
            "sh",
            "-c",
            "exit 0",
            "sh",
            "in.mp4",
            "--out",
            "/tmp/out",
            "--progress",
        ];
        assert!(argv.ends_with(&tail.map(String::from)), "{argv:?}");
        if argv[0].ends_with("prlimit") {
            assert_eq!(argv[1..5], ["--core=0", "--as=1073741824", "--cpu=60:70", "--"]);
        }
    }
}
