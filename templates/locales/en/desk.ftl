# The trainer's desk: printed sheets of access codes.
sheet-new = Several learners at once
sheet-new-help = For a new group: Lernwerk creates the learners and shows a sheet with one card per person to print and cut out.
sheet-count = How many?
sheet-count-help = 1 to { $max } people.
sheet-prefix = Nickname for all (optional)
sheet-prefix-help = For example “Monday”. The cards are then called “Monday 1”, “Monday 2” and so on.
sheet-group = Straight into this group
sheet-no-group = No group
sheet-language = Language of the cards
sheet-create = Create and show the sheet
sheet-print = Print
sheet-print-once = { $count ->
    [one] One card. Print it now: the code is not shown again.
   *[other] { $count } cards. Print them now: the codes are not shown again.
}
sheet-qr-label = QR code to log in
sheet-valid-until = Works once, until { $date }.
sheet-count-invalid = Please enter a number from 1 to 40.
sheet-prefix-too-long = The nickname is too long: 60 characters at most.
sheet-group-empty = This group has no learners that you manage.
sheet-renew-group = New codes for everyone in the group
sheet-renew-group-help = Old codes that were not used yet stop working. Anyone already logged in stays logged in.
sheet-renew-group-submit = New codes and show the sheet
