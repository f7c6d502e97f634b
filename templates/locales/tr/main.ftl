# Lernwerk — Türkçe arayüz. Kısa cümleler, basit kelimeler.
skip-to-content = İçeriğe geç
nav-label = Ana menü
nav-account = Hesabım
nav-logout = Çıkış yap
lang-switch-label = Dil seçin
back = Geri

home-title = Lernwerk'e hoş geldiniz
home-intro = Burada kısa videolarla öğrenirsiniz.
home-learner-login = Kodla giriş yapın
home-staff-login = Personel girişi

login-title = Personel girişi
login-username = Kullanıcı adı
login-password = Şifre
login-submit = Giriş yap
login-failed = Kullanıcı adı veya şifre yanlış.
login-missing-fields = Lütfen kullanıcı adını ve şifreyi girin.

code-title = Kodla giriş yapın
code-help = Kodunuzu eğitmeninizden alırsınız.
code-label = Kodunuz
code-submit = Başlayalım
code-missing = Lütfen kodunuzu girin.
code-malformed = Kod 12 karakterden oluşur. Lütfen kontrol edin.
code-wrong = Bu kod doğru değil. Lütfen kontrol edin.
code-expired = Bu kodun süresi doldu. Lütfen yeni bir kod isteyin.
code-used = Bu kod daha önce kullanıldı. Lütfen yeni bir kod isteyin.

account-title = Hesabım
account-sessions = { $count ->
    [one] Oturumunuz bir cihazda açık.
   *[other] Oturumunuz { $count } cihazda açık.
}
account-logout-everywhere = Tüm cihazlardan çıkış yap

learner-title = Öğrenme
learner-hello = Merhaba!
learner-hello-name = Merhaba
learner-no-courses = Henüz bir kursunuz yok. Eğitmeniniz size yakında bir kurs verecek.

trainer-title = Genel bakış
trainer-new-learner = Yeni katılımcı ekle
trainer-new-learner-help = İsim gerekmez. Takma ad, kişiyi tekrar bulmanıza yardımcı olur.
trainer-nickname = Takma ad (isteğe bağlı)
trainer-create-learner = Ekle ve kodu göster
trainer-learners = Katılımcılarınız
trainer-no-learners = Henüz katılımcı yok.
trainer-new-code = Yeni kod
learner-nickname-too-long = Takma ad en fazla 64 karakter olabilir.

code-sheet-title = Giriş kodu
code-sheet-scan = Kodu yazın veya QR kodunu telefonla tarayın.

admin-title = Yönetim
admin-new-user = Yeni personel hesabı
admin-role = Rol
admin-create-user = Hesap oluştur
admin-staff = Personel
admin-revoke-sessions = Tüm oturumları kapat
admin-audit-link = İşlem kayıtları
admin-trainer-area-link = Eğitmen alanı
admin-audit-title = İşlem kayıtları
admin-role-invalid = Lütfen bir rol seçin.
admin-username-invalid = Kullanıcı adı 3 ile 64 karakter arasında olmalıdır: harf, rakam, nokta, tire veya alt çizgi.
admin-password-weak = Şifre en az 10 karakter olmalıdır.
admin-username-taken = Bu kullanıcı adı zaten var.
role-admin = Yönetici
role-trainer = Eğitmen
role-learner = Katılımcı
audit-when = Zaman
audit-action = Olay
audit-actor = Kim
audit-subject = İlgili
audit-event-login-succeeded = Giriş
audit-event-login-failed = Giriş başarısız
audit-event-code-login-succeeded = Kodla giriş
audit-event-code-login-failed = Kodla giriş başarısız
audit-event-logout = Çıkış
audit-event-sessions-revoked = Oturumlar sonlandırıldı
audit-event-user-created = Hesap oluşturuldu
audit-event-learner-created = Katılımcı oluşturuldu
audit-event-access-code-issued = Erişim kodu verildi
audit-event-learner-data-exported = Veriler indirildi
audit-event-learner-deleted = Katılımcı silindi
audit-event-learners-purged = Etkin olmayan katılımcılar silindi

error-code = Hata kodu
error-home = Ana sayfaya git
error-not-found = Bu sayfa yok.
error-forbidden = Bu sayfayı görme izniniz yok.
error-login-required = Lütfen giriş yapın.
error-csrf = Formun süresi doldu. Lütfen sayfayı yeniden yükleyin ve tekrar deneyin.
error-bad-request = İstek hatalı.
error-bad-form = Form eksik veya hatalı.
error-too-large = Bu, tek seferde çok fazla.
error-too-many = Çok fazla deneme. Lütfen birkaç dakika bekleyin.
error-internal = Bir sorun oluştu. Lütfen daha sonra tekrar deneyin.

# Video işleme (görevler)
job-error-failed = Video işlenemedi. Lütfen yeniden yükleyin veya yöneticiye başvurun.
job-error-timeout = İşlem çok uzun sürdü ve durduruldu. Daha kısa bir video işe yarar.
job-error-resources = Video, bu sunucunun izin verdiğinden daha fazla işlem süresi gerektiriyor. Daha kısa veya daha küçük bir video işe yarar.
job-error-lost = İşlem birkaç kez kesildi. Lütfen yöneticiye başvurun.
job-error-cancelled = İşlem iptal edildi.
job-error-missing-original = Yüklenen dosya artık yok. Lütfen videoyu yeniden yükleyin.

# Yüklenen videoların kontrolü
media-error-unreadable = Dosya okunamıyor. Dosya bozuk olabilir ya da tamamen yüklenmemiş olabilir. Lütfen tekrar yükleyin.
media-error-not-video = Bu dosya bir video değil.
media-error-format = Bu dosya türü desteklenmiyor. Lütfen MP4, MOV, MKV, WebM veya AVI biçiminde bir video yükleyin.
media-error-no-video = Bu dosyada yalnızca ses var, görüntü yok. Lütfen bir video yükleyin.
media-error-no-duration = Videonun süresi belirlenemiyor. Lütfen videoyu yeniden kaydedin ve tekrar yükleyin.
media-error-too-long = Video çok uzun ({ $minutes } dakika). En fazla { $limit } dakika olabilir.
media-error-too-large-frame = Videonun görüntüsü çok büyük ({ $width } × { $height } piksel). Lütfen videoyu daha küçük bir boyutta kaydedin, örneğin Full HD (1920 × 1080).
media-error-frame-rate = Videoda saniyedeki kare sayısı çok yüksek ({ $fps }). En fazla { $limit } olabilir.
media-error-too-many-streams = Dosyada çok fazla görüntü, ses veya altyazı kanalı var ({ $count }). En fazla { $limit } olabilir.

# Videolar
videos-title = Videolar
videos-upload = Video yükle
videos-field-title = Başlık (isteğe bağlı)
videos-field-file = Video dosyası
videos-file-help = MP4, MOV, MKV, WebM veya AVI, en fazla { $mb } MB.
videos-upload-submit = Yükle
videos-list = Videolarınız
videos-none = Henüz video yok.
video-status-queued = İşlenmeyi bekliyor
video-status-processing = İşleniyor
video-status-ready = Hazır
video-status-failed = Başarısız oldu
video-status-cancelled = İptal edildi
video-stage-queued = Bekliyor
video-stage-starting = Başlatılıyor
video-stage-probe = Dosya kontrol ediliyor
video-stage-encode = Video dönüştürülüyor
video-stage-package = Dosyalar kaydediliyor
video-stage-done = Tamamlandı
video-progress = İlerleme
video-show-result = Sonucu göster (sayfayı yeniler)
video-cancel = İşlemi iptal et
video-preview = Önizleme
video-renditions = Kalite seviyeleri
video-rendition = Seviye
video-size = Görüntü boyutu
video-bitrate = Veri hızı
video-megabytes = MB
upload-no-file = Lütfen bir video dosyası seçin.
upload-empty = Dosya boş.
upload-bad-title = Başlık en fazla 120 karakter olabilir ve tek satırda olmalıdır.
upload-too-large = Dosya çok büyük.
upload-disk-full = Sunucunun depolama alanı dolu. Lütfen yönetime bildirin.
media-error-transcode = Video dönüştürülemedi. Lütfen daha sonra tekrar deneyin.

# Kurslar (eğitmen)
courses-title = Kurslar
courses-list = Kurslarınız
courses-none = Henüz kurs yok.
courses-new = Yeni kurs
courses-create = Kurs oluştur
trainer-areas = Bölümler
course-field-title = Başlık
course-field-summary = Kısa açıklama (isteğe bağlı)
course-field-language = Derslerin dili
course-field-topic = Konu
course-field-level = Seviye
course-level = Seviye { $level }
course-field-gated = Modülleri sırayla aç (önceki modül tamamlanınca sonraki modül açılır)
course-state = Durum
course-draft = Taslak – katılımcılar göremez
course-published = Yayında
course-publish = Yayınla
course-unpublish = Yayından kaldır
course-settings = Kurs bilgileri
course-modules = Modüller
course-no-modules = Henüz modül yok. İlk modülü aşağıda ekleyin.
topic-reading = Okuma
topic-writing = Yazma
topic-numbers = Matematik
topic-digital = Temel dijital beceriler
topic-everyday = Günlük yaşam
topic-work = İş hayatı
course-error-title = Başlık tek satır olmalı, boş olmamalı ve en fazla 120 karakter olmalıdır.
course-error-text = Metin en fazla 4000 karakter olabilir.
course-error-language = Lütfen listeden bir dil seçin.
course-error-topic = Lütfen listeden bir konu seçin.
course-error-level = Lütfen 1 ile 4 arasında bir seviye seçin.
course-error-empty = Dersi olmayan bir kurs yayınlanamaz. Lütfen önce bir ders ekleyin.
save = Kaydet
move-up = Yukarı taşı
move-down = Aşağı taşı
module-add = Modül ekle
module-field-title = Modülün adı
module-rename = Modülün adını değiştir
module-no-lessons = Bu modülde henüz ders yok.

# Dersler (eğitmen)
lesson-add = Ders ekle
lesson-needs-video = Ders eklemek için önce bir video gerekir.
lesson-settings = Ders bilgileri
lesson-field-title = Dersin başlığı
lesson-field-video = Video
lesson-field-body = Sade dilde kısa bir metin (isteğe bağlı)
lesson-field-threshold = Videonun ne kadarı izlenmeli? (yüzde, boş = otomatik)
lesson-threshold-help = Otomatik: Bir dakikalık videoda %72, on dakika veya daha uzun videoda en fazla %95.
lesson-field-pass = Kaç soru doğru cevaplanmalı? (boş = hepsi)
lesson-pass-help = Örneğin 4 sorudan 3'ü yeterliyse 3 yazın.
lesson-move-module = Başka bir modüle taşı
lesson-field-module = Modül
lesson-move = Taşı
lesson-error-video = Lütfen videolarınızdan birini seçin.
lesson-error-threshold = Lütfen 5 ile 100 arasında bir sayı girin veya alanı boş bırakın.
lesson-error-pass = Lütfen 1 ile 100 arasında bir sayı girin veya alanı boş bırakın.

# Sorular
questions-title = Dersle ilgili sorular
questions-none = Henüz soru yok. Sorular isteğe bağlıdır.
question-add = Soru ekle
question-field-prompt = Soru
question-field-kind = Soru türü
question-single = Yalnızca bir cevap doğru
question-multiple = Birden fazla cevap doğru olabilir
question-field-choices = Cevaplar (boş satırlar kaydedilmez)
question-choice = Cevap { $number }
question-right = Doğru
question-delete = Soruyu sil
question-error-prompt = Lütfen bir soru yazın (en fazla 500 karakter).
question-error-choices = Bir soru için iki ile altı arasında cevap gerekir. Her cevap en fazla 300 karakter olabilir.
question-error-correct = Lütfen doğru cevabı işaretleyin: “Yalnızca bir cevap doğru” seçiliyse tam olarak bir cevap, değilse en az bir cevap.

# Gruplar
groups-title = Gruplar
groups-none = Henüz grup yok.
groups-new = Yeni grup
groups-create = Grup oluştur
group-field-name = Grubun adı
group-join-code = Katılma kodu
group-members = Katılımcılar
group-no-members = Bu grupta henüz kimse yok.
group-add-learner = Katılımcı ekle
group-add = Ekle
group-remove = Çıkar
group-courses = Grubun kursları
group-no-courses = Henüz kurs atanmadı.
group-assign-course = Kurs ata
group-assign = Ata
group-error-learner = Bu kişi yok veya sizin katılımcınız değil.
group-error-course = Bu kurs yok veya size ait değil.
group-error-code = Bu grup kodu yok. Lütfen kodu tekrar kontrol edin.

# Öğrenme
learner-continue = Öğrenmeye devam et
learner-next-is = Sıradaki:
learner-all-done = Harika! Tüm dersleri tamamladınız.
learner-lessons-done = { $total } dersten { $done } tanesi tamamlandı
learner-module-locked = Önceki modül tamamlanınca açılır
learner-join = Bir gruba katılın
learner-join-code = Grup kodu
learner-join-submit = Katıl
lesson-state-not_started = Henüz başlanmadı
lesson-state-in_progress = Başlandı: %{ $percent }
lesson-state-checks_failed = Soruları tekrar deneyin
lesson-state-complete = Tamamlandı
lesson-locked = Bu ders henüz kilitli. Lütfen önce önceki dersleri tamamlayın.
lesson-video = Dersin videosu
lesson-video-done = Video tamamlandı!
lesson-video-not-ready = Video şu anda hazırlanıyor. Lütfen daha sonra tekrar bakın.
checks-title = Sorular
checks-pick-all = (tüm doğru cevapları işaretleyin)
checks-submit = Cevapları kontrol et
checks-passed = Harika! { $total } cevaptan { $correct } tanesi doğru.
checks-failed = { $total } cevaptan { $correct } tanesi doğru. Lütfen videoyu bir kez daha izleyin ve tekrar deneyin.
check-error-answers = Cevaplar sorulara uymuyor. Lütfen sayfayı yeniden yükleyin.
check-error-none = Bu derste soru yok.
progress-error-report = İlerlemeniz kaydedilemedi: Gönderilen bilgi hatalı.
progress-error-not-opened = Lütfen önce dersi açın.
progress-error-not-ready = Bu dersin videosu henüz hazır değil.

# Salonda birlikte izlendi
group-room-viewing = Salonda birlikte izlendi
group-room-viewing-help = Gruba gösterdiğiniz dersi ve kimlerin orada olduğunu seçin. Bu, kişinin kendi izlemesinden ayrı sayılır.
group-present = Kimler oradaydı?
group-room-save = Kaydet
group-error-lesson = Bu ders grubun hiçbir kursuna ait değil.

# Veri koruma
privacy-my-data = Verilerim
privacy-my-data-help = Lernwerk'in sizin hakkınızda sakladığı her şeyi indirin: hesabınız, gruplarınız, öğrenme durumunuz ve cevaplarınız. Dosya JSON biçimindedir.
privacy-my-data-download = Verilerimi indir
privacy-download = Verileri indir
privacy-admin-link = Katılımcıları sil
privacy-admin-title = Katılımcılar ve veri koruma
privacy-admin-help = Silme işlemi hesabı tüm verileriyle birlikte kaldırır: öğrenme durumu, cevaplar, gruplar ve girişler. Bu geri alınamaz. Kişi verilerini isterse önce verileri indirin.
privacy-retention = { $days } gün boyunca etkin olmayan katılımcılar, tüm verileriyle birlikte otomatik olarak silinir.
privacy-retention-off = Otomatik silme kapalı.
privacy-no-learners = Henüz katılımcı yok.
privacy-learner-number = No. { $number }
privacy-created = oluşturulma: { $date }
privacy-last-seen = son etkinlik: { $date }
privacy-delete-confirm = Evet, { $number } numaralı katılımcıyı gerçekten sil
privacy-delete-button = Kalıcı olarak sil
privacy-delete-not-confirmed = Hiçbir şey silinmedi. Lütfen önce “gerçekten sil” kutusunu işaretleyin.
privacy-deleted = { $number } numaralı katılımcı tüm verileriyle birlikte silindi.

# Raporlar
report-link = Öğrenme durumunu görüntüleyin
report-learner-link = Öğrenme durumu
report-title = Grubun öğrenme durumu
report-intro = Burada her kişinin her derste ne kadar ilerlediğini görürsünüz. "Birlikte izlendi" ayrı sayılır ve bir dersi tamamlamaz.
report-downloads = İndirin
report-download-csv = Excel için tablo (CSV)
report-download-json = Veriler (JSON)
report-download-xapi = Öğrenme kayıt deposu (LRS) için xAPI verileri
report-summary = Genel bakış
report-learner = Katılımcı
report-learner-number = Numara
report-lessons-done = Tamamlanan dersler
report-done-of = { $total } içinden { $done }
report-module = Modül
report-module-done = Modülde tamamlanan
report-course = Kurs
report-lesson = Ders
report-state = Durum
report-watched-percent = İzlenen video (%)
report-together = Birlikte izlendi
report-together-count = Birlikte izlendi: { $count } kez
report-last-activity = Son etkinlik
report-never = Henüz yok
report-time-note = Tüm saatler Almanya saatine göredir.
report-no-members = Bu grupta henüz katılımcı yok.
report-no-courses = Henüz kurs atanmadı.
report-no-lessons = Bu kursta henüz ders yok.
report-state-not_started = Başlanmadı
report-state-in_progress = Başlandı: %{ $percent }
report-state-in_progress-short = Başlandı
report-state-checks_failed = Sorular geçilemedi
report-state-complete = Tamamlandı
report-learner-title = Öğrenme durumu: { $name }
report-courses = Kurslar
report-timeline = Geçmiş
report-timeline-empty = Henüz bir şey olmadı.
report-timeline-truncated = Burada yalnızca en yeni { $count } kayıt gösterilir. Tüm kayıtlar CSV dosyasındadır.
report-when = Zaman
report-what = Ne oldu
report-details = Ayrıntılar
report-timeline-opened = Ders açıldı
report-timeline-played = Video izlendi
report-timeline-completed = Video tamamlandı
report-timeline-answered = Sorular yanıtlandı
report-timeline-watched_together = Salonda birlikte izlendi
report-timeline-completed-detail = %{ $percent } izlendi
report-timeline-answered-passed = { $total } sorudan { $correct } doğru – geçti
report-timeline-answered-failed = { $total } sorudan { $correct } doğru – geçemedi
report-timeline-together-detail = Grup: { $group }

# Önizleme ve sıra
lesson-preview = Önizleme
lesson-preview-note = Önizleme: Katılımcılar bu dersi böyle görür. Burada hiçbir şey kaydedilmez.
course-drag-help = İpucu: Modülleri ve dersleri fareyle de yerlerine sürükleyebilirsiniz.
course-error-order = Yeni sıra kursa uymuyor. Lütfen sayfayı yeniden yükleyin.

# Resimler ve sesli okuma
read-aloud = Sesli oku
read-aloud-stop = Durdur
question-picture = Cevap { $number } için resim (isteğe bağlı)
question-picture-help = Her cevaba bir resim ekleyebilirsiniz: JPEG, PNG veya WebP, en fazla 5 MB, genişlik ve yükseklik en fazla 4096 piksel. Resim küçültülür. Konum bilgileri ve diğer kamera bilgileri silinir.
picture-error-line = Cevap { $number } için resim:
picture-error-not-picture = Bu dosya bir resim değil. Lütfen JPEG, PNG veya WebP biçiminde bir fotoğraf seçin.
picture-error-too-many-pixels = Resim çok büyük. En fazla 4096 piksel genişliğinde ve 4096 piksel yüksekliğinde olabilir.
picture-error-broken = Resim bozuk veya eksik. Lütfen resmi tekrar seçin ya da başka bir resim kullanın.
picture-error-file-too-big = Resimlerden biri çok büyük. Her resim en fazla 5 MB olabilir.
picture-error-form-too-big = Form çok büyük. Tüm resimler birlikte en fazla 30 MB olabilir.
picture-error-needs-text = Her resim için bir cevap metni gerekir. Lütfen cevabı resmin üstündeki alana yazın.

# Altyazılar
subtitles-title = Altyazılar
subtitles-none = Bu videonun henüz altyazısı yok.
subtitle-language = Dil
subtitle-make-default = Varsayılan (önce gösterilir)
subtitle-file = Altyazı dosyası (.srt veya .vtt, en fazla { $limit } KB)
subtitle-upload = Altyazı yükle
subtitle-remove = Kaldır
subtitle-download = Dosyayı görüntüle
subtitle-default-mark = Varsayılan
subtitle-cues = { $count } altyazı satırı
subtitle-saved = Altyazılar kaydedildi.
subtitle-warnings-title = Bazı altyazı satırları çıkarıldı:
subtitle-refused = Altyazı dosyası kabul edilmedi. Lütfen bu yerleri düzeltin ve dosyayı yeniden yükleyin:
subtitle-not-ready = Altyazılar, video işlendikten sonra eklenebilir.
subtitle-unknown-language = Lütfen listeden bir dil seçin.
subtitle-no-file = Lütfen bir altyazı dosyası seçin.
subtitle-upload-too-large = Dosya bir altyazı dosyası için çok büyük.
subtitle-error-more = Başka hatalar da var. Lütfen önce bunları düzeltin.
subtitle-error-file-too-large = Dosya { $kilobytes } KB. En fazla { $limit } KB olabilir.
subtitle-error-encoding = Dosyanın karakterleri kodlamasına ({ $encoding }) uymuyor. Lütfen dosyayı UTF-8 olarak kaydedin.
subtitle-error-format = Dosya ne SRT ne de WebVTT.
subtitle-error-timestamp = Satır { $line }: “{ $found }” zamanı okunamıyor.
subtitle-error-cue-duration = Satır { $line }: altyazı başlamadan ({ $start }) bitiyor ({ $end }).
subtitle-error-stray-text = Satır { $line }: herhangi bir altyazının dışında metin. Bir zaman ya da boş satır mı eksik?
subtitle-error-line-too-long = Satır { $line }: { $length } karakter, en fazla { $limit } olabilir.
subtitle-error-cue-too-many-lines = Satır { $line }: altyazıda { $count } satır var, en fazla { $limit } olabilir. Boş bir satır mı eksik?
subtitle-error-too-many-cues = Satır { $line }: { $limit } altyazıdan fazla.
subtitle-error-no-cues = Dosyada hiç altyazı yok.
subtitle-error-all-after-end = { $count } altyazının tümü videonun bitişinden ({ $duration }) sonra başlıyor. Dosya başka bir videoya mı ait?
subtitle-warning-after-end = Satır { $line }: altyazı { $start } anında, videonun bitişinden ({ $duration }) sonra başlıyor.
transcript-title = Metin dökümü
transcript-hint = Videoda oraya gitmek için bir satıra dokunun.
