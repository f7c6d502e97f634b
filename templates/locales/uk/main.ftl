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

trainer-title = Учасники
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
code-sheet-valid = Кількість днів дії коду: { $days }. Код можна використати лише один раз. Роздрукуйте або перепишіть його зараз: більше його не покажуть.

admin-title = Адміністрування
admin-new-user = Новий акаунт для працівника
admin-role = Роль
admin-create-user = Створити акаунт
admin-staff = Працівники
admin-revoke-sessions = Завершити всі сеанси
admin-audit-link = Журнал подій
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
