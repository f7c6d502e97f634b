# The trainer's desk: printed sheets of access codes.
sheet-new = Birden çok katılımcı birden
sheet-new-help = Yeni bir grup için: Lernwerk katılımcıları oluşturur ve yazdırıp kesmek için kişi başına bir kart olan bir sayfa gösterir.
sheet-count = Kaç kişi?
sheet-count-help = 1 ile { $max } kişi arası.
sheet-prefix = Herkes için takma ad (isteğe bağlı)
sheet-prefix-help = Örneğin „Pazartesi“. Kartların adı o zaman „Pazartesi 1“, „Pazartesi 2“ diye devam eder.
sheet-group = Doğrudan bu gruba
sheet-no-group = Grup yok
sheet-language = Kartların dili
sheet-create = Oluştur ve sayfayı göster
sheet-print = Yazdır
sheet-print-once = { $count ->
    [one] Bir kart. Şimdi yazdırın: kod bir daha gösterilmez.
   *[other] { $count } kart. Şimdi yazdırın: kodlar bir daha gösterilmez.
}
sheet-qr-label = Giriş için QR kodu
sheet-valid-until = Bir kez geçerli, { $date } tarihine kadar.
sheet-count-invalid = Lütfen 1 ile 40 arasında bir sayı girin.
sheet-prefix-too-long = Takma ad çok uzun: en fazla 60 karakter.
sheet-group-empty = Bu grupta yönettiğiniz katılımcı yok.
sheet-renew-group = Gruptaki herkes için yeni kodlar
sheet-renew-group-help = Henüz kullanılmamış eski kodlar artık geçmez. Giriş yapmış olanlar girişli kalır.
sheet-renew-group-submit = Yeni kodlar ve sayfayı göster
