//! The projector's playlist for browsers that play HLS themselves. They choose the rung
//! on their own and start low (Chromium 156 starts at 240p, then climbs), and they cannot
//! be told otherwise; on a projector in a LAN the top rung from the first second is what
//! is wanted. So they get a master playlist with only the top video rung (and the audio),
//! with URIs made absolute under the package's media route. Subtitles are left out: the
//! projector shows the side-car WebVTT itself, large.

/// `master` rewritten to its top video rung; `base` is the package's URL ending in `/`.
/// `None` when the master lists no video rung.
pub fn top_rung_only(master: &str, base: &str) -> Option<String> {
    let lines: Vec<&str> = master.lines().map(str::trim).collect();
    let mut out = String::new();
    let mut best: Option<(u64, u64, &str, &str)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(attrs) = line.strip_prefix("#EXT-X-STREAM-INF:") {
            let uri = lines.get(i + 1).copied().unwrap_or("");
            i += 2;
            let Some(height) = attribute(attrs, "RESOLUTION")
                .and_then(|r| r.split_once('x'))
                .and_then(|(_, h)| h.parse::<u64>().ok())
            else {
                continue; // audio only
            };
            let bandwidth = attribute(attrs, "BANDWIDTH")
                .and_then(|b| b.parse::<u64>().ok())
                .unwrap_or(0);
            if best.is_none_or(|(h, b, _, _)| (height, bandwidth) > (h, b)) {
                best = Some((height, bandwidth, attrs, uri));
            }
            continue;
        }
        i += 1;
        if line.starts_with("#EXT-X-MEDIA:") {
            if attribute(line, "TYPE") == Some("AUDIO") {
                out.push_str(&absolute_uri_attribute(line, base));
                out.push('\n');
            }
        } else if line.starts_with("#EXT") {
            out.push_str(line);
            out.push('\n');
        }
    }
    let (_, _, attrs, uri) = best?;
    let attrs = attrs.replace(",SUBTITLES=\"subs\"", "");
    out.push_str(&format!("#EXT-X-STREAM-INF:{attrs}\n{base}{uri}\n"));
    Some(out)
}

/// The value of `name=` in an attribute list, without quotes.
fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let start = attrs
        .match_indices(&format!("{name}="))
        .find(|(i, _)| *i == 0 || matches!(attrs.as_bytes()[i - 1], b',' | b':'))?
        .0
        + name.len()
        + 1;
    let rest = &attrs[start..];
    if let Some(quoted) = rest.strip_prefix('"') {
        quoted.split('"').next()
    } else {
        rest.split(',').next()
    }
}

fn absolute_uri_attribute(line: &str, base: &str) -> String {
    match attribute(line, "URI") {
        Some(uri) => line.replace(&format!("URI=\"{uri}\""), &format!("URI=\"{base}{uri}\"")),
        None => line.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MASTER: &str = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n\n\
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"Audio\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio/index.m3u8\"\n\
#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"de\",NAME=\"Deutsch\",DEFAULT=YES,AUTOSELECT=YES,URI=\"subs/de/index.m3u8\"\n\n\
#EXT-X-STREAM-INF:BANDWIDTH=637117,AVERAGE-BANDWIDTH=637117,CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=640x360,FRAME-RATE=25.000,AUDIO=\"audio\",SUBTITLES=\"subs\"\n\
video/360p/index.m3u8\n\n\
#EXT-X-STREAM-INF:BANDWIDTH=1628559,AVERAGE-BANDWIDTH=1618438,CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=25.000,AUDIO=\"audio\",SUBTITLES=\"subs\"\n\
video/720p/index.m3u8\n\n\
#EXT-X-STREAM-INF:BANDWIDTH=386695,AVERAGE-BANDWIDTH=385717,CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=426x240,FRAME-RATE=25.000,AUDIO=\"audio\",SUBTITLES=\"subs\"\n\
video/240p/index.m3u8\n\n\
#EXT-X-STREAM-INF:BANDWIDTH=97683,AVERAGE-BANDWIDTH=97683,CODECS=\"mp4a.40.2\",AUDIO=\"audio\",SUBTITLES=\"subs\"\n\
audio/index.m3u8\n";

    #[test]
    fn keeps_the_top_rung_and_the_audio_with_absolute_uris() {
        let out = top_rung_only(MASTER, "/media/videos/5/").unwrap();
        assert_eq!(
            out,
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n\
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"Audio\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"/media/videos/5/audio/index.m3u8\"\n\
#EXT-X-STREAM-INF:BANDWIDTH=1628559,AVERAGE-BANDWIDTH=1618438,CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=25.000,AUDIO=\"audio\"\n\
/media/videos/5/video/720p/index.m3u8\n"
        );
    }

    #[test]
    fn no_video_rung_no_playlist() {
        assert_eq!(top_rung_only("#EXTM3U\n", "/x/"), None);
        assert_eq!(
            attribute("BANDWIDTH=1,AVERAGE-BANDWIDTH=2", "BANDWIDTH"),
            Some("1")
        );
        assert_eq!(attribute("A=1,AVERAGE-BANDWIDTH=2", "BANDWIDTH"), None);
    }
}
