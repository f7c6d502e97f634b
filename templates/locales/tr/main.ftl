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
