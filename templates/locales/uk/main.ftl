# Lernwerk — український інтерфейс. Короткі речення, прості слова.
skip-to-content = Перейти до вмісту
nav-label = Головне меню
nav-account = Мій акаунт
nav-logout = Вийти
lang-switch-label = Вибрати мову
back = Назад

home-title = Ласкаво просимо до Lernwerk
home-intro = Тут ви навчаєтеся за допомогою коротких відео.
home-learner-login = Увійти за кодом
home-staff-login = Вхід для працівників

login-title = Вхід для працівників
login-username = Ім’я користувача
login-password = Пароль
login-submit = Увійти
login-failed = Неправильне ім’я користувача або пароль.
login-missing-fields = Будь ласка, введіть ім’я користувача і пароль.

code-title = Увійти за кодом
code-help = Код ви отримаєте від вашого тренера або вашої тренерки.
code-label = Ваш код
code-submit = Почнімо
code-missing = Будь ласка, введіть ваш код.
code-malformed = Код має 12 символів. Будь ласка, перевірте його.
code-wrong = Цей код не підходить. Будь ласка, перевірте його.
code-expired = Термін дії цього коду закінчився. Будь ласка, попросіть новий код.
code-used = Цей код уже використано. Будь ласка, попросіть новий код.

account-title = Мій акаунт
account-sessions = { $count ->
    [one] Ви увійшли в акаунт на { $count } пристрої.
    [few] Ви увійшли в акаунт на { $count } пристроях.
    [many] Ви увійшли в акаунт на { $count } пристроях.
   *[other] Ви увійшли в акаунт на { $count } пристроях.
}
account-logout-everywhere = Вийти на всіх пристроях

learner-title = Навчання
learner-hello = Вітаємо!
learner-hello-name = Вітаємо,
learner-no-courses = У вас ще немає курсу. Ваш тренер або ваша тренерка скоро дасть вам курс.

trainer-title = Огляд
trainer-new-learner = Додати учасника
trainer-new-learner-help = Ім’я не потрібне. Псевдонім допоможе вам знову знайти людину.
trainer-nickname = Псевдонім (необов’язково)
trainer-create-learner = Додати і показати код
trainer-learners = Ваші учасники
trainer-no-learners = Учасників ще немає.
trainer-new-code = Новий код
learner-nickname-too-long = Псевдонім може мати не більше ніж 64 символи.

code-sheet-title = Код доступу
code-sheet-scan = Введіть код або відскануйте QR-код телефоном.

admin-title = Адміністрування
admin-new-user = Новий акаунт для працівника
admin-role = Роль
admin-create-user = Створити акаунт
admin-staff = Працівники
admin-revoke-sessions = Завершити всі сеанси
admin-audit-link = Журнал подій
admin-trainer-area-link = Розділ для тренерів
admin-audit-title = Журнал подій
admin-role-invalid = Будь ласка, виберіть роль.
admin-username-invalid = Ім’я користувача має містити від 3 до 64 символів: літери, цифри, крапку, дефіс або підкреслення.
admin-password-weak = Пароль має містити щонайменше 10 символів.
admin-username-taken = Таке ім’я користувача вже існує.
role-admin = Адміністратор/ка
role-trainer = Тренер/ка
role-learner = Учасник/ця
audit-when = Час
audit-action = Подія
audit-actor = Хто
audit-subject = Кого стосується
audit-event-login-succeeded = Вхід
audit-event-login-failed = Невдалий вхід
audit-event-code-login-succeeded = Вхід за кодом
audit-event-code-login-failed = Невдалий вхід за кодом
audit-event-logout = Вихід
audit-event-sessions-revoked = Сеанси завершено
audit-event-user-created = Обліковий запис створено
audit-event-learner-created = Учасника створено
audit-event-access-code-issued = Код доступу видано
audit-event-learner-data-exported = Дані завантажено
audit-event-learner-deleted = Учасника видалено
audit-event-learners-purged = Неактивних учасників видалено

error-code = Код помилки
error-home = На головну сторінку
error-not-found = Такої сторінки немає.
error-forbidden = Вам не можна переглядати цю сторінку.
error-login-required = Будь ласка, увійдіть.
error-csrf = Термін дії форми закінчився. Будь ласка, оновіть сторінку і спробуйте ще раз.
error-bad-request = Запит містить помилку.
error-bad-form = Форма неповна або містить помилку.
error-too-large = Це забагато за один раз.
error-too-many = Забагато спроб. Будь ласка, зачекайте кілька хвилин.
error-internal = Щось пішло не так. Будь ласка, спробуйте пізніше.

# Обробка відео (завдання)
job-error-failed = Не вдалося обробити відео. Будь ласка, завантажте його ще раз або зверніться до адміністратора.
job-error-timeout = Обробка тривала надто довго і була зупинена. Допоможе коротше відео.
job-error-resources = Відео потребує більше обчислювального часу, ніж дозволяє цей сервер. Допоможе коротше або менше відео.
job-error-lost = Обробку кілька разів було перервано. Будь ласка, зверніться до адміністратора.
job-error-cancelled = Обробку скасовано.
job-error-missing-original = Завантаженого файлу більше немає. Будь ласка, завантажте відео ще раз.

# Перевірка завантажених відео
media-error-unreadable = Файл неможливо прочитати. Можливо, він пошкоджений або завантажений не повністю. Будь ласка, завантажте його ще раз.
media-error-not-video = Цей файл не є відео.
media-error-format = Такий тип файлу не підтримується. Будь ласка, завантажте відео у форматі MP4, MOV, MKV, WebM або AVI.
media-error-no-video = У цьому файлі є лише звук, без зображення. Будь ласка, завантажте відео.
media-error-no-duration = Неможливо визначити тривалість відео. Будь ласка, збережіть відео заново і завантажте його ще раз.
media-error-too-long = Відео задовге ({ $minutes } хв). Дозволено щонайбільше { $limit } хв.
media-error-too-large-frame = Зображення відео завелике ({ $width } × { $height } пкс). Будь ласка, збережіть відео в меншому розмірі, наприклад Full HD (1920 × 1080).
media-error-frame-rate = У відео забагато кадрів на секунду ({ $fps }). Дозволено щонайбільше { $limit }.
media-error-too-many-streams = У файлі забагато доріжок зображення, звуку чи субтитрів ({ $count }). Дозволено щонайбільше { $limit }.

# Відео
videos-title = Відео
videos-upload = Завантажити відео
videos-field-title = Назва (необов’язково)
videos-field-file = Відеофайл
videos-file-help = MP4, MOV, MKV, WebM або AVI, щонайбільше { $mb } MB.
videos-upload-submit = Завантажити
videos-list = Ваші відео
videos-none = Відео ще немає.
video-status-queued = Очікує на обробку
video-status-processing = Обробляється
video-status-ready = Готово
video-status-failed = Не вдалося
video-status-cancelled = Скасовано
video-stage-queued = Очікування
video-stage-starting = Запуск
video-stage-probe = Перевірка файлу
video-stage-encode = Перетворення відео
video-stage-package = Збереження файлів
video-stage-done = Готово
video-progress = Прогрес
video-show-result = Показати результат (сторінка перезавантажиться)
video-cancel = Скасувати обробку
video-preview = Попередній перегляд
video-renditions = Рівні якості
video-rendition = Рівень
video-size = Розмір зображення
video-bitrate = Швидкість даних
video-megabytes = MB
upload-no-file = Будь ласка, виберіть відеофайл.
upload-empty = Файл порожній.
upload-bad-title = Назва може мати не більше ніж 120 символів і лише один рядок.
upload-too-large = Файл завеликий.
upload-disk-full = Пам’ять сервера заповнена. Будь ласка, повідомте адміністрацію.
media-error-transcode = Не вдалося перетворити відео. Будь ласка, спробуйте пізніше.

# Курси (тренер)
courses-title = Курси
courses-list = Ваші курси
courses-none = Курсів ще немає.
courses-new = Новий курс
courses-create = Створити курс
trainer-areas = Розділи
course-field-title = Назва
course-field-summary = Короткий опис (необов’язково)
course-field-language = Мова уроків
course-field-topic = Тема
course-field-level = Рівень
course-level = Рівень { $level }
course-field-gated = Відкривати модулі по черзі (модуль відкривається, коли попередній пройдено)
course-state = Статус
course-draft = Чернетка — учасники її не бачать
course-published = Опубліковано
course-publish = Опублікувати
course-unpublish = Зняти з публікації
course-settings = Дані курсу
course-modules = Модулі
course-no-modules = Модулів ще немає. Додайте перший модуль нижче.
topic-reading = Читання
topic-writing = Письмо
topic-numbers = Математика
topic-digital = Цифрові навички
topic-everyday = Повсякденне життя
topic-work = Робота
course-error-title = Назва має бути в одному рядку, не порожня і не довша ніж 120 символів.
course-error-text = Текст може мати не більше ніж 4000 символів.
course-error-language = Будь ласка, виберіть мову зі списку.
course-error-topic = Будь ласка, виберіть тему зі списку.
course-error-level = Будь ласка, виберіть рівень від 1 до 4.
course-error-empty = Курс без уроків не можна опублікувати. Спочатку додайте урок.
save = Зберегти
move-up = Перемістити вгору
move-down = Перемістити вниз
module-add = Додати модуль
module-field-title = Назва модуля
module-rename = Перейменувати модуль
module-no-lessons = У цьому модулі ще немає уроків.

# Уроки (тренер)
lesson-add = Додати урок
lesson-needs-video = Щоб додати урок, спочатку потрібне відео.
lesson-settings = Дані уроку
lesson-field-title = Назва уроку
lesson-field-video = Відео
lesson-field-body = Короткий текст простою мовою (необов’язково)
lesson-field-threshold = Яку частину відео треба переглянути? (у відсотках, порожньо = автоматично)
lesson-threshold-help = Автоматично: 72 % для відео на одну хвилину, до 95 % для відео на десять хвилин і довше.
lesson-field-pass = На скільки запитань треба відповісти правильно? (порожньо = на всі)
lesson-pass-help = Наприклад, 3, якщо достатньо 3 правильних відповідей з 4.
lesson-move-module = Перемістити в інший модуль
lesson-field-module = Модуль
lesson-move = Перемістити
lesson-error-video = Будь ласка, виберіть одне з ваших відео.
lesson-error-threshold = Будь ласка, введіть число від 5 до 100 або залиште поле порожнім.
lesson-error-pass = Будь ласка, введіть число від 1 до 100 або залиште поле порожнім.

# Запитання
questions-title = Запитання до уроку
questions-none = Запитань ще немає. Запитання необов’язкові.
question-add = Додати запитання
question-field-prompt = Запитання
question-field-kind = Тип запитання
question-single = Одна відповідь правильна
question-multiple = Кілька відповідей можуть бути правильними
question-field-choices = Відповіді (порожні рядки не зберігаються)
question-choice = Відповідь { $number }
question-right = Правильна
question-delete = Видалити запитання
question-error-prompt = Будь ласка, напишіть запитання (не більше ніж 500 символів).
question-error-choices = Запитання має мати від двох до шести відповідей, кожна не довша ніж 300 символів.
question-error-correct = Будь ласка, позначте правильну відповідь: рівно одну для «Одна відповідь правильна», в іншому разі — щонайменше одну.

# Групи
groups-title = Групи
groups-none = Груп ще немає.
groups-new = Нова група
groups-create = Створити групу
group-field-name = Назва групи
group-join-code = Код для приєднання
group-members = Учасники
group-no-members = У цій групі ще нікого немає.
group-add-learner = Додати учасника
group-add = Додати
group-remove = Видалити
group-courses = Курси групи
group-no-courses = Курсів ще не призначено.
group-assign-course = Призначити курс
group-assign = Призначити
group-error-learner = Такої людини немає або вона не серед ваших учасників.
group-error-course = Такого курсу немає або він не ваш.
group-error-code = Такого коду групи немає. Будь ласка, перевірте його ще раз.

# Навчання
learner-continue = Навчатися далі
learner-next-is = Далі:
learner-all-done = Чудово! Ви пройшли всі уроки.
learner-lessons-done = Пройдено уроків: { $done } з { $total }
learner-module-locked = Відкриється після попереднього модуля
learner-join = Приєднатися до групи
learner-join-code = Код групи
learner-join-submit = Приєднатися
lesson-state-not_started = Ще не розпочато
lesson-state-in_progress = Розпочато: { $percent } %
lesson-state-checks_failed = Спробуйте ще раз відповісти на запитання
lesson-state-complete = Пройдено
lesson-locked = Цей урок ще закритий. Спочатку пройдіть попередні уроки.
lesson-video = Відео уроку
lesson-video-done = Відео переглянуто!
lesson-video-not-ready = Відео ще готується. Будь ласка, загляньте пізніше.
checks-title = Запитання
checks-pick-all = (позначте всі правильні відповіді)
checks-submit = Перевірити відповіді
checks-passed = Чудово! Правильних відповідей: { $correct } з { $total }.
checks-failed = Правильних відповідей: { $correct } з { $total }. Перегляньте відео ще раз і спробуйте знову.
check-error-answers = Відповіді не підходять до запитань. Будь ласка, оновіть сторінку.
check-error-none = У цьому уроці немає запитань.
progress-error-report = Не вдалося зберегти ваш прогрес: повідомлення містить помилку.
progress-error-not-opened = Будь ласка, спочатку відкрийте урок.
progress-error-not-ready = Відео цього уроку ще не готове.

# Переглянули разом у залі
group-room-viewing = Переглянули разом у залі
group-room-viewing-help = Виберіть урок, який Ви показали групі, і хто був присутній. Це зараховується окремо від власного перегляду.
group-present = Хто був присутній?
group-room-save = Зберегти
group-error-lesson = Цей урок не належить до жодного курсу групи.

# Захист даних
privacy-my-data = Мої дані
privacy-my-data-help = Завантажте все, що Lernwerk зберігає про Вас: акаунт, групи, навчальний прогрес і відповіді. Файл у форматі JSON.
privacy-my-data-download = Завантажити мої дані
privacy-download = Завантажити дані
privacy-admin-link = Видалити учасників
privacy-admin-title = Учасники і захист даних
privacy-admin-help = Видалення знищує акаунт з усіма даними: прогрес, відповіді, групи та входи. Це не можна скасувати. Якщо людина хоче отримати свої дані, спершу завантажте їх.
privacy-retention = Учасників, які не були активні { $days } днів, буде автоматично видалено з усіма даними.
privacy-retention-off = Автоматичне видалення вимкнено.
privacy-no-learners = Учасників ще немає.
privacy-learner-number = № { $number }
privacy-created = створено { $date }
privacy-last-seen = остання активність { $date }
privacy-delete-confirm = Так, справді видалити № { $number }
privacy-delete-button = Видалити назавжди
privacy-delete-not-confirmed = Нічого не видалено. Будь ласка, спершу поставте позначку «справді видалити».
privacy-deleted = № { $number } видалено з усіма даними.

# Звіти
report-link = Переглянути прогрес навчання
report-learner-link = Прогрес
report-title = Прогрес групи
report-intro = Тут Ви бачите для кожної особи й кожного уроку, наскільки вона просунулася. «Переглянуто разом» рахується окремо і не завершує урок.
report-downloads = Завантажити
report-download-csv = Таблиця для Excel (CSV)
report-download-json = Дані (JSON)
report-download-xapi = Дані xAPI для сховища навчальних записів (LRS)
report-summary = Огляд
report-learner = Учасник / учасниця
report-learner-number = Номер
report-lessons-done = Завершено уроків
report-done-of = { $done } з { $total }
report-module = Модуль
report-module-done = Завершено в модулі
report-course = Курс
report-lesson = Урок
report-state = Стан
report-watched-percent = Переглянуто відео (%)
report-together = Переглянуто разом
report-together-count = Переглянуто разом: { $count } ×
report-last-activity = Остання активність
report-never = Ще ні разу
report-time-note = Час указано за німецьким часом.
report-no-members = У цій групі ще немає учасників.
report-no-courses = Курси ще не призначено.
report-no-lessons = У цьому курсі ще немає уроків.
report-state-not_started = Не розпочато
report-state-in_progress = Розпочато: { $percent } %
report-state-in_progress-short = Розпочато
report-state-checks_failed = Питання не складено
report-state-complete = Завершено
report-learner-title = Прогрес: { $name }
report-courses = Курси
report-timeline = Історія
report-timeline-empty = Поки що нічого не відбулося.
report-timeline-truncated = Тут показано лише { $count } найновіших записів. Усі записи є у файлі CSV.
report-when = Час
report-what = Що
report-details = Подробиці
report-timeline-opened = Урок відкрито
report-timeline-played = Відео переглянуто
report-timeline-completed = Відео завершено
report-timeline-answered = Відповіді на питання
report-timeline-watched_together = Переглянуто разом у залі
report-timeline-completed-detail = Переглянуто { $percent } %
report-timeline-answered-passed = { $correct } з { $total } правильно – складено
report-timeline-answered-failed = { $correct } з { $total } правильно – не складено
report-timeline-together-detail = Група: { $group }

# Попередній перегляд і порядок
lesson-preview = Попередній перегляд
lesson-preview-note = Попередній перегляд: так учасники бачать цей урок. Тут нічого не зберігається.
course-drag-help = Порада: модулі й уроки також можна перетягнути мишею на потрібне місце.
course-error-order = Новий порядок не відповідає курсу. Будь ласка, перезавантажте сторінку.

# Зображення та читання вголос
read-aloud = Прослухати
read-aloud-stop = Зупинити
question-picture = Зображення до відповіді { $number } (необов'язково)
question-picture-help = До кожної відповіді Ви можете додати зображення: JPEG, PNG або WebP, не більше 5 МБ і не більше 4096 пікселів завширшки та заввишки. Зображення буде зменшено, а дані про місцезнаходження та інші дані камери буде видалено.
picture-error-line = Зображення до відповіді { $number }:
picture-error-not-picture = Цей файл не є зображенням. Будь ласка, виберіть фото у форматі JPEG, PNG або WebP.
picture-error-too-many-pixels = Зображення завелике. Воно може мати не більше 4096 пікселів завширшки та 4096 пікселів заввишки.
picture-error-broken = Зображення пошкоджене або неповне. Будь ласка, виберіть його ще раз або візьміть інше зображення.
picture-error-file-too-big = Одне із зображень завелике. Кожне зображення може мати не більше 5 МБ.
picture-error-form-too-big = Форма завелика. Усі зображення разом можуть мати не більше 30 МБ.
picture-error-needs-text = До кожного зображення потрібен текст відповіді. Будь ласка, напишіть відповідь у полі над зображенням.

# Субтитри
subtitles-title = Субтитри
subtitles-none = До цього відео ще немає субтитрів.
subtitle-language = Мова
subtitle-make-default = Типові (показуються першими)
subtitle-file = Файл субтитрів (.srt або .vtt, щонайбільше { $limit } КБ)
subtitle-upload = Завантажити субтитри
subtitle-remove = Видалити
subtitle-download = Переглянути файл
subtitle-default-mark = Типові
subtitle-cues = Фрагментів: { $count }
subtitle-saved = Субтитри збережено.
subtitle-warnings-title = Деякі фрагменти пропущено:
subtitle-refused = Файл субтитрів не прийнято. Виправте, будь ласка, ці місця й завантажте файл ще раз:
subtitle-not-ready = Субтитри можна додати, коли обробку відео завершено.
subtitle-unknown-language = Виберіть, будь ласка, мову зі списку.
subtitle-no-file = Виберіть, будь ласка, файл субтитрів.
subtitle-upload-too-large = Файл завеликий для файлу субтитрів.
subtitle-error-more = Є ще інші помилки. Спершу виправте ці.
subtitle-error-file-too-large = Файл має { $kilobytes } КБ. Дозволено щонайбільше { $limit } КБ.
subtitle-error-encoding = Символи файлу не відповідають його кодуванню ({ $encoding }). Збережіть, будь ласка, файл у UTF-8.
subtitle-error-format = Файл не є ні SRT, ні WebVTT.
subtitle-error-timestamp = Рядок { $line }: час «{ $found }» не вдається прочитати.
subtitle-error-cue-duration = Рядок { $line }: фрагмент закінчується ({ $end }) раніше, ніж починається ({ $start }).
subtitle-error-stray-text = Рядок { $line }: текст поза фрагментом. Бракує часу чи порожнього рядка?
subtitle-error-line-too-long = Рядок { $line }: { $length } символів, дозволено щонайбільше { $limit }.
subtitle-error-cue-too-many-lines = Рядок { $line }: фрагмент має { $count } рядків, дозволено щонайбільше { $limit }. Бракує порожнього рядка?
subtitle-error-too-many-cues = Рядок { $line }: понад { $limit } фрагментів.
subtitle-error-no-cues = Файл не містить жодного фрагмента.
subtitle-error-all-after-end = Усі фрагменти ({ $count }) починаються після кінця відео ({ $duration }). Можливо, файл до іншого відео?
subtitle-warning-after-end = Рядок { $line }: фрагмент починається о { $start }, після кінця відео ({ $duration }).
transcript-title = Текст відео
transcript-hint = Торкніться рядка, щоб перейти до цього місця у відео.
