# Lernwerk — deutsche Oberfläche (Ausgangssprache). Kurze Sätze, einfache Wörter.
skip-to-content = Zum Inhalt springen
nav-label = Hauptmenü
nav-account = Mein Konto
nav-logout = Abmelden
lang-switch-label = Sprache wählen
back = Zurück

home-title = Willkommen bei Lernwerk
home-intro = Hier lernen Sie mit kurzen Videos.
home-learner-login = Mit Code anmelden
home-staff-login = Anmeldung für Mitarbeitende

login-title = Anmeldung für Mitarbeitende
login-username = Benutzername
login-password = Passwort
login-submit = Anmelden
login-failed = Benutzername oder Passwort ist falsch.
login-missing-fields = Bitte Benutzername und Passwort eingeben.

code-title = Mit Code anmelden
code-help = Ihren Code bekommen Sie von Ihrer Trainerin oder Ihrem Trainer.
code-label = Ihr Code
code-submit = Los geht's
code-missing = Bitte geben Sie Ihren Code ein.
code-malformed = Der Code hat 12 Zeichen. Bitte prüfen Sie ihn.
code-wrong = Dieser Code passt nicht. Bitte prüfen Sie ihn.
code-expired = Dieser Code ist abgelaufen. Bitte fragen Sie nach einem neuen Code.
code-used = Dieser Code wurde schon benutzt. Bitte fragen Sie nach einem neuen Code.

account-title = Mein Konto
account-sessions = { $count ->
    [one] Sie sind auf einem Gerät angemeldet.
   *[other] Sie sind auf { $count } Geräten angemeldet.
}
account-logout-everywhere = Auf allen Geräten abmelden

learner-title = Lernen
learner-hello = Hallo!
learner-hello-name = Hallo
learner-no-courses = Sie haben noch keinen Kurs. Ihre Trainerin oder Ihr Trainer gibt Ihnen bald einen.

trainer-title = Übersicht
trainer-new-learner = Neue Teilnehmende anlegen
trainer-new-learner-help = Kein Name nötig. Ein Spitzname hilft Ihnen beim Wiederfinden.
trainer-nickname = Spitzname (freiwillig)
trainer-create-learner = Anlegen und Code zeigen
trainer-learners = Ihre Teilnehmenden
trainer-no-learners = Noch keine Teilnehmenden.
trainer-new-code = Neuer Code
learner-nickname-too-long = Der Spitzname darf höchstens 64 Zeichen haben.

code-sheet-title = Zugangscode
code-sheet-scan = Code abtippen oder QR-Code mit dem Handy scannen.

admin-title = Verwaltung
admin-new-user = Neues Konto für Mitarbeitende
admin-role = Rolle
admin-create-user = Konto anlegen
admin-staff = Mitarbeitende
admin-revoke-sessions = Überall abmelden
admin-audit-link = Protokoll
admin-trainer-area-link = Bereich für Trainerinnen und Trainer
admin-audit-title = Protokoll
admin-role-invalid = Bitte eine Rolle wählen.
admin-username-invalid = Der Benutzername braucht 3 bis 64 Zeichen: Buchstaben, Ziffern, Punkt, Binde- oder Unterstrich.
admin-password-weak = Das Passwort muss mindestens 10 Zeichen haben.
admin-username-taken = Diesen Benutzernamen gibt es schon.
role-admin = Verwaltung
role-trainer = Trainer/in
role-learner = Teilnehmende/r
audit-when = Zeit
audit-action = Ereignis
audit-actor = Wer
audit-subject = Betrifft
audit-event-login-succeeded = Anmeldung
audit-event-login-failed = Anmeldung fehlgeschlagen
audit-event-code-login-succeeded = Anmeldung mit Code
audit-event-code-login-failed = Anmeldung mit Code fehlgeschlagen
audit-event-logout = Abmeldung
audit-event-sessions-revoked = Sitzungen beendet
audit-event-user-created = Konto angelegt
audit-event-learner-created = Teilnehmende Person angelegt
audit-event-access-code-issued = Zugangscode ausgegeben
audit-event-learner-data-exported = Daten heruntergeladen
audit-event-learner-deleted = Teilnehmende Person gelöscht
audit-event-learners-purged = Inaktive Teilnehmende gelöscht

error-code = Fehlercode
error-home = Zur Startseite
error-not-found = Diese Seite gibt es nicht.
error-forbidden = Sie dürfen diese Seite nicht sehen.
error-login-required = Bitte melden Sie sich an.
error-csrf = Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.
error-bad-request = Die Anfrage ist fehlerhaft.
error-bad-form = Das Formular ist unvollständig oder fehlerhaft.
error-too-large = Das ist zu viel auf einmal.
error-too-many = Zu viele Versuche. Bitte warten Sie einige Minuten.
error-internal = Etwas ist schiefgelaufen. Bitte versuchen Sie es später noch einmal.

# Verarbeitung von Videos (Aufträge)
job-error-failed = Das Video konnte nicht verarbeitet werden. Bitte laden Sie es noch einmal hoch oder wenden Sie sich an die Administration.
job-error-timeout = Die Verarbeitung hat zu lange gedauert und wurde abgebrochen. Ein kürzeres Video hilft.
job-error-resources = Das Video braucht mehr Rechenzeit, als dieser Server erlaubt. Ein kürzeres oder kleineres Video hilft.
job-error-lost = Die Verarbeitung wurde mehrmals unterbrochen. Bitte wenden Sie sich an die Administration.
job-error-cancelled = Die Verarbeitung wurde abgebrochen.
job-error-missing-original = Die hochgeladene Datei ist nicht mehr da. Bitte laden Sie das Video noch einmal hoch.

# Prüfung hochgeladener Videos
media-error-unreadable = Die Datei lässt sich nicht lesen. Vielleicht ist sie beschädigt oder nicht vollständig hochgeladen. Bitte laden Sie sie noch einmal hoch.
media-error-not-video = Diese Datei ist kein Video.
media-error-format = Diese Dateiart wird nicht unterstützt. Bitte laden Sie ein Video als MP4, MOV, MKV, WebM oder AVI hoch.
media-error-no-video = Diese Datei enthält nur Ton, kein Bild. Bitte laden Sie ein Video hoch.
media-error-no-duration = Die Länge des Videos lässt sich nicht feststellen. Bitte speichern Sie das Video neu und laden Sie es noch einmal hoch.
media-error-too-long = Das Video ist zu lang ({ $minutes } Minuten). Erlaubt sind höchstens { $limit } Minuten.
media-error-too-large-frame = Das Bild des Videos ist zu groß ({ $width } × { $height } Pixel). Bitte speichern Sie das Video kleiner, zum Beispiel in Full HD (1920 × 1080).
media-error-frame-rate = Das Video hat zu viele Bilder pro Sekunde ({ $fps }). Erlaubt sind höchstens { $limit }.
media-error-too-many-streams = Die Datei enthält zu viele Bild-, Ton- oder Untertitelspuren ({ $count }). Erlaubt sind höchstens { $limit }.

# Videos
videos-title = Videos
videos-upload = Video hochladen
videos-field-title = Titel (freiwillig)
videos-field-file = Videodatei
videos-file-help = MP4, MOV, MKV, WebM oder AVI, höchstens { $mb } MB.
videos-upload-submit = Hochladen
videos-list = Ihre Videos
videos-none = Noch keine Videos.
video-status-queued = Wartet auf Bearbeitung
video-status-processing = Wird bearbeitet
video-status-ready = Fertig
video-status-failed = Fehlgeschlagen
video-status-cancelled = Abgebrochen
video-stage-queued = Wartet
video-stage-starting = Wird gestartet
video-stage-probe = Datei wird geprüft
video-stage-encode = Video wird umgewandelt
video-stage-package = Dateien werden abgelegt
video-stage-done = Fertig
video-progress = Fortschritt
video-show-result = Ergebnis anzeigen (lädt die Seite neu)
video-cancel = Bearbeitung abbrechen
video-preview = Vorschau
video-renditions = Qualitätsstufen
video-rendition = Stufe
video-size = Bildgröße
video-bitrate = Datenrate
video-megabytes = MB
upload-no-file = Bitte wählen Sie eine Videodatei aus.
upload-empty = Die Datei ist leer.
upload-bad-title = Der Titel darf höchstens 120 Zeichen haben und nur eine Zeile.
upload-too-large = Die Datei ist zu groß.
upload-disk-full = Der Speicher des Servers ist voll. Bitte sagen Sie der Verwaltung Bescheid.
media-error-transcode = Das Video konnte nicht umgewandelt werden. Bitte versuchen Sie es später noch einmal.

# Kurse (Trainer)
courses-title = Kurse
courses-list = Ihre Kurse
courses-none = Noch keine Kurse.
courses-new = Neuer Kurs
courses-create = Kurs anlegen
trainer-areas = Bereiche
course-field-title = Titel
course-field-summary = Kurze Beschreibung (freiwillig)
course-field-language = Sprache der Lektionen
course-field-topic = Thema
course-field-level = Stufe
course-level = Stufe { $level }
course-field-gated = Module nacheinander freischalten (ein Modul öffnet sich, wenn das vorige geschafft ist)
course-state = Status
course-draft = Entwurf – für Lernende nicht sichtbar
course-published = Veröffentlicht
course-publish = Veröffentlichen
course-unpublish = Zurückziehen
course-settings = Angaben zum Kurs
course-modules = Module
course-no-modules = Noch keine Module. Legen Sie unten das erste an.
topic-reading = Lesen
topic-writing = Schreiben
topic-numbers = Rechnen
topic-digital = Digitale Grundlagen
topic-everyday = Alltag
topic-work = Arbeit
course-error-title = Der Titel muss eine Zeile sein, nicht leer und höchstens 120 Zeichen lang.
course-error-text = Der Text darf höchstens 4000 Zeichen haben.
course-error-language = Bitte wählen Sie eine Sprache aus der Liste.
course-error-topic = Bitte wählen Sie ein Thema aus der Liste.
course-error-level = Bitte wählen Sie eine Stufe von 1 bis 4.
course-error-empty = Ein Kurs ohne Lektionen kann nicht veröffentlicht werden. Legen Sie zuerst eine Lektion an.
save = Speichern
move-up = Nach oben
move-down = Nach unten
module-add = Modul hinzufügen
module-field-title = Name des Moduls
module-rename = Modul umbenennen
module-no-lessons = Noch keine Lektionen in diesem Modul.

# Lektionen (Trainer)
lesson-add = Lektion hinzufügen
lesson-needs-video = Für eine Lektion brauchen Sie zuerst ein Video.
lesson-settings = Angaben zur Lektion
lesson-field-title = Titel der Lektion
lesson-field-video = Video
lesson-field-body = Kurzer Text in einfacher Sprache (freiwillig)
lesson-field-threshold = Wie viel vom Video muss gesehen werden? (Prozent, leer = automatisch)
lesson-threshold-help = Automatisch: 72 % bei einer Minute, bis 95 % bei zehn Minuten und mehr.
lesson-field-pass = Wie viele Fragen müssen richtig sein? (leer = alle)
lesson-pass-help = Zum Beispiel 3, wenn 3 von 4 Fragen reichen.
lesson-move-module = In ein anderes Modul verschieben
lesson-field-module = Modul
lesson-move = Verschieben
lesson-error-video = Bitte wählen Sie eines Ihrer Videos.
lesson-error-threshold = Bitte geben Sie eine Zahl von 5 bis 100 ein oder lassen Sie das Feld leer.
lesson-error-pass = Bitte geben Sie eine Zahl von 1 bis 100 ein oder lassen Sie das Feld leer.

# Fragen
questions-title = Fragen zur Lektion
questions-none = Noch keine Fragen. Fragen sind freiwillig.
question-add = Frage hinzufügen
question-field-prompt = Frage
question-field-kind = Art der Frage
question-single = Eine Antwort ist richtig
question-multiple = Mehrere Antworten können richtig sein
question-field-choices = Antworten (leere Zeilen werden weggelassen)
question-choice = Antwort { $number }
question-right = Richtig
question-delete = Frage löschen
question-error-prompt = Bitte schreiben Sie eine Frage (höchstens 500 Zeichen).
question-error-choices = Eine Frage braucht zwei bis sechs Antworten mit höchstens 300 Zeichen.
question-error-correct = Bitte markieren Sie die richtige Antwort: genau eine bei „Eine Antwort ist richtig“, mindestens eine sonst.

# Gruppen
groups-title = Gruppen
groups-none = Noch keine Gruppen.
groups-new = Neue Gruppe
groups-create = Gruppe anlegen
group-field-name = Name der Gruppe
group-join-code = Code zum Beitreten
group-members = Teilnehmende
group-no-members = Noch niemand in dieser Gruppe.
group-add-learner = Teilnehmende hinzufügen
group-add = Hinzufügen
group-remove = Entfernen
group-courses = Kurse der Gruppe
group-no-courses = Noch keine Kurse zugewiesen.
group-assign-course = Kurs zuweisen
group-assign = Zuweisen
group-error-learner = Diese Person gibt es nicht oder Sie betreuen sie nicht.
group-error-course = Diesen Kurs gibt es nicht oder er gehört Ihnen nicht.
group-error-code = Diesen Gruppen-Code gibt es nicht. Bitte prüfen Sie ihn noch einmal.

# Lernen
learner-continue = Weiter lernen
learner-next-is = Als Nächstes:
learner-all-done = Super! Sie haben alle Lektionen geschafft.
learner-lessons-done = { $done } von { $total } Lektionen geschafft
learner-module-locked = Öffnet sich nach dem vorigen Modul
learner-join = Einer Gruppe beitreten
learner-join-code = Gruppen-Code
learner-join-submit = Beitreten
lesson-state-not_started = Noch nicht angefangen
lesson-state-in_progress = Angefangen: { $percent } %
lesson-state-checks_failed = Fragen noch einmal versuchen
lesson-state-complete = Geschafft
lesson-locked = Diese Lektion ist noch gesperrt. Schaffen Sie zuerst die Lektionen davor.
lesson-video = Video der Lektion
lesson-video-done = Video geschafft!
lesson-video-not-ready = Das Video wird gerade vorbereitet. Bitte schauen Sie später noch einmal.
checks-title = Fragen
checks-pick-all = (alle richtigen ankreuzen)
checks-submit = Antworten prüfen
checks-passed = Richtig! { $correct } von { $total } Antworten stimmen.
checks-failed = { $correct } von { $total } Antworten stimmen. Schauen Sie das Video noch einmal und versuchen Sie es wieder.
check-error-answers = Die Antworten passen nicht zu den Fragen. Bitte laden Sie die Seite neu.
check-error-none = Diese Lektion hat keine Fragen.
progress-error-report = Der Lernstand konnte nicht gespeichert werden: die Meldung ist fehlerhaft.
progress-error-not-opened = Bitte öffnen Sie die Lektion zuerst.
progress-error-not-ready = Das Video dieser Lektion ist noch nicht fertig.

# Gemeinsam im Raum geschaut
group-room-viewing = Gemeinsam im Raum geschaut
group-room-viewing-help = Wählen Sie die Lektion, die Sie der Gruppe gezeigt haben, und wer dabei war. Das zählt getrennt vom eigenen Schauen.
group-present = Wer war dabei?
group-room-save = Speichern
group-error-lesson = Diese Lektion gehört zu keinem Kurs der Gruppe.

# Datenschutz
privacy-my-data = Meine Daten
privacy-my-data-help = Laden Sie alles herunter, was Lernwerk über Sie speichert: Konto, Gruppen, Lernstand und Antworten. Die Datei ist im JSON-Format.
privacy-my-data-download = Meine Daten herunterladen
privacy-download = Daten herunterladen
privacy-admin-link = Teilnehmende löschen
privacy-admin-title = Teilnehmende und Datenschutz
privacy-admin-help = Löschen entfernt das Konto mit allen Daten: Lernstand, Antworten, Gruppen und Anmeldungen. Das kann man nicht rückgängig machen. Laden Sie die Daten vorher herunter, wenn die Person sie haben möchte.
privacy-retention = Teilnehmende, die { $days } Tage lang nicht aktiv waren, werden automatisch mit allen Daten gelöscht.
privacy-retention-off = Automatisches Löschen ist ausgeschaltet.
privacy-no-learners = Es gibt noch keine Teilnehmenden.
privacy-learner-number = Nr. { $number }
privacy-created = angelegt am { $date }
privacy-last-seen = zuletzt aktiv am { $date }
privacy-delete-confirm = Ja, Nr. { $number } wirklich löschen
privacy-delete-button = Endgültig löschen
privacy-delete-not-confirmed = Es wurde nichts gelöscht. Bitte setzen Sie zuerst den Haken bei „wirklich löschen“.
privacy-deleted = Nr. { $number } ist gelöscht, mit allen Daten.

# Berichte
report-link = Lernstand ansehen
report-learner-link = Lernstand
report-title = Lernstand der Gruppe
report-intro = Hier sehen Sie für jede Person und jede Lektion, wie weit sie ist. „Gemeinsam geschaut“ zählt extra und macht keine Lektion fertig.
report-downloads = Herunterladen
report-download-csv = Tabelle für Excel (CSV)
report-download-json = Daten (JSON)
report-download-xapi = xAPI-Daten für ein Lern-Archiv (LRS)
report-summary = Überblick
report-learner = Teilnehmende Person
report-learner-number = Nummer
report-lessons-done = Lektionen geschafft
report-done-of = { $done } von { $total }
report-module = Modul
report-module-done = Modul geschafft
report-course = Kurs
report-lesson = Lektion
report-state = Stand
report-watched-percent = Video gesehen (%)
report-together = Gemeinsam geschaut
report-together-count = Gemeinsam geschaut: { $count }-mal
report-last-activity = Zuletzt aktiv
report-never = Noch nie
report-time-note = Alle Zeiten sind deutsche Zeit.
report-no-members = Diese Gruppe hat noch keine Teilnehmenden.
report-no-courses = Noch keine Kurse zugewiesen.
report-no-lessons = Dieser Kurs hat noch keine Lektionen.
report-state-not_started = Nicht angefangen
report-state-in_progress = Angefangen: { $percent } %
report-state-in_progress-short = Angefangen
report-state-checks_failed = Fragen nicht bestanden
report-state-complete = Geschafft
report-learner-title = Lernstand: { $name }
report-courses = Kurse
report-timeline = Verlauf
report-timeline-empty = Bisher ist nichts passiert.
report-timeline-truncated = Hier stehen nur die neuesten { $count } Einträge. Alle Einträge stehen in der CSV-Datei.
report-when = Zeit
report-what = Was
report-details = Einzelheiten
report-timeline-opened = Lektion geöffnet
report-timeline-played = Video geschaut
report-timeline-completed = Video geschafft
report-timeline-answered = Fragen beantwortet
report-timeline-watched_together = Gemeinsam im Raum geschaut
report-timeline-completed-detail = { $percent } % gesehen
report-timeline-answered-passed = { $correct } von { $total } richtig – bestanden
report-timeline-answered-failed = { $correct } von { $total } richtig – nicht bestanden
report-timeline-together-detail = Gruppe: { $group }

# Vorschau und Reihenfolge
lesson-preview = Vorschau
lesson-preview-note = Vorschau: So sehen Lernende diese Lektion. Hier wird nichts gespeichert.
course-drag-help = Tipp: Module und Lektionen lassen sich auch mit der Maus an ihren Platz ziehen.
course-error-order = Die neue Reihenfolge passt nicht zum Kurs. Bitte laden Sie die Seite neu.

# Bilder und Vorlesen
read-aloud = Vorlesen
read-aloud-stop = Stopp
question-picture = Bild zu Antwort { $number } (freiwillig)
question-picture-help = Zu jeder Antwort können Sie ein Bild hochladen: JPEG, PNG oder WebP, höchstens 5 MB und höchstens 4096 Pixel breit und hoch. Das Bild wird verkleinert. Standortdaten und andere Angaben der Kamera werden entfernt.
picture-error-line = Bild zu Antwort { $number }:
picture-error-not-picture = Diese Datei ist kein Bild. Bitte wählen Sie ein Foto im Format JPEG, PNG oder WebP.
picture-error-too-many-pixels = Das Bild ist zu groß. Es darf höchstens 4096 Pixel breit und 4096 Pixel hoch sein.
picture-error-broken = Das Bild ist beschädigt oder unvollständig. Bitte wählen Sie es noch einmal aus oder nehmen Sie ein anderes Bild.
picture-error-file-too-big = Ein Bild ist zu groß. Jedes Bild darf höchstens 5 MB haben.
picture-error-form-too-big = Das Formular ist zu groß. Alle Bilder zusammen dürfen höchstens 30 MB haben.
picture-error-needs-text = Zu jedem Bild gehört ein Antworttext. Bitte schreiben Sie die Antwort in das Feld über dem Bild.

# Untertitel
subtitles-title = Untertitel
subtitles-none = Zu diesem Video gibt es noch keine Untertitel.
subtitle-language = Sprache
subtitle-make-default = Standard (wird zuerst gezeigt)
subtitle-file = Untertiteldatei (.srt oder .vtt, höchstens { $limit } KB)
subtitle-upload = Untertitel hochladen
subtitle-remove = Entfernen
subtitle-download = Datei ansehen
subtitle-default-mark = Standard
subtitle-cues = { $count ->
    [one] eine Einblendung
   *[other] { $count } Einblendungen
}
subtitle-saved = Die Untertitel sind gespeichert.
subtitle-warnings-title = Einige Einblendungen wurden weggelassen:
subtitle-refused = Die Untertiteldatei wurde nicht übernommen. Bitte korrigieren Sie diese Stellen und laden Sie die Datei noch einmal hoch:
subtitle-not-ready = Untertitel können erst hinzugefügt werden, wenn das Video fertig verarbeitet ist.
subtitle-unknown-language = Bitte wählen Sie eine Sprache aus der Liste.
subtitle-no-file = Bitte wählen Sie eine Untertiteldatei aus.
subtitle-upload-too-large = Die Datei ist zu groß für eine Untertiteldatei.
subtitle-error-more = Es gibt noch weitere Fehler. Bitte korrigieren Sie zuerst diese.
subtitle-error-file-too-large = Die Datei hat { $kilobytes } KB. Erlaubt sind höchstens { $limit } KB.
subtitle-error-encoding = Die Zeichen der Datei passen nicht zu ihrer Kodierung ({ $encoding }). Bitte speichern Sie die Datei als UTF-8.
subtitle-error-format = Die Datei ist weder SRT noch WebVTT.
subtitle-error-timestamp = Zeile { $line }: Die Zeitangabe „{ $found }“ ist nicht lesbar.
subtitle-error-cue-duration = Zeile { $line }: Die Einblendung endet ({ $end }), bevor sie beginnt ({ $start }).
subtitle-error-stray-text = Zeile { $line }: Text außerhalb einer Einblendung. Fehlt eine Zeitangabe oder eine Leerzeile?
subtitle-error-line-too-long = Zeile { $line }: { $length } Zeichen, erlaubt sind höchstens { $limit }.
subtitle-error-cue-too-many-lines = Zeile { $line }: Die Einblendung hat { $count } Zeilen, erlaubt sind höchstens { $limit }. Fehlt eine Leerzeile?
subtitle-error-too-many-cues = Zeile { $line }: Mehr als { $limit } Einblendungen.
subtitle-error-no-cues = Die Datei enthält keine Einblendungen.
subtitle-error-all-after-end = Alle { $count } Einblendungen beginnen nach dem Ende des Videos ({ $duration }). Gehört die Datei zu einem anderen Video?
subtitle-warning-after-end = Zeile { $line }: Die Einblendung beginnt bei { $start }, nach dem Ende des Videos ({ $duration }).
transcript-title = Mitschrift
transcript-hint = Tippen Sie auf eine Zeile, um im Video dorthin zu springen.
