//! The transcoder on real media, checked with ffprobe and by parsing what it wrote.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

mod package;
mod probe_tools;
mod refusals;
mod shapes;
mod subtitles_cli;
