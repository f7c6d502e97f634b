## Resumable uploads (tus): what the server answers, what the videos page shows.

uploads-error-not-found = Bu yükleme artık yok. Lütfen dosyayı yeniden yükleyin.
uploads-error-expired = Bu yüklemeye çok uzun süre devam edilmedi ve süresi doldu. Lütfen dosyayı yeniden yükleyin.
uploads-error-locked = Bu yüklemeye şu anda yazılıyor. Birazdan devam edecek.
uploads-error-offset = Yükleme beklenenden farklı bir yerde. Bulunduğu yerden devam ediyor.
uploads-error-checksum = Dosyanın bir bölümü bozuk geldi. Yeniden gönderiliyor.
uploads-error-checksum-header = Sağlama toplamı okunamadı.
uploads-error-checksum-algorithm = Sunucu bu tür sağlama toplamını tanımıyor. sha1 ve sha256'yı tanıyor.
uploads-error-metadata = Dosya adı veya başlık okunamadı.
uploads-error-no-filename = Dosyanın adı yok.
uploads-error-filename = Dosya adı çok uzun veya kontrol karakterleri içeriyor.
uploads-error-too-large = Dosya çok büyük. En fazla { $limit } MB'a izin veriliyor.
uploads-error-beyond-length = Dosyanın boyutundan daha fazla veri geldi.
uploads-error-quota = Depolama alanınız yetmiyor: { $quota } MB'ın { $used } MB'ını kullanıyorsunuz. Lütfen yönetimden daha fazla alan isteyin.
uploads-error-disk-full = Sunucunun belleği dolu. Gelmiş olan kısım saklanıyor. Yeniden yer açılınca yükleme devam eder. Lütfen yönetime haber verin.
uploads-error-interrupted = Bağlantı koptu. Gelmiş olan kısım saklanıyor.
uploads-error-version = Bu yükleme programı protokolün başka bir sürümünü kullanıyor.
uploads-error-defer-length = Dosyanın boyutu baştan belli olmalı.
uploads-error-length = Dosyanın boyutu eksik veya bir sayı değil.
uploads-error-offset-header = Yüklemedeki konum eksik veya bir sayı değil.
uploads-error-content-type = Verinin türü yanlış. Beklenen: application/offset+octet-stream.
uploads-error-encoding = Sıkıştırılmış veri kabul edilmiyor. Lütfen dosyayı değiştirmeden gönderin.

uploads-progress-label = Yükleme durumu
uploads-progress = % { $percent } · { $speed }/sn · yaklaşık { $left } kaldı
uploads-progress-start = Yükleme başlıyor …
uploads-time-seconds = { $count } sn
uploads-time-minutes = { $count } dk
uploads-time-hours = { $count } sa
uploads-pause = Duraklat
uploads-resume = Devam et
uploads-cancel = Yüklemeyi iptal et
uploads-paused = Duraklatıldı. "Devam et" aynı yerden sürdürür.
uploads-offline = Bağlantı yok. Yeniden çevrimiçi olduğunuzda yükleme kendiliğinden devam eder.
uploads-retrying = Bağlantı sorunu. Yeniden deneniyor …
uploads-done = Yüklendi. Videonun sayfası açılıyor …
uploads-failed = Yükleme olmadı: { $reason }
uploads-failed-unknown = Sunucu yanıt vermiyor.
uploads-continue-offer = "{ $file }" yüklemesi yarıda kaldı (% { $percent }'i zaten geldi).
uploads-continue = Yarıda kalan yüklemeye devam et
uploads-start-over = Baştan başla
uploads-interrupted-hint = Bir yükleme yarıda kaldı: "{ $file }". Devam etmek için aynı dosyayı yeniden seçin.
uploads-status-region = Yükleme durumu

uploads-subtitles-while-processing = Altyazıları şimdiden ekleyebilirsiniz. Video hazır olunca videoya eklenirler.
uploads-subtitle-waiting = videoyu bekliyor
