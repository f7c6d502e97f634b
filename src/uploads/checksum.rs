//! The tus checksum extension: `Upload-Checksum: <algorithm> <base64 digest>` on a
//! chunk, verified once the whole chunk has arrived.

use base64::Engine;

use super::UploadError;

/// What `OPTIONS` advertises in `Tus-Checksum-Algorithm`.
pub const ALGORITHMS: &str = "sha1,sha256";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    Sha1,
    Sha256,
}

impl Algorithm {
    fn digest_len(self) -> usize {
        match self {
            Algorithm::Sha1 => 20,
            Algorithm::Sha256 => 32,
        }
    }
}

/// The checksum a chunk announced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub algorithm: Algorithm,
    pub digest: Vec<u8>,
}

impl Expected {
    /// Reads the header value; an unknown algorithm or a digest that is not base64 of
    /// the right length is a bad request (the spec's 400).
    pub fn parse(value: &str) -> Result<Expected, UploadError> {
        let (name, encoded) = value
            .trim()
            .split_once(' ')
            .ok_or(UploadError::Bad("uploads-error-checksum-header"))?;
        let algorithm = match name.to_ascii_lowercase().as_str() {
            "sha1" => Algorithm::Sha1,
            "sha256" => Algorithm::Sha256,
            _ => return Err(UploadError::Bad("uploads-error-checksum-algorithm")),
        };
        let digest = base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .map_err(|_| UploadError::Bad("uploads-error-checksum-header"))?;
        if digest.len() != algorithm.digest_len() {
            return Err(UploadError::Bad("uploads-error-checksum-header"));
        }
        Ok(Expected { algorithm, digest })
    }
}

/// A running digest over the bytes of one chunk.
pub enum Hasher {
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
}

impl Hasher {
    pub fn new(algorithm: Algorithm) -> Hasher {
        match algorithm {
            Algorithm::Sha1 => Hasher::Sha1(<sha1::Sha1 as sha1::Digest>::new()),
            Algorithm::Sha256 => Hasher::Sha256(<sha2::Sha256 as sha2::Digest>::new()),
        }
    }

    pub fn update(&mut self, bytes: &[u8]) {
        match self {
            Hasher::Sha1(h) => sha1::Digest::update(h, bytes),
            Hasher::Sha256(h) => sha2::Digest::update(h, bytes),
        }
    }

    pub fn matches(self, expected: &Expected) -> bool {
        let digest: Vec<u8> = match self {
            Hasher::Sha1(h) => sha1::Digest::finalize(h).to_vec(),
            Hasher::Sha256(h) => sha2::Digest::finalize(h).to_vec(),
        };
        subtle::ConstantTimeEq::ct_eq(digest.as_slice(), expected.digest.as_slice()).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digests_match() {
        // echo -n hello | sha1sum / sha256sum, base64 encoded
        let sha1 = Expected::parse("sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=").unwrap();
        let mut h = Hasher::new(sha1.algorithm);
        h.update(b"hel");
        h.update(b"lo");
        assert!(h.matches(&sha1));
        let sha256 = Expected::parse("sha256 LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=").unwrap();
        let mut h = Hasher::new(sha256.algorithm);
        h.update(b"hello");
        assert!(h.matches(&sha256));
        let mut h = Hasher::new(sha256.algorithm);
        h.update(b"hellO");
        assert!(!h.matches(&sha256));
    }

    #[test]
    fn bad_headers_are_refused() {
        for bad in [
            "md5 XUFAKrxLKna5cZ2REBfFkg==",
            "sha1",
            "sha1 !!!",
            "sha256 qvTGHdzF6KLavt4PO0gs2a6pQ00=",
        ] {
            assert!(matches!(Expected::parse(bad), Err(UploadError::Bad(_))), "{bad}");
        }
    }
}
