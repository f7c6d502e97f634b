//! Learner access codes: easy to read aloud and type on a phone.
//!
//! Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B,
//! 6/G), shown in three groups of four: `K7HD-WQ4M-XRT9`. 22 symbols give about 53 bits,
//! far beyond guessing under the login rate limit.

use rand::Rng;

pub(crate) const ALPHABET: &[u8] = b"ACDEFHJKMNPQRTUVWXY3479";

/// The shape of a code made from `ALPHABET`: how many characters, shown in groups of how
/// many. Access codes, group join codes and room pairing codes differ only in this.
#[derive(Clone, Copy, Debug)]
pub struct CodeShape {
    pub length: usize,
    pub group: usize,
}

/// Learner access codes: `K7HD-WQ4M-XRT9`.
pub const ACCESS_CODE: CodeShape = CodeShape { length: 12, group: 4 };

impl CodeShape {
    /// A new random code in its display form.
    pub fn generate(self) -> String {
        let mut rng = rand::rngs::OsRng;
        let raw: String = (0..self.length)
            .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
            .collect();
        self.display(&raw)
    }

    /// The canonical form of what someone typed: upper case, separators and spaces
    /// dropped, O and 0 read as the Q they were meant as. `None` if it cannot be a code.
    pub fn canonical(self, typed: &str) -> Option<String> {
        let mut out = String::with_capacity(self.length);
        for c in typed.chars() {
            if c.is_whitespace() || c == '-' || c == '.' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' | '0' => 'Q',
                other => other,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) || out.len() == self.length {
                return None;
            }
            out.push(c);
        }
        (out.len() == self.length).then_some(out)
    }

    /// A canonical code in groups: `K7HDWQ4M` → `K7HD-WQ4M`.
    pub fn display(self, raw: &str) -> String {
        raw.as_bytes()
            .chunks(self.group)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

/// A new access code in its display form.
pub fn generate() -> String {
    ACCESS_CODE.generate()
}

/// The canonical form of a typed access code (see `CodeShape::canonical`).
pub fn normalize(typed: &str) -> Option<String> {
    ACCESS_CODE.canonical(typed)
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
            assert_eq!(ACCESS_CODE.display(&canon), code);
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
