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

trainer-title = نظرة عامة
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

admin-title = الإدارة
admin-new-user = حساب جديد لفريق العمل
admin-role = الدور
admin-create-user = إنشاء الحساب
admin-staff = فريق العمل
admin-revoke-sessions = تسجيل الخروج من كل الأجهزة
admin-audit-link = سجل الأحداث
admin-trainer-area-link = قسم المدربين
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
audit-event-login-succeeded = تسجيل الدخول
audit-event-login-failed = فشل تسجيل الدخول
audit-event-code-login-succeeded = تسجيل الدخول بالرمز
audit-event-code-login-failed = فشل تسجيل الدخول بالرمز
audit-event-logout = تسجيل الخروج
audit-event-sessions-revoked = إنهاء الجلسات
audit-event-user-created = إنشاء حساب
audit-event-learner-created = إنشاء متعلم
audit-event-access-code-issued = إصدار رمز دخول
audit-event-learner-data-exported = تنزيل البيانات
audit-event-learner-deleted = حذف متعلم
audit-event-learners-purged = حذف المتعلمين غير النشطين

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
video-stage-starting = جارٍ البدء
video-stage-probe = جارٍ فحص الملف
video-stage-encode = جارٍ تحويل الفيديو
video-stage-package = جارٍ حفظ الملفات
video-stage-done = تم
video-progress = التقدّم
video-show-result = عرض النتيجة (يعيد تحميل الصفحة)
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

# الدورات (للمدرّب)
courses-title = الدورات
courses-list = دوراتك
courses-none = لا توجد دورات بعد.
courses-new = دورة جديدة
courses-create = إنشاء الدورة
trainer-areas = الأقسام
course-field-title = العنوان
course-field-summary = وصف قصير (اختياري)
course-field-language = لغة الدروس
course-field-topic = الموضوع
course-field-level = المستوى
course-level = المستوى { $level }
course-field-gated = فتح الوحدات بالترتيب (تُفتح الوحدة بعد إكمال الوحدة السابقة)
course-state = الحالة
course-draft = مسودة – لا يراها المشاركون
course-published = منشورة
course-publish = نشر
course-unpublish = إلغاء النشر
course-settings = بيانات الدورة
course-modules = الوحدات
course-no-modules = لا توجد وحدات بعد. يمكنك إضافة أول وحدة في الأسفل.
topic-reading = القراءة
topic-writing = الكتابة
topic-numbers = الحساب
topic-digital = المهارات الرقمية الأساسية
topic-everyday = الحياة اليومية
topic-work = العمل
course-error-title = يجب أن يكون العنوان سطرًا واحدًا، وألّا يكون فارغًا، وألّا يزيد على 120 حرفًا.
course-error-text = يجب ألّا يزيد النص على 4000 حرف.
course-error-language = يُرجى اختيار لغة من القائمة.
course-error-topic = يُرجى اختيار موضوع من القائمة.
course-error-level = يُرجى اختيار مستوى من 1 إلى 4.
course-error-empty = لا يمكن نشر دورة ليس فيها دروس. يُرجى إضافة درس أولًا.
save = حفظ
move-up = نقل إلى الأعلى
move-down = نقل إلى الأسفل
module-add = إضافة وحدة
module-field-title = اسم الوحدة
module-rename = تغيير اسم الوحدة
module-no-lessons = لا توجد دروس في هذه الوحدة بعد.

# الدروس (للمدرّب)
lesson-add = إضافة درس
lesson-needs-video = لإضافة درس تحتاج أولًا إلى فيديو.
lesson-settings = بيانات الدرس
lesson-field-title = عنوان الدرس
lesson-field-video = الفيديو
lesson-field-body = نص قصير بلغة بسيطة (اختياري)
lesson-field-threshold = ما نسبة الفيديو التي يجب مشاهدتها؟ (بالمئة، فارغ = تلقائي)
lesson-threshold-help = تلقائيًا: 72٪ لفيديو مدته دقيقة واحدة، وحتى 95٪ لفيديو مدته عشر دقائق أو أكثر.
lesson-field-pass = كم سؤالًا يجب الإجابة عنه بشكل صحيح؟ (فارغ = كل الأسئلة)
lesson-pass-help = مثلًا 3، إذا كانت 3 أسئلة من 4 تكفي.
lesson-move-module = نقل إلى وحدة أخرى
lesson-field-module = الوحدة
lesson-move = نقل
lesson-error-video = يُرجى اختيار أحد فيديوهاتك.
lesson-error-threshold = يُرجى إدخال رقم من 5 إلى 100 أو ترك الحقل فارغًا.
lesson-error-pass = يُرجى إدخال رقم من 1 إلى 100 أو ترك الحقل فارغًا.

# الأسئلة
questions-title = أسئلة عن الدرس
questions-none = لا توجد أسئلة بعد. الأسئلة اختيارية.
question-add = إضافة سؤال
question-field-prompt = السؤال
question-field-kind = نوع السؤال
question-single = إجابة واحدة صحيحة
question-multiple = يمكن أن تكون عدة إجابات صحيحة
question-field-choices = الإجابات (الأسطر الفارغة لا تُحفظ)
question-choice = الإجابة { $number }
question-right = صحيحة
question-delete = حذف السؤال
question-error-prompt = يُرجى كتابة سؤال (500 حرف على الأكثر).
question-error-choices = يحتاج السؤال إلى إجابتين حتى ست إجابات، وكل إجابة 300 حرف على الأكثر.
question-error-correct = يُرجى تحديد الإجابة الصحيحة: إجابة واحدة فقط عند «إجابة واحدة صحيحة»، وإلا فإجابة واحدة على الأقل.

# المجموعات
groups-title = المجموعات
groups-none = لا توجد مجموعات بعد.
groups-new = مجموعة جديدة
groups-create = إنشاء المجموعة
group-field-name = اسم المجموعة
group-join-code = رمز الانضمام
group-members = المشاركون
group-no-members = لا يوجد أحد في هذه المجموعة بعد.
group-add-learner = إضافة مشارك
group-add = إضافة
group-remove = إزالة
group-courses = دورات المجموعة
group-no-courses = لم تُخصَّص أي دورة بعد.
group-assign-course = تخصيص دورة
group-assign = تخصيص
group-error-learner = هذا الشخص غير موجود أو ليس من المشاركين لديك.
group-error-course = هذه الدورة غير موجودة أو ليست لك.
group-error-code = رمز المجموعة هذا غير موجود. يُرجى التحقق منه مرة أخرى.

# التعلّم
learner-continue = متابعة التعلّم
learner-next-is = التالي:
learner-all-done = ممتاز! لقد أكملت كل الدروس.
learner-lessons-done = الدروس المكتملة: { $done } من { $total }
learner-module-locked = تُفتح بعد الوحدة السابقة
learner-join = الانضمام إلى مجموعة
learner-join-code = رمز المجموعة
learner-join-submit = انضمام
lesson-state-not_started = لم يبدأ بعد
lesson-state-in_progress = تم البدء: { $percent }٪
lesson-state-checks_failed = جرّب الأسئلة مرة أخرى
lesson-state-complete = مكتمل
lesson-locked = هذا الدرس مقفل الآن. يُرجى إكمال الدروس التي قبله أولًا.
lesson-video = فيديو الدرس
lesson-video-done = رائع! شاهدت الفيديو.
lesson-video-not-ready = يتم تجهيز الفيديو الآن. يُرجى العودة لاحقًا.
checks-title = الأسئلة
checks-pick-all = (اختر كل الإجابات الصحيحة)
checks-submit = التحقق من الإجابات
checks-passed = ممتاز! الإجابات الصحيحة: { $correct } من { $total }.
checks-failed = الإجابات الصحيحة: { $correct } من { $total }. يُرجى مشاهدة الفيديو مرة أخرى والمحاولة من جديد.
check-error-answers = الإجابات لا تناسب الأسئلة. يُرجى تحميل الصفحة من جديد.
check-error-none = لا توجد أسئلة في هذا الدرس.
progress-error-report = تعذّر حفظ تقدّمك: البيانات المرسلة غير صحيحة.
progress-error-not-opened = يُرجى فتح الدرس أولًا.
progress-error-not-ready = فيديو هذا الدرس ليس جاهزًا بعد.

# المشاهدة معًا في القاعة
group-room-viewing = شاهدنا معًا في القاعة
group-room-viewing-help = اختر الدرس الذي عرضته على المجموعة ومن كان حاضرًا. يُحسب هذا منفصلًا عن المشاهدة الفردية.
group-present = من كان حاضرًا؟
group-room-save = حفظ
group-error-lesson = هذا الدرس ليس جزءًا من أي دورة لهذه المجموعة.

# حماية البيانات
privacy-my-data = بياناتي
privacy-my-data-help = نزّل كل ما يحفظه Lernwerk عنك: حسابك ومجموعاتك وتقدّمك في التعلّم وإجاباتك. الملف بصيغة JSON.
privacy-my-data-download = تنزيل بياناتي
privacy-download = تنزيل البيانات
privacy-admin-link = حذف المشاركين
privacy-admin-title = المشاركون وحماية البيانات
privacy-admin-help = يؤدي الحذف إلى إزالة الحساب مع جميع بياناته: التقدّم والإجابات والمجموعات وتسجيلات الدخول. لا يمكن التراجع عن ذلك. نزّل البيانات أولًا إذا أرادها الشخص.
privacy-retention = يُحذف تلقائيًا المشاركون الذين لم يكونوا نشطين مدة { $days } يومًا، مع جميع بياناتهم.
privacy-retention-off = الحذف التلقائي متوقف.
privacy-no-learners = لا يوجد مشاركون بعد.
privacy-learner-number = رقم { $number }
privacy-created = أُنشئ في { $date }
privacy-last-seen = آخر نشاط في { $date }
privacy-delete-confirm = نعم، احذف الرقم { $number } فعلًا
privacy-delete-button = حذف نهائي
privacy-delete-not-confirmed = لم يُحذف أي شيء. يُرجى أولًا وضع علامة في خانة «احذف فعلًا».
privacy-deleted = تم حذف الرقم { $number } مع جميع البيانات.

# التقارير
report-link = عرض تقدّم التعلّم
report-learner-link = التقدّم
report-title = تقدّم المجموعة في التعلّم
report-intro = هنا ترى لكل شخص ولكل درس إلى أين وصل. «المشاهدة معًا» تُحسب منفصلة ولا تُكمل أي درس.
report-downloads = تنزيل
report-download-csv = جدول لبرنامج Excel (CSV)
report-download-json = البيانات (JSON)
report-download-xapi = بيانات xAPI لمخزن سجلات التعلّم (LRS)
report-summary = نظرة عامة
report-learner = المتعلّم
report-learner-number = الرقم
report-lessons-done = الدروس المكتملة
report-done-of = { $done } من { $total }
report-module = الوحدة
report-module-done = المكتمل في الوحدة
report-course = الدورة
report-lesson = الدرس
report-state = الحالة
report-watched-percent = نسبة مشاهدة الفيديو (٪)
report-together = المشاهدة معًا
report-together-count = المشاهدة معًا: { $count } مرة
report-last-activity = آخر نشاط
report-never = لا يوجد بعد
report-time-note = جميع الأوقات بتوقيت ألمانيا.
report-no-members = لا يوجد متعلّمون في هذه المجموعة بعد.
report-no-courses = لم تُخصَّص أي دورة بعد.
report-no-lessons = لا توجد دروس في هذه الدورة بعد.
report-state-not_started = لم يبدأ بعد
report-state-in_progress = قيد التقدّم: { $percent }٪
report-state-in_progress-short = قيد التقدّم
report-state-checks_failed = لم يتم اجتياز الأسئلة
report-state-complete = مكتمل
report-learner-title = التقدّم: { $name }
report-courses = الدورات
report-timeline = السجلّ
report-timeline-empty = لم يحدث شيء حتى الآن.
report-timeline-truncated = تظهر هنا أحدث { $count } إدخالات فقط. يحتوي ملف CSV على جميع الإدخالات.
report-when = الوقت
report-what = ماذا حدث
report-details = التفاصيل
report-timeline-opened = فتح الدرس
report-timeline-played = مشاهدة الفيديو
report-timeline-completed = إكمال الفيديو
report-timeline-answered = الإجابة عن الأسئلة
report-timeline-watched_together = مشاهدة جماعية في القاعة
report-timeline-completed-detail = تمت مشاهدة { $percent }٪
report-timeline-answered-passed = { $correct } من { $total } صحيحة – تم الاجتياز
report-timeline-answered-failed = { $correct } من { $total } صحيحة – لم يتم الاجتياز
report-timeline-together-detail = المجموعة: { $group }

# المعاينة والترتيب
lesson-preview = معاينة
lesson-preview-note = معاينة: هكذا يرى المشاركون هذا الدرس. لا يُحفظ هنا شيء.
course-drag-help = نصيحة: يمكنك أيضًا سحب الوحدات والدروس بالفأرة إلى مكانها.
course-error-order = الترتيب الجديد لا يناسب الدورة. يُرجى إعادة تحميل الصفحة.

# الصور والاستماع إلى النص
read-aloud = استمع
read-aloud-stop = إيقاف
question-picture = صورة للإجابة { $number } (اختياري)
question-picture-help = يمكنك إضافة صورة لكل إجابة: بصيغة JPEG أو PNG أو WebP، بحجم أقصاه 5 ميغابايت، وبعرض وارتفاع أقصاهما 4096 بكسل. سيتم تصغير الصورة، وستُحذف بيانات الموقع وغيرها من بيانات الكاميرا.
picture-error-line = صورة الإجابة { $number }:
picture-error-not-picture = هذا الملف ليس صورة. يرجى اختيار صورة بصيغة JPEG أو PNG أو WebP.
picture-error-too-many-pixels = الصورة كبيرة جدًا. يجب ألا يزيد عرضها ولا ارتفاعها عن 4096 بكسل.
picture-error-broken = الصورة تالفة أو غير مكتملة. يرجى اختيارها مرة أخرى أو اختيار صورة أخرى.
picture-error-file-too-big = إحدى الصور كبيرة جدًا. يجب ألا يزيد حجم كل صورة عن 5 ميغابايت.
picture-error-form-too-big = النموذج كبير جدًا. يجب ألا يزيد حجم جميع الصور معًا عن 30 ميغابايت.
picture-error-needs-text = كل صورة تحتاج إلى نص إجابة. يرجى كتابة الإجابة في الحقل الموجود فوق الصورة.

# الترجمة المرئية
subtitles-title = الترجمة المرئية
subtitles-none = لا توجد ترجمة مرئية لهذا الفيديو بعد.
subtitle-language = اللغة
subtitle-make-default = افتراضي (يُعرض أولاً)
subtitle-file = ملف الترجمة (.srt أو .vtt، بحد أقصى { $limit } كيلوبايت)
subtitle-upload = رفع الترجمة
subtitle-remove = إزالة
subtitle-download = عرض الملف
subtitle-default-mark = افتراضي
subtitle-cues = { $count } مقاطع نصية
subtitle-saved = تم حفظ الترجمة.
subtitle-warnings-title = تم حذف بعض المقاطع النصية:
subtitle-refused = لم يُقبل ملف الترجمة. يرجى تصحيح هذه المواضع ورفع الملف مرة أخرى:
subtitle-not-ready = يمكن إضافة الترجمة بعد انتهاء معالجة الفيديو.
subtitle-unknown-language = يرجى اختيار لغة من القائمة.
subtitle-no-file = يرجى اختيار ملف ترجمة.
subtitle-upload-too-large = الملف كبير جداً بالنسبة لملف ترجمة.
subtitle-error-more = توجد أخطاء أخرى. يرجى تصحيح هذه أولاً.
subtitle-error-file-too-large = حجم الملف { $kilobytes } كيلوبايت. الحد الأقصى المسموح { $limit } كيلوبايت.
subtitle-error-encoding = أحرف الملف لا تطابق ترميزه ({ $encoding }). يرجى حفظ الملف بترميز UTF-8.
subtitle-error-format = الملف ليس بصيغة SRT ولا WebVTT.
subtitle-error-timestamp = السطر { $line }: لا يمكن قراءة الوقت «{ $found }».
subtitle-error-cue-duration = السطر { $line }: المقطع ينتهي ({ $end }) قبل أن يبدأ ({ $start }).
subtitle-error-stray-text = السطر { $line }: نص خارج أي مقطع. هل ينقص توقيت أو سطر فارغ؟
subtitle-error-line-too-long = السطر { $line }: { $length } حرفاً، والحد الأقصى { $limit }.
subtitle-error-cue-too-many-lines = السطر { $line }: المقطع فيه { $count } أسطر، والحد الأقصى { $limit }. هل ينقص سطر فارغ؟
subtitle-error-too-many-cues = السطر { $line }: أكثر من { $limit } مقطعاً.
subtitle-error-no-cues = لا يحتوي الملف على أي مقطع نصي.
subtitle-error-all-after-end = جميع المقاطع ({ $count }) تبدأ بعد نهاية الفيديو ({ $duration }). هل الملف لفيديو آخر؟
subtitle-warning-after-end = السطر { $line }: المقطع يبدأ عند { $start }، بعد نهاية الفيديو ({ $duration }).
transcript-title = النص المكتوب
transcript-hint = اضغط على سطر للانتقال إليه في الفيديو.
