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

trainer-title = Katılımcılar
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
code-sheet-valid = Kod { $days } gün geçerlidir ve yalnızca bir kez kullanılabilir. Şimdi yazdırın veya bir yere yazın: Kod bir daha gösterilmeyecek.

admin-title = Yönetim
admin-new-user = Yeni personel hesabı
admin-role = Rol
admin-create-user = Hesap oluştur
admin-staff = Personel
admin-revoke-sessions = Tüm oturumları kapat
admin-audit-link = İşlem kayıtları
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
video-stage-probe = Dosya kontrol ediliyor
video-stage-encode = Video dönüştürülüyor
video-stage-package = Dosyalar kaydediliyor
video-stage-done = Tamamlandı
video-progress = İlerleme
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
