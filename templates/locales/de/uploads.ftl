## Resumable uploads (tus): what the server answers, what the videos page shows.

uploads-error-not-found = Diesen Upload gibt es nicht mehr. Bitte laden Sie die Datei neu hoch.
uploads-error-expired = Dieser Upload wurde zu lange nicht fortgesetzt und ist abgelaufen. Bitte laden Sie die Datei neu hoch.
uploads-error-locked = In diesen Upload wird gerade geschrieben. Es geht gleich weiter.
uploads-error-offset = Der Upload ist an einer anderen Stelle als erwartet. Es geht dort weiter, wo er steht.
uploads-error-checksum = Ein Teil der Datei ist beschädigt angekommen. Er wird noch einmal geschickt.
uploads-error-checksum-header = Die Prüfsumme konnte nicht gelesen werden.
uploads-error-checksum-algorithm = Diese Art von Prüfsumme kennt der Server nicht. Er kennt sha1 und sha256.
uploads-error-metadata = Dateiname oder Titel konnten nicht gelesen werden.
uploads-error-no-filename = Die Datei hat keinen Namen.
uploads-error-filename = Der Dateiname ist zu lang oder enthält Steuerzeichen.
uploads-error-too-large = Die Datei ist zu groß. Erlaubt sind höchstens { $limit } MB.
uploads-error-beyond-length = Es kamen mehr Daten, als die Datei groß ist.
uploads-error-quota = Ihr Speicherplatz reicht nicht: Sie nutzen { $used } MB von { $quota } MB. Bitte fragen Sie die Verwaltung nach mehr Platz.
uploads-error-disk-full = Der Speicher des Servers ist voll. Was schon angekommen ist, bleibt erhalten. Der Upload geht weiter, sobald wieder Platz ist. Bitte sagen Sie der Verwaltung Bescheid.
uploads-error-interrupted = Die Verbindung ist abgebrochen. Was angekommen ist, bleibt erhalten.
uploads-error-version = Dieses Upload-Programm spricht eine andere Version des Protokolls.
uploads-error-defer-length = Die Größe der Datei muss am Anfang feststehen.
uploads-error-length = Die Größe der Datei fehlt oder ist keine Zahl.
uploads-error-offset-header = Die Stelle im Upload fehlt oder ist keine Zahl.
uploads-error-content-type = Die Daten haben den falschen Typ. Erwartet wird application/offset+octet-stream.
uploads-error-encoding = Komprimierte Daten werden nicht angenommen. Bitte schicken Sie die Datei unverändert.

uploads-progress-label = Fortschritt des Uploads
uploads-progress = { $percent } % · { $speed }/s · noch etwa { $left }
uploads-progress-start = Upload startet …
uploads-time-seconds = { $count } s
uploads-time-minutes = { $count } min
uploads-time-hours = { $count } h
uploads-pause = Anhalten
uploads-resume = Weiter
uploads-cancel = Upload abbrechen
uploads-paused = Angehalten. Mit „Weiter“ geht es an derselben Stelle weiter.
uploads-offline = Keine Verbindung. Der Upload geht von selbst weiter, sobald Sie wieder online sind.
uploads-retrying = Verbindungsproblem. Neuer Versuch …
uploads-done = Hochgeladen. Die Seite des Videos öffnet sich …
uploads-failed = Der Upload hat nicht geklappt: { $reason }
uploads-failed-unknown = Der Server antwortet nicht.
uploads-continue-offer = Der Upload von „{ $file }“ wurde unterbrochen ({ $percent } % sind schon da).
uploads-continue = Unterbrochenen Upload fortsetzen
uploads-start-over = Neu beginnen
uploads-interrupted-hint = Ein Upload wurde unterbrochen: „{ $file }“. Wählen Sie dieselbe Datei noch einmal, um ihn fortzusetzen.
uploads-status-region = Stand des Uploads

uploads-subtitles-while-processing = Sie können schon jetzt Untertitel hinzufügen. Sie kommen in das Video, sobald es fertig verarbeitet ist.
uploads-subtitle-waiting = wartet auf das Video
