//! What the demo courses say: plain A2 German, short sentences. The video files are the
//! ones `scripts/make-demo-media` writes; their names must match the script's.

pub struct DemoCourse {
    pub title: &'static str,
    pub summary: &'static str,
    pub topic: &'static str,
    pub level: i16,
    /// Modules open one after the other: the next once the one before is done.
    pub gated: bool,
    pub modules: &'static [DemoModule],
}

pub struct DemoModule {
    pub title: &'static str,
    pub lessons: &'static [DemoLesson],
}

pub struct DemoLesson {
    /// The video in the demo media directory; its title is the lesson's title.
    pub file: &'static str,
    pub title: &'static str,
    pub body: &'static str,
    pub questions: &'static [DemoQuestion],
}

/// A single-choice question: exactly one answer is right.
pub struct DemoQuestion {
    pub prompt: &'static str,
    pub choices: &'static [(&'static str, bool)],
}

/// A video put into the library but into no lesson: something real for a trainer to
/// build a first lesson of their own with. Optional: the demo goes without it.
pub const EXTRA_CLIP: (&str, &str) = ("bbb.mp4", "Beispielfilm: Big Buck Bunny (ohne Sprache)");

/// The group the demo learner is in, with both courses assigned.
pub const GROUP_NAME: &str = "Demo-Gruppe";

pub const COURSES: &[DemoCourse] = &[
    DemoCourse {
        title: "Prozente im Alltag",
        summary: "Was ist ein Prozent? Wie viel kostet etwas mit Rabatt? \
                  Zwei kurze Videos mit Fragen.",
        topic: "numbers",
        level: 1,
        gated: false,
        modules: &[DemoModule {
            title: "Prozente verstehen",
            lessons: &[
                DemoLesson {
                    file: "prozente-1.mp4",
                    title: "Was ist ein Prozent?",
                    body: "1 Prozent ist 1 Teil von 100.\n\
                           100 Prozent ist alles.\n\
                           50 Prozent ist die Hälfte.",
                    questions: &[
                        DemoQuestion {
                            prompt: "Was sind 100 Prozent?",
                            choices: &[("alles", true), ("die Hälfte", false), ("nichts", false)],
                        },
                        DemoQuestion {
                            prompt: "Wie viel sind 50 Prozent von 10 Euro?",
                            choices: &[("5 Euro", true), ("10 Euro", false), ("50 Euro", false)],
                        },
                    ],
                },
                DemoLesson {
                    file: "prozente-2.mp4",
                    title: "Rabatt beim Einkaufen",
                    body: "Für 10 Prozent teilen Sie durch 10.\n\
                           10 Prozent von 50 Euro sind 5 Euro.\n\
                           Mit 10 Prozent Rabatt bezahlen Sie 45 Euro.",
                    questions: &[DemoQuestion {
                        prompt: "Eine Hose kostet 30 Euro. Es gibt 10 Prozent Rabatt. \
                                 Wie viel Euro sparen Sie?",
                        choices: &[("3 Euro", true), ("10 Euro", false), ("27 Euro", false)],
                    }],
                },
            ],
        }],
    },
    DemoCourse {
        title: "Eine E-Mail schreiben",
        summary: "Betreff, Anrede, Text, Gruß: So schreiben Sie eine kurze E-Mail, \
                  zum Beispiel an das Jobcenter.",
        topic: "writing",
        level: 1,
        // Two modules in turn, so that a newcomer sees one open when the first is done.
        gated: true,
        modules: &[
            DemoModule {
                title: "Die erste E-Mail",
                lessons: &[DemoLesson {
                    file: "email-1.mp4",
                    title: "Die Teile einer E-Mail",
                    body: "Eine E-Mail hat 4 Teile:\n\
                           1. Betreff\n\
                           2. Anrede\n\
                           3. Text\n\
                           4. Gruß",
                    questions: &[DemoQuestion {
                        prompt: "Was steht im Betreff?",
                        choices: &[("Worum es geht", true), ("Ihr Name", false), ("Der Gruß", false)],
                    }],
                }],
            },
            DemoModule {
                title: "Termine per E-Mail",
                lessons: &[DemoLesson {
                    file: "email-2.mp4",
                    title: "Einen Termin absagen",
                    body: "Sie sind krank und können nicht kommen?\n\
                           Schreiben Sie früh eine E-Mail.\n\
                           Bitten Sie um einen neuen Termin.",
                    questions: &[DemoQuestion {
                        prompt: "Welcher Gruß passt am Ende?",
                        choices: &[
                            ("Mit freundlichen Grüßen", true),
                            ("Guten Appetit", false),
                            ("Hallo", false),
                        ],
                    }],
                }],
            },
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::courses::structure::{clean_text, clean_title, CourseFields};

    #[test]
    fn every_text_passes_the_checks_a_trainer_would_face() {
        for course in COURSES {
            let fields = CourseFields::check(
                course.title,
                course.summary,
                "de",
                course.topic,
                course.level,
                false,
            );
            assert!(fields.is_ok(), "{}", course.title);
            for module in course.modules {
                assert!(clean_title(module.title).is_ok());
                for lesson in module.lessons {
                    assert!(clean_title(lesson.title).is_ok() && clean_text(lesson.body).is_ok());
                    assert!(lesson.file.ends_with(".mp4"));
                    for q in lesson.questions {
                        assert_eq!(q.choices.iter().filter(|(_, right)| *right).count(), 1);
                    }
                }
            }
        }
    }
}
