# Lernwerk — الواجهة العربية. جمل قصيرة وكلمات بسيطة.
skip-to-content = الانتقال إلى المحتوى
nav-label = القائمة الرئيسية
nav-account = حسابي
nav-logout = تسجيل الخروج
lang-switch-label = اختيار اللغة
back = رجوع

home-title = مرحبًا بك في Lernwerk
home-intro = هنا يمكنك التعلّم بفيديوهات قصيرة.
home-learner-login = تسجيل الدخول بالرمز
home-staff-login = تسجيل دخول فريق العمل

login-title = تسجيل دخول فريق العمل
login-username = اسم المستخدم
login-password = كلمة المرور
login-submit = دخول
login-failed = اسم المستخدم أو كلمة المرور غير صحيحة.
login-missing-fields = يُرجى إدخال اسم المستخدم وكلمة المرور.

code-title = تسجيل الدخول بالرمز
code-help = يعطيك المدرّب أو المدرّبة رمزك.
code-label = رمزك
code-submit = هيا نبدأ
code-missing = يُرجى إدخال رمزك.
code-malformed = يتكوّن الرمز من 12 خانة. يُرجى التحقق منه.
code-wrong = هذا الرمز غير صحيح. يُرجى التحقق منه.
code-expired = انتهت صلاحية هذا الرمز. يُرجى طلب رمز جديد.
code-used = تم استخدام هذا الرمز من قبل. يُرجى طلب رمز جديد.

account-title = حسابي
account-sessions = { $count ->
    [zero] حسابك غير مفتوح على أي جهاز.
    [one] حسابك مفتوح على جهاز واحد.
    [two] حسابك مفتوح على جهازين.
    [few] حسابك مفتوح على { $count } أجهزة.
    [many] حسابك مفتوح على { $count } جهازًا.
   *[other] حسابك مفتوح على { $count } جهاز.
}
account-logout-everywhere = تسجيل الخروج من كل الأجهزة

learner-title = التعلّم
learner-hello = مرحبًا!
learner-hello-name = مرحبًا،
learner-no-courses = ليس لديك دورة بعد. سيعطيك المدرّب أو المدرّبة دورة قريبًا.

trainer-title = المشاركون
trainer-new-learner = إضافة مشارك جديد
trainer-new-learner-help = لا حاجة إلى اسم. الاسم المستعار يساعدك على العثور على الشخص مرة أخرى.
trainer-nickname = اسم مستعار (اختياري)
trainer-create-learner = إضافة وعرض الرمز
trainer-learners = المشاركون لديك
trainer-no-learners = لا يوجد مشاركون بعد.
trainer-new-code = رمز جديد
learner-nickname-too-long = يجب ألّا يزيد الاسم المستعار على 64 حرفًا.

code-sheet-title = رمز الدخول
code-sheet-scan = اكتب الرمز أو امسح رمز QR بالهاتف.
code-sheet-valid = عدد أيام صلاحية الرمز: { $days }. ويمكن استخدامه مرة واحدة فقط. يُرجى طباعته أو نسخه الآن، فلن يظهر مرة أخرى.

admin-title = الإدارة
admin-new-user = حساب جديد لفريق العمل
admin-role = الدور
admin-create-user = إنشاء الحساب
admin-staff = فريق العمل
admin-revoke-sessions = تسجيل الخروج من كل الأجهزة
admin-audit-link = سجل الأحداث
admin-audit-title = سجل الأحداث
admin-role-invalid = يُرجى اختيار دور.
admin-username-invalid = يجب أن يتكوّن اسم المستخدم من 3 إلى 64 خانة: حروف أو أرقام أو نقطة أو شرطة (-) أو شرطة سفلية (_).
admin-password-weak = يجب أن تتكوّن كلمة المرور من 10 خانات على الأقل.
admin-username-taken = اسم المستخدم هذا موجود بالفعل.
role-admin = الإدارة
role-trainer = مدرّب/ة
role-learner = مشارك/ة
audit-when = الوقت
audit-action = الحدث
audit-actor = مَن
audit-subject = يخصّ

error-code = رمز الخطأ
error-home = إلى الصفحة الرئيسية
error-not-found = هذه الصفحة غير موجودة.
error-forbidden = لا يُسمح لك برؤية هذه الصفحة.
error-login-required = يُرجى تسجيل الدخول.
error-csrf = انتهت صلاحية النموذج. يُرجى تحميل الصفحة من جديد والمحاولة مرة أخرى.
error-bad-request = الطلب غير صحيح.
error-bad-form = النموذج ناقص أو غير صحيح.
error-too-large = هذا كثير جدًا دفعة واحدة.
error-too-many = محاولات كثيرة جدًا. يُرجى الانتظار بضع دقائق.
error-internal = حدث خطأ ما. يُرجى المحاولة مرة أخرى لاحقًا.

# معالجة الفيديو (المهام)
job-error-failed = تعذّرت معالجة الفيديو. يُرجى رفعه مرة أخرى أو التواصل مع المسؤول.
job-error-timeout = استغرقت المعالجة وقتًا طويلًا جدًا فأُوقفت. سيساعد فيديو أقصر.
job-error-resources = يحتاج الفيديو إلى وقت حوسبة أكثر مما يسمح به هذا الخادم. سيساعد فيديو أقصر أو أصغر.
job-error-lost = انقطعت المعالجة عدة مرات. يُرجى التواصل مع المسؤول.
job-error-cancelled = أُلغيت المعالجة.
job-error-missing-original = الملف المرفوع لم يعد موجودًا. يُرجى رفع الفيديو مرة أخرى.

# فحص مقاطع الفيديو المرفوعة
media-error-unreadable = لا يمكن قراءة الملف. ربما يكون تالفًا أو لم يُرفع بالكامل. يُرجى رفعه مرة أخرى.
media-error-not-video = هذا الملف ليس فيديو.
media-error-format = هذا النوع من الملفات غير مدعوم. يُرجى رفع فيديو بصيغة MP4 أو MOV أو MKV أو WebM أو AVI.
media-error-no-video = يحتوي هذا الملف على صوت فقط، بدون صورة. يُرجى رفع فيديو.
media-error-no-duration = لا يمكن معرفة طول الفيديو. يُرجى حفظ الفيديو من جديد ورفعه مرة أخرى.
media-error-too-long = الفيديو طويل جدًا ({ $minutes } دقيقة). الحد الأقصى هو { $limit } دقيقة.
media-error-too-large-frame = صورة الفيديو كبيرة جدًا ({ $width } × { $height } بكسل). يُرجى حفظ الفيديو بحجم أصغر، مثلًا Full HD (1920 × 1080).
media-error-frame-rate = يحتوي الفيديو على عدد كبير جدًا من الصور في الثانية ({ $fps }). الحد الأقصى هو { $limit }.
media-error-too-many-streams = يحتوي الملف على عدد كبير جدًا من مسارات الصورة أو الصوت أو الترجمة ({ $count }). الحد الأقصى هو { $limit }.

# الفيديوهات
videos-title = الفيديوهات
videos-upload = رفع فيديو
videos-field-title = العنوان (اختياري)
videos-field-file = ملف الفيديو
videos-file-help = MP4 أو MOV أو MKV أو WebM أو AVI، بحد أقصى { $mb } MB.
videos-upload-submit = رفع
videos-list = فيديوهاتك
videos-none = لا توجد فيديوهات بعد.
video-status-queued = في انتظار المعالجة
video-status-processing = قيد المعالجة
video-status-ready = جاهز
video-status-failed = فشلت المعالجة
video-status-cancelled = أُلغيت المعالجة
video-stage-queued = في الانتظار
video-stage-probe = جارٍ فحص الملف
video-stage-encode = جارٍ تحويل الفيديو
video-stage-package = جارٍ حفظ الملفات
video-stage-done = تم
video-progress = التقدّم
video-cancel = إلغاء المعالجة
video-preview = معاينة
video-renditions = مستويات الجودة
video-rendition = المستوى
video-size = حجم الصورة
video-bitrate = معدّل البيانات
video-megabytes = MB
upload-no-file = يُرجى اختيار ملف فيديو.
upload-empty = الملف فارغ.
upload-bad-title = يجب ألّا يزيد العنوان على 120 حرفًا، وأن يكون في سطر واحد.
upload-too-large = الملف كبير جدًا.
upload-disk-full = مساحة التخزين في الخادم ممتلئة. يُرجى إبلاغ الإدارة.
media-error-transcode = تعذّر تحويل الفيديو. يُرجى المحاولة مرة أخرى لاحقًا.
