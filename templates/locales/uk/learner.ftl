# The learner's phone: start page, player, data saver, offline lessons.
learner-read-page = Прочитати сторінку вголос
learner-lesson-locked = Ще закрито
learner-next-lesson = Наступний урок
learner-data-saver-link = Економія даних
learner-data-saver-auto = Автоматично
learner-data-saver-low = Мало даних
learner-data-saver-audio = Лише звук
learner-offline-link = Збережено офлайн

learner-player-controls = Керування відео
learner-player-play = Відтворити
learner-player-pause = Пауза
learner-player-back = На 10 секунд назад
learner-player-subtitles = Субтитри
learner-player-subtitles-language = Мова субтитрів
learner-player-speed = Швидкість
learner-player-rate-slow = 0,75 ×
learner-player-rate-normal = 1 ×
learner-player-rate-fast = 1,25 ×
learner-player-audio-only = Лише звук: зображення не завантажується.

learner-data-saver-title = Економія даних
learner-data-saver-intro = Відео потребують даних. Тут ви обираєте, скільки. Це діє для всіх уроків.
learner-data-saver-legend = Як завантажувати відео?
learner-data-saver-help-auto = Телефон сам обирає якість.
learner-data-saver-help-low = Маленьке зображення. Потрібно мало даних.
learner-data-saver-help-audio = Без зображення, лише звук. Потрібно найменше.
learner-data-saver-mb-up-to = До { $mb } МБ для цього відео
learner-data-saver-mb-about = Приблизно { $mb } МБ
learner-data-saver-save = Зберегти
learner-data-saver-saved = Збережено. Тепер це діє для всіх відео.
learner-data-saver-figures-for = Цифри для уроку:
learner-data-saver-offline-hint = Порада: зберігайте уроки через Wi-Fi, дивіться пізніше без інтернету.
learner-data-saver-error-choice = Будь ласка, оберіть один із трьох варіантів.

learner-offline-title = Збережено офлайн
learner-offline-intro = Ці уроки є на вашому телефоні. Вони працюють і без інтернету.
learner-offline-you-are-offline = Зараз ви офлайн.
learner-offline-none = Ще нічого не збережено. В уроці натисніть «Зберегти для офлайн».
learner-offline-unsupported = Цей браузер не може зберігати уроки.
learner-offline-total = Разом: { $mb } МБ на телефоні
learner-offline-save = Зберегти для офлайн
learner-offline-saving = Зберігається …
learner-offline-save-failed = Зберегти не вдалося. Будь ласка, спробуйте ще раз.
learner-offline-saved = Збережено офлайн
learner-offline-delete = Видалити
learner-offline-deleted = Видалено.
