# The learner's phone: start page, player, data saver, offline lessons.
learner-read-page = Sayfayı sesli oku
learner-lesson-locked = Henüz kilitli
learner-next-lesson = Sonraki ders
learner-data-saver-link = Veri tasarrufu
learner-data-saver-auto = Otomatik
learner-data-saver-low = Az veri
learner-data-saver-audio = Sadece ses
learner-offline-link = Çevrimdışı kaydedilenler

learner-player-controls = Video kontrolleri
learner-player-play = Oynat
learner-player-pause = Duraklat
learner-player-back = 10 saniye geri
learner-player-subtitles = Altyazı
learner-player-subtitles-language = Altyazı dili
learner-player-speed = Hız
learner-player-rate-slow = 0,75 ×
learner-player-rate-normal = 1 ×
learner-player-rate-fast = 1,25 ×
learner-player-audio-only = Sadece ses: Görüntü yüklenmiyor.

learner-data-saver-title = Veri tasarrufu
learner-data-saver-intro = Videolar veri harcar. Burada ne kadar harcanacağını seçersiniz. Bu, tüm dersler için geçerlidir.
learner-data-saver-legend = Videolar nasıl yüklensin?
learner-data-saver-help-auto = Telefon kaliteyi kendisi seçer.
learner-data-saver-help-low = Küçük görüntü. Az veri harcar.
learner-data-saver-help-audio = Görüntü yok, sadece ses. En az veriyi harcar.
learner-data-saver-mb-up-to = Bu video için en fazla { $mb } MB
learner-data-saver-mb-about = Yaklaşık { $mb } MB
learner-data-saver-save = Kaydet
learner-data-saver-saved = Kaydedildi. Bu artık tüm videolar için geçerli.
learner-data-saver-figures-for = Rakamlar şu ders için:
learner-data-saver-offline-hint = İpucu: Dersleri Wi-Fi'da kaydedin, sonra internetsiz izleyin.
learner-data-saver-error-choice = Lütfen üç seçenekten birini seçin.

learner-offline-title = Çevrimdışı kaydedilenler
learner-offline-intro = Bu dersler telefonunuzda. İnternet olmadan da çalışırlar.
learner-offline-you-are-offline = Şu anda çevrimdışısınız.
learner-offline-none = Henüz bir şey kaydedilmedi. Bir derste „Çevrimdışı için kaydet“e dokunun.
learner-offline-unsupported = Bu tarayıcı ders kaydedemiyor.
learner-offline-total = Toplam: telefonda { $mb } MB
learner-offline-save = Çevrimdışı için kaydet
learner-offline-saving = Kaydediliyor …
learner-offline-save-failed = Kaydetme olmadı. Lütfen tekrar deneyin.
learner-offline-saved = Çevrimdışı kaydedildi
learner-offline-delete = Sil
learner-offline-deleted = Silindi.
