//! Learner access codes: easy to read aloud and type on a phone.
//!
//! Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B,
//! 6/G), shown in three groups of four: `K7HD-WQ4M-XRT9`. 22 symbols give about 53 bits,
//! far beyond guessing under the login rate limit.

use rand::Rng;

pub(crate) const ALPHABET: &[u8] = b"ACDEFHJKMNPQRTUVWXY3479";
const LENGTH: usize = 12;
const GROUP: usize = 4;

/// A new random code in its display form.
pub fn generate() -> String {
    let mut rng = rand::rngs::OsRng;
    let raw: String = (0..LENGTH)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    display(&raw)
}

/// The canonical form of what a learner typed: upper case, separators and spaces dropped,
/// common look-alikes mapped to the letter they were meant as. `None` if it cannot be a code.
pub fn normalize(typed: &str) -> Option<String> {
    let mut out = String::with_capacity(LENGTH);
    for c in typed.chars() {
        if c.is_whitespace() || c == '-' || c == '.' {
            continue;
        }
        let c = match c.to_ascii_uppercase() {
            'O' | '0' => 'Q',
            other => other,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
        if out.len() > LENGTH {
            return None;
        }
    }
    (out.len() == LENGTH).then_some(out)
}

fn display(raw: &str) -> String {
    raw.as_bytes()
        .chunks(GROUP)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_are_grouped_and_normalize_to_themselves() {
        for _ in 0..200 {
            let code = generate();
            assert_eq!(code.len(), 14);
            assert_eq!(code.matches('-').count(), 2);
            let canon = normalize(&code).unwrap();
            assert_eq!(display(&canon), code);
        }
    }

    #[test]
    fn typing_slips_are_forgiven() {
        assert_eq!(normalize(" k7hd wq4m-xrt9 ").as_deref(), Some("K7HDWQ4MXRT9"));
        assert_eq!(normalize("K7HD-WO4M-XRT9").as_deref(), Some("K7HDWQ4MXRT9"));
    }

    #[test]
    fn wrong_shapes_are_refused() {
        assert_eq!(normalize(""), None);
        assert_eq!(normalize("K7HD-WQ4M"), None);
        assert_eq!(normalize("K7HD-WQ4M-XRT9-AAAA"), None);
        assert_eq!(normalize("K7HD-WQ4M-XRTß"), None);
        assert_eq!(normalize("B7HD-WQ4M-XRT9"), None);
    }
}
