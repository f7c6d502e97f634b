//! The master playlist as a learner's player gets it: only the renditions their data-saver
//! choice allows, so that every player obeys it, native HLS players (which no script can
//! steer) as much as hls.js.
//!
//! - every choice: no subtitle renditions (the learner's page brings its subtitles as
//!   side-car `<track>`s, the same for HLS, hls.js and the saved MP4, so they are not
//!   fetched twice), and no audio-only variant unless asked for (a player's bandwidth
//!   guess must never take the picture away);
//! - a height cap: video variants higher than the cap are dropped (when none is low
//!   enough, only the lowest one stays);
//! - audio only: the audio-only variant alone, as a plain stream (without the audio
//!   group that names the same playlist), so players fetch only sound.

/// What the learner's player may load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renditions {
    AllVideo,
    MaxHeight(u32),
    AudioOnly,
}

/// One `#EXT-X-STREAM-INF` with its URI line.
struct StreamInf {
    attributes: Vec<(String, String)>,
    uri: String,
}

impl StreamInf {
    fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Lines high, from `RESOLUTION=WxH`; `None` for audio-only variants.
    fn height(&self) -> Option<u32> {
        let (_, height) = self.get("RESOLUTION")?.split_once('x')?;
        height.parse().ok()
    }

    fn is_audio_only(&self) -> bool {
        self.get("RESOLUTION").is_none()
            && self
                .get("CODECS")
                .is_some_and(|c| !c.contains("avc1") && !c.contains("hvc1"))
    }

    fn bandwidth(&self) -> u64 {
        self.get("BANDWIDTH")
            .and_then(|b| b.parse().ok())
            .unwrap_or(u64::MAX)
    }

    fn write(&self, out: &mut String) {
        out.push_str("#EXT-X-STREAM-INF:");
        let attributes: Vec<String> = self
            .attributes
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        out.push_str(&attributes.join(","));
        out.push('\n');
        out.push_str(&self.uri);
        out.push('\n');
    }

    fn without(mut self, name: &str) -> Self {
        self.attributes.retain(|(n, _)| n != name);
        self
    }
}

/// `A=1,B="x,y",C=z` → `[(A, 1), (B, "x,y"), (C, z)]`, values as written (quotes kept).
fn attributes(list: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = list;
    while !rest.is_empty() {
        let Some((name, after)) = rest.split_once('=') else {
            break;
        };
        let (value, next) = if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted.find('"').map_or(quoted.len(), |i| i + 1);
            let value = &after[..(end + 1).min(after.len())];
            (value, &after[value.len()..])
        } else {
            let end = after.find(',').unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        out.push((name.trim().to_owned(), value.to_owned()));
        rest = next.strip_prefix(',').unwrap_or(next);
    }
    out
}

/// The master playlist `text` (as [`super::write_master`] writes it) for a learner who
/// may load `allowed`.
pub fn learner_master(text: &str, allowed: Renditions) -> String {
    let mut header = Vec::new();
    let mut audio_groups = Vec::new();
    let mut variants = Vec::new();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    while let Some(line) = lines.next() {
        if let Some(list) = line.strip_prefix("#EXT-X-STREAM-INF:") {
            // The URI is the next line that is not a tag.
            if let Some(uri) = lines.by_ref().find(|l| !l.starts_with('#')) {
                variants.push(StreamInf {
                    attributes: attributes(list),
                    uri: uri.to_owned(),
                });
            }
        } else if line.starts_with("#EXT-X-MEDIA:") {
            if line.contains("TYPE=AUDIO") {
                audio_groups.push(line.to_owned());
            }
            // Subtitle (and any other) renditions are left out: see the module comment.
        } else {
            header.push(line.to_owned());
        }
    }
    let variants: Vec<StreamInf> = variants.into_iter().map(|v| v.without("SUBTITLES")).collect();
    let (video, audio_only): (Vec<StreamInf>, Vec<StreamInf>) =
        variants.into_iter().partition(|v| !v.is_audio_only());

    let (kept, keep_audio_groups) = match allowed {
        Renditions::AudioOnly if !audio_only.is_empty() => (
            audio_only.into_iter().map(|v| v.without("AUDIO")).collect(),
            false,
        ),
        // Without an audio-only rendition (a video without sound) the least data it is.
        Renditions::AudioOnly => (capped(video, 0), true),
        Renditions::MaxHeight(max) => (capped(video, max), true),
        Renditions::AllVideo => (video, true),
    };

    let mut out = String::new();
    for line in &header {
        out.push_str(line);
        out.push('\n');
    }
    if keep_audio_groups && !audio_groups.is_empty() {
        out.push('\n');
        for line in &audio_groups {
            out.push_str(line);
            out.push('\n');
        }
    }
    for variant in &kept {
        out.push('\n');
        variant.write(&mut out);
    }
    out
}

/// The video variants at most `max` lines high, in their order; the lowest one if none is.
fn capped(video: Vec<StreamInf>, max: u32) -> Vec<StreamInf> {
    if video.iter().any(|v| v.height().is_some_and(|h| h <= max)) {
        return video
            .into_iter()
            .filter(|v| v.height().is_some_and(|h| h <= max))
            .collect();
    }
    video
        .into_iter()
        .min_by_key(|v| (v.height().unwrap_or(u32::MAX), v.bandwidth()))
        .into_iter()
        .collect()
}

#[cfg(test)]
#[path = "learner_master_tests.rs"]
mod tests;
