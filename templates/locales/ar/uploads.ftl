## Resumable uploads (tus): what the server answers, what the videos page shows.

uploads-error-not-found = هذا الرفع لم يعد موجودًا. يُرجى رفع الملف من جديد.
uploads-error-expired = لم يُستكمل هذا الرفع لمدة طويلة وانتهت صلاحيته. يُرجى رفع الملف من جديد.
uploads-error-locked = تتم الكتابة في هذا الرفع الآن. سيستمر بعد لحظة.
uploads-error-offset = الرفع في موضع غير المتوقع. سيستمر من حيث هو.
uploads-error-checksum = وصل جزء من الملف تالفًا. سيُرسل مرة أخرى.
uploads-error-checksum-header = تعذّرت قراءة المجموع الاختباري.
uploads-error-checksum-algorithm = لا يعرف الخادم هذا النوع من المجموع الاختباري. يعرف sha1 و sha256.
uploads-error-metadata = تعذّرت قراءة اسم الملف أو العنوان.
uploads-error-no-filename = ليس للملف اسم.
uploads-error-filename = اسم الملف طويل جدًا أو يحتوي على رموز تحكم.
uploads-error-too-large = الملف كبير جدًا. المسموح به { $limit } ميغابايت على الأكثر.
uploads-error-beyond-length = وصلت بيانات أكثر من حجم الملف.
uploads-error-quota = مساحة التخزين لديك لا تكفي: تستخدم { $used } ميغابايت من { $quota } ميغابايت. يُرجى طلب مساحة أكبر من الإدارة.
uploads-error-disk-full = ذاكرة الخادم ممتلئة. ما وصل يبقى محفوظًا. يستمر الرفع عندما تتوفر مساحة من جديد. يُرجى إبلاغ الإدارة.
uploads-error-interrupted = انقطع الاتصال. ما وصل يبقى محفوظًا.
uploads-error-version = برنامج الرفع هذا يستخدم نسخة أخرى من البروتوكول.
uploads-error-defer-length = يجب أن يكون حجم الملف معروفًا منذ البداية.
uploads-error-length = حجم الملف مفقود أو ليس رقمًا.
uploads-error-offset-header = الموضع في الرفع مفقود أو ليس رقمًا.
uploads-error-content-type = نوع البيانات خاطئ. المتوقع هو application/offset+octet-stream.
uploads-error-encoding = البيانات المضغوطة غير مقبولة. يُرجى إرسال الملف دون تغيير.

uploads-progress-label = تقدّم الرفع
uploads-progress = { $percent } % · { $speed }/ث · يتبقى حوالي { $left }
uploads-progress-start = يبدأ الرفع …
uploads-time-seconds = { $count } ث
uploads-time-minutes = { $count } د
uploads-time-hours = { $count } س
uploads-pause = إيقاف مؤقت
uploads-resume = متابعة
uploads-cancel = إلغاء الرفع
uploads-paused = متوقف مؤقتًا. زر «متابعة» يكمل من الموضع نفسه.
uploads-offline = لا يوجد اتصال. يستمر الرفع تلقائيًا عندما تعود متصلًا بالإنترنت.
uploads-retrying = مشكلة في الاتصال. محاولة جديدة …
uploads-done = تم الرفع. تُفتح صفحة الفيديو …
uploads-failed = لم ينجح الرفع: { $reason }
uploads-failed-unknown = الخادم لا يجيب.
uploads-continue-offer = انقطع رفع «{ $file }» (وصل { $percent } % منه).
uploads-continue = متابعة الرفع المنقطع
uploads-start-over = البدء من جديد
uploads-interrupted-hint = انقطع رفع: «{ $file }». اختر الملف نفسه مرة أخرى لمتابعته.
uploads-status-region = حالة الرفع

uploads-subtitles-while-processing = يمكنك إضافة الترجمة الآن. ستدخل في الفيديو عندما تنتهي معالجته.
uploads-subtitle-waiting = ينتظر الفيديو
