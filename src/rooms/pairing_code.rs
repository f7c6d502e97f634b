//! Pairing codes for the projector: six characters from the access codes' alphabet (no
//! look-alikes), shown as two groups of three, `K7H-WQ4`, so they can be read aloud across
//! a room and typed on a phone. They live a few minutes and are spent on first use;
//! together with the throttle on wrong guesses (see `registry`) that is far beyond guessing.

use crate::accounts::access_code::CodeShape;

const SHAPE: CodeShape = CodeShape { length: 6, group: 3 };

/// A new random code in its display form.
pub fn generate() -> String {
    SHAPE.generate()
}

/// What a trainer typed, in display form: case, spaces and dashes do not matter, O and 0
/// count as Q (as with access codes). `None` if it cannot be a code.
pub fn normalize(typed: &str) -> Option<String> {
    SHAPE.canonical(typed).map(|raw| SHAPE.display(&raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_grouped_and_normalize_to_themselves() {
        for _ in 0..200 {
            let code = generate();
            assert_eq!(code.len(), 7);
            assert_eq!(&code[3..4], "-");
            assert_eq!(normalize(&code), Some(code.clone()));
            assert_eq!(normalize(&code.to_lowercase().replace('-', " ")), Some(code));
        }
    }

    #[test]
    fn no_look_alikes_and_nothing_else_passes() {
        for _ in 0..200 {
            assert!(!generate().contains(['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B', '6', 'G']));
        }
        assert_eq!(normalize("k7h wq0").as_deref(), Some("K7H-WQQ"));
        assert_eq!(normalize("K7H-WQ4-").as_deref(), Some("K7H-WQ4"));
        for bad in ["", "K7H", "K7H-WQ4M", "K7H-WQ1", "ÄÄÄ-ÄÄÄ"] {
            assert_eq!(normalize(bad), None, "{bad}");
        }
    }
}
