//! Which language a page speaks: the person's choice (cookie), then `Accept-Language`,
//! then German. All interface strings come from Fluent files in `templates/locales/`.

use actix_web::HttpRequest;
use fluent_templates::{LanguageIdentifier, Loader};
use unic_langid::langid;

fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "./templates/locales",
        fallback_language: "de",
        // Our templates put user-provided text in <bdi>; Fluent's own isolation marks
        // would end up inside attribute values and test assertions.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub const LANG_COOKIE: &str = "lw_lang";

/// A supported interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Lang {
    pub code: &'static str,
    /// The language's name in itself, for the language switch.
    pub name: &'static str,
    pub rtl: bool,
}

pub const LANGUAGES: [Lang; 5] = [
    Lang {
        code: "de",
        name: "Deutsch",
        rtl: false,
    },
    Lang {
        code: "en",
        name: "English",
        rtl: false,
    },
    Lang {
        code: "ar",
        name: "العربية",
        rtl: true,
    },
    Lang {
        code: "uk",
        name: "Українська",
        rtl: false,
    },
    Lang {
        code: "tr",
        name: "Türkçe",
        rtl: false,
    },
];

impl Lang {
    pub fn find(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        LANGUAGES.iter().copied().find(|l| l.code == primary)
    }

    pub fn default_lang() -> Lang {
        LANGUAGES[0]
    }

    pub fn id(&self) -> LanguageIdentifier {
        self.code.parse().unwrap_or(langid!("de"))
    }

    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The translation of `key`, falling back to German, then to the key itself.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(&self.id(), key)
    }

    /// The translation of `key`, if there is one (in this language or in German).
    pub fn try_t(&self, key: &str) -> Option<String> {
        LOCALES.try_lookup(&self.id(), key)
    }

    /// [`Lang::t`] with Fluent variables (`$line`, `$limit` …), given as text.
    pub fn t_args(&self, key: &str, args: &[(&'static str, String)]) -> String {
        use std::borrow::Cow;
        use std::collections::HashMap;
        let args: HashMap<Cow<'static, str>, fluent_templates::fluent_bundle::FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone().into()))
            .collect();
        LOCALES.lookup_with_args(&self.id(), key, &args)
    }

    /// The language of this request.
    pub fn of_request(req: &HttpRequest) -> Lang {
        if let Some(lang) = req.cookie(LANG_COOKIE).and_then(|c| Lang::find(c.value())) {
            return lang;
        }
        req.headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(from_accept_language)
            .unwrap_or_else(Lang::default_lang)
    }
}

/// The best supported language in an `Accept-Language` header. Tolerates junk: entries
/// that do not parse are skipped, never an error.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, usize, Lang)> = None;
    for (position, entry) in header.split(',').take(32).enumerate() {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .filter(|q| q.is_finite() && (0.0..=1.0).contains(q));
        let (Some(quality), Some(lang)) = (quality, Lang::find(tag)) else {
            continue;
        };
        if quality <= 0.0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((q, p, _)) => quality > q || (quality == q && position < p),
        };
        if better {
            best = Some((quality, position, lang));
        }
    }
    best.map(|(_, _, lang)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_highest_quality_supported_language() {
        assert_eq!(
            from_accept_language("fr-FR, ar;q=0.8, en;q=0.9").map(|l| l.code),
            Some("en")
        );
        assert_eq!(from_accept_language("uk-UA,uk;q=0.9").map(|l| l.code), Some("uk"));
        assert_eq!(from_accept_language("TR").map(|l| l.code), Some("tr"));
    }

    #[test]
    fn junk_is_skipped_not_fatal() {
        assert_eq!(from_accept_language(""), None);
        assert_eq!(from_accept_language(";;;,,,q=abc"), None);
        assert_eq!(
            from_accept_language("en;q=NaN, ar;q=2, de;q=0.1").map(|l| l.code),
            Some("de")
        );
        assert_eq!(from_accept_language("en;q=0").map(|l| l.code), None);
    }

    /// Every `.ftl` file of German (one per area: main.ftl, uploads.ftl, …) exists in
    /// every language, parses, and has every key the German one has.
    #[test]
    fn every_language_has_every_german_key() {
        let mut files: Vec<_> = std::fs::read_dir("templates/locales/de")
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".ftl"))
            .collect();
        files.sort();
        assert!(files.contains(&"main.ftl".to_owned()));
        let mut total = 0;
        for file in &files {
            let german = std::fs::read_to_string(format!("templates/locales/de/{file}")).unwrap();
            let keys: Vec<&str> = german
                .lines()
                .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
                .filter(|k| !k.is_empty() && !k.starts_with('#') && !k.starts_with('.'))
                .collect();
            total += keys.len();
            for lang in ["de", "en", "ar", "uk", "tr"] {
                let text = std::fs::read_to_string(format!("templates/locales/{lang}/{file}"))
                    .unwrap_or_else(|_| panic!("{lang}/{file} is missing"));
                if let Err((_, errors)) =
                    fluent_templates::fluent_bundle::FluentResource::try_new(text.clone())
                {
                    panic!("{lang}/{file} does not parse: {errors:?}");
                }
                let missing: Vec<_> = keys
                    .iter()
                    .filter(|k| !text.lines().any(|l| l.starts_with(&format!("{k} ="))))
                    .collect();
                assert!(missing.is_empty(), "{lang}/{file} lacks {missing:?}");
            }
        }
        assert!(total > 40);
    }
}
