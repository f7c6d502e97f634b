## Resumable uploads (tus): what the server answers, what the videos page shows.

uploads-error-not-found = Цього завантаження більше немає. Будь ласка, завантажте файл знову.
uploads-error-expired = Це завантаження надто довго не продовжували, і його строк минув. Будь ласка, завантажте файл знову.
uploads-error-locked = У це завантаження саме зараз записуються дані. Воно продовжиться за мить.
uploads-error-offset = Завантаження на іншому місці, ніж очікувалося. Воно продовжиться звідти, де зараз.
uploads-error-checksum = Частина файлу прийшла пошкодженою. Її буде надіслано ще раз.
uploads-error-checksum-header = Не вдалося прочитати контрольну суму.
uploads-error-checksum-algorithm = Сервер не знає такого виду контрольної суми. Він знає sha1 і sha256.
uploads-error-metadata = Не вдалося прочитати назву файлу або заголовок.
uploads-error-no-filename = У файлу немає назви.
uploads-error-filename = Назва файлу задовга або містить керівні символи.
uploads-error-too-large = Файл завеликий. Дозволено щонайбільше { $limit } МБ.
uploads-error-beyond-length = Прийшло більше даних, ніж розмір файлу.
uploads-error-quota = Вашого місця для зберігання не вистачає: ви використовуєте { $used } МБ із { $quota } МБ. Будь ласка, попросіть адміністрацію про більше місця.
uploads-error-disk-full = Пам'ять сервера заповнена. Те, що вже надійшло, збережено. Завантаження продовжиться, щойно знову буде місце. Будь ласка, повідомте адміністрацію.
uploads-error-interrupted = З'єднання перервалося. Те, що надійшло, збережено.
uploads-error-version = Ця програма завантаження використовує іншу версію протоколу.
uploads-error-defer-length = Розмір файлу має бути відомий від початку.
uploads-error-length = Розмір файлу відсутній або не є числом.
uploads-error-offset-header = Місце в завантаженні відсутнє або не є числом.
uploads-error-content-type = Дані мають неправильний тип. Очікується application/offset+octet-stream.
uploads-error-encoding = Стиснені дані не приймаються. Будь ласка, надішліть файл без змін.

uploads-progress-label = Перебіг завантаження
uploads-progress = { $percent } % · { $speed }/с · залишилося приблизно { $left }
uploads-progress-start = Завантаження починається …
uploads-time-seconds = { $count } с
uploads-time-minutes = { $count } хв
uploads-time-hours = { $count } год
uploads-pause = Призупинити
uploads-resume = Продовжити
uploads-cancel = Скасувати завантаження
uploads-paused = Призупинено. «Продовжити» продовжує з того самого місця.
uploads-offline = Немає з'єднання. Завантаження продовжиться саме, щойно ви знову будете онлайн.
uploads-retrying = Проблема зі з'єднанням. Нова спроба …
uploads-done = Завантажено. Відкривається сторінка відео …
uploads-failed = Завантаження не вдалося: { $reason }
uploads-failed-unknown = Сервер не відповідає.
uploads-continue-offer = Завантаження «{ $file }» було перервано ({ $percent } % уже є).
uploads-continue = Продовжити перерване завантаження
uploads-start-over = Почати знову
uploads-interrupted-hint = Завантаження було перервано: «{ $file }». Виберіть той самий файл ще раз, щоб продовжити.
uploads-status-region = Стан завантаження

uploads-subtitles-while-processing = Ви вже зараз можете додати субтитри. Вони потраплять у відео, щойно його буде оброблено.
uploads-subtitle-waiting = чекає на відео
