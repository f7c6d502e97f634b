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

trainer-title = Teilnehmende
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
code-sheet-valid = Der Code gilt { $days } Tage und nur einmal. Jetzt ausdrucken oder abschreiben: Er wird nicht noch einmal gezeigt.

admin-title = Verwaltung
admin-new-user = Neues Konto für Mitarbeitende
admin-role = Rolle
admin-create-user = Konto anlegen
admin-staff = Mitarbeitende
admin-revoke-sessions = Überall abmelden
admin-audit-link = Protokoll
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
