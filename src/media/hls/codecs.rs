//! RFC 6381 codec strings for the CODECS attribute.

/// CODECS of our audio: AAC-LC.
pub const AAC_LC: &str = "mp4a.40.2";

/// `avc1.PPCCLL` from H.264 extradata: an avcC record (version byte 1, then profile,
/// constraint flags, level) or Annex-B NAL units whose SPS (type 7) carries the same bytes.
pub fn avc1_codec_string(avcc_or_sps: &[u8]) -> Option<String> {
    let data = avcc_or_sps;
    let fields = if data.first() == Some(&1) {
        data.get(1..4)?
    } else {
        annex_b_sps(data)?
    };
    Some(format!(
        "avc1.{:02x}{:02x}{:02x}",
        fields[0], fields[1], fields[2]
    ))
}

/// Profile, constraint flags and level from the first SPS in an Annex-B stream.
fn annex_b_sps(data: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    while i + 3 <= data.len() {
        if data[i..].starts_with(&[0, 0, 1]) {
            let nal = data.get(i + 3..)?;
            if nal.first().is_some_and(|h| h & 0x1f == 7) {
                return nal.get(1..4);
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn avc1_codec_string_from_avcc_and_annex_b() {
        let avcc = [
            1, 0x64, 0x00, 0x1f, 0xff, 0xe1, 0x00, 0x19, 0x67, 0x64, 0x00, 0x1f,
        ];
        assert_eq!(avc1_codec_string(&avcc).as_deref(), Some("avc1.64001f"));
        let annex_b = [
            0, 0, 0, 1, 0x67, 0x64, 0x00, 0x28, 0xac, 0, 0, 0, 1, 0x68, 0xee, 0x3c, 0x80,
        ];
        assert_eq!(avc1_codec_string(&annex_b).as_deref(), Some("avc1.640028"));
        // Three-byte start code, an SEI before the SPS, Constrained Baseline 3.0.
        let sei_first = [0, 0, 1, 0x06, 0x05, 0x01, 0, 0, 1, 0x27, 0x42, 0xc0, 0x1e, 0x8c];
        assert_eq!(avc1_codec_string(&sei_first).as_deref(), Some("avc1.42c01e"));
        assert_eq!(avc1_codec_string(&[]), None);
        assert_eq!(avc1_codec_string(&[1, 0x64]), None);
        assert_eq!(avc1_codec_string(&[0, 0, 0, 1, 0x68, 0xee]), None);
        assert_eq!(avc1_codec_string(&[0, 0, 1, 0x67, 0x64]), None);
    }
}
