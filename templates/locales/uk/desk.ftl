# The trainer's desk: printed sheets of access codes.
sheet-new = Кілька учасників одразу
sheet-new-help = Для нової групи: Lernwerk створює учасників і показує аркуш з карткою для кожної людини, щоб надрукувати й вирізати.
sheet-count = Скільки?
sheet-count-help = Від 1 до { $max } осіб.
sheet-prefix = Псевдонім для всіх (за бажанням)
sheet-prefix-help = Наприклад «Понеділок». Картки тоді називаються «Понеділок 1», «Понеділок 2» і так далі.
sheet-group = Одразу в цю групу
sheet-no-group = Без групи
sheet-language = Мова карток
sheet-create = Створити й показати аркуш
sheet-print = Надрукувати
sheet-print-once = { $count ->
    [one] Одна картка. Надрукуйте її зараз: код більше не покажуть.
   *[other] Карток: { $count }. Надрукуйте їх зараз: коди більше не покажуть.
}
sheet-qr-label = QR-код для входу
sheet-valid-until = Діє один раз, до { $date }.
sheet-count-invalid = Введіть число від 1 до 40.
sheet-prefix-too-long = Псевдонім задовгий: не більше 60 символів.
sheet-group-empty = У цій групі немає учасників, якими ви керуєте.
sheet-renew-group = Нові коди для всіх у групі
sheet-renew-group-help = Старі невикористані коди більше не діятимуть. Хто вже увійшов, залишається в системі.
sheet-renew-group-submit = Нові коди й показати аркуш
