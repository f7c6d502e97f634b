# The learner's phone: start page, player, data saver, offline lessons.
learner-read-page = Seite vorlesen
learner-lesson-locked = Noch gesperrt
learner-next-lesson = Nächste Lektion
learner-data-saver-link = Daten sparen
learner-data-saver-auto = Automatisch
learner-data-saver-low = Wenig Daten
learner-data-saver-audio = Nur Ton
learner-offline-link = Offline gespeichert

learner-player-controls = Video-Steuerung
learner-player-play = Abspielen
learner-player-pause = Anhalten
learner-player-back = 10 Sekunden zurück
learner-player-subtitles = Untertitel
learner-player-subtitles-language = Sprache der Untertitel
learner-player-speed = Tempo
learner-player-rate-slow = 0,75 ×
learner-player-rate-normal = 1 ×
learner-player-rate-fast = 1,25 ×
learner-player-audio-only = Nur Ton: Das Bild wird nicht geladen.

learner-data-saver-title = Daten sparen
learner-data-saver-intro = Videos brauchen Daten. Hier wählen Sie, wie viele. Das gilt für alle Lektionen.
learner-data-saver-legend = Wie sollen Videos laden?
learner-data-saver-help-auto = Das Handy wählt die Qualität selbst.
learner-data-saver-help-low = Kleines Bild. Braucht wenig Daten.
learner-data-saver-help-audio = Kein Bild, nur Ton. Braucht am wenigsten.
learner-data-saver-mb-up-to = Bis zu { $mb } MB für dieses Video
learner-data-saver-mb-about = Etwa { $mb } MB
learner-data-saver-save = Speichern
learner-data-saver-saved = Gespeichert. Das gilt jetzt für alle Videos.
learner-data-saver-figures-for = Die Zahlen gelten für die Lektion:
learner-data-saver-offline-hint = Tipp: Im WLAN speichern, später ohne Internet schauen.
learner-data-saver-error-choice = Bitte wählen Sie eine der drei Möglichkeiten.

learner-offline-title = Offline gespeichert
learner-offline-intro = Diese Lektionen sind auf Ihrem Handy. Sie gehen auch ohne Internet.
learner-offline-you-are-offline = Sie sind gerade offline.
learner-offline-none = Noch nichts gespeichert. In einer Lektion tippen Sie auf „Für offline speichern“.
learner-offline-unsupported = Dieser Browser kann keine Lektionen speichern.
learner-offline-total = Zusammen: { $mb } MB auf dem Handy
learner-offline-save = Für offline speichern
learner-offline-saving = Wird gespeichert …
learner-offline-save-failed = Das Speichern hat nicht geklappt. Bitte versuchen Sie es noch einmal.
learner-offline-saved = Offline gespeichert
learner-offline-delete = Löschen
learner-offline-deleted = Gelöscht.
