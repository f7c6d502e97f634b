# The trainer's desk: printed sheets of access codes.
sheet-new = Mehrere Teilnehmende auf einmal
sheet-new-help = Für eine neue Gruppe: Lernwerk legt die Teilnehmenden an und zeigt einen Bogen mit einer Karte pro Person zum Ausdrucken und Ausschneiden.
sheet-count = Wie viele?
sheet-count-help = 1 bis { $max } Personen.
sheet-prefix = Spitzname für alle (freiwillig)
sheet-prefix-help = Zum Beispiel „Montag“. Die Karten heißen dann „Montag 1“, „Montag 2“ und so weiter.
sheet-group = Gleich in diese Gruppe
sheet-no-group = Keine Gruppe
sheet-language = Sprache der Karten
sheet-create = Anlegen und Bogen zeigen
sheet-print = Drucken
sheet-print-once = { $count ->
    [one] Eine Karte. Drucken Sie sie jetzt aus: Der Code wird nicht noch einmal gezeigt.
   *[other] { $count } Karten. Drucken Sie sie jetzt aus: Die Codes werden nicht noch einmal gezeigt.
}
sheet-qr-label = QR-Code zum Anmelden
sheet-valid-until = Gilt einmal, bis { $date }.
sheet-count-invalid = Bitte eine Zahl von 1 bis 40 eingeben.
sheet-prefix-too-long = Der Spitzname ist zu lang: höchstens 60 Zeichen.
sheet-group-empty = In dieser Gruppe sind keine Teilnehmenden, die Sie verwalten.
sheet-renew-group = Neue Codes für alle in der Gruppe
sheet-renew-group-help = Alte, noch nicht benutzte Codes gelten dann nicht mehr. Wer schon angemeldet ist, bleibt angemeldet.
sheet-renew-group-submit = Neue Codes und Bogen zeigen
