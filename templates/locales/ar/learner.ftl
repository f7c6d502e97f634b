# The learner's phone: start page, player, data saver, offline lessons.
learner-read-page = اقرأ الصفحة بصوت عالٍ
learner-lesson-locked = مقفل بعد
learner-next-lesson = الدرس التالي
learner-data-saver-link = توفير البيانات
learner-data-saver-auto = تلقائي
learner-data-saver-low = بيانات قليلة
learner-data-saver-audio = صوت فقط
learner-offline-link = محفوظ بدون إنترنت

learner-player-controls = التحكم في الفيديو
learner-player-play = تشغيل
learner-player-pause = إيقاف مؤقت
learner-player-back = رجوع 10 ثوانٍ
learner-player-subtitles = الترجمة
learner-player-subtitles-language = لغة الترجمة
learner-player-speed = السرعة
learner-player-rate-slow = 0.75 ×
learner-player-rate-normal = 1 ×
learner-player-rate-fast = 1.25 ×
learner-player-audio-only = صوت فقط: لن يتم تحميل الصورة.

learner-data-saver-title = توفير البيانات
learner-data-saver-intro = الفيديوهات تستهلك بيانات. هنا تختار كم. هذا يسري على كل الدروس.
learner-data-saver-legend = كيف تُحمَّل الفيديوهات؟
learner-data-saver-help-auto = الهاتف يختار الجودة بنفسه.
learner-data-saver-help-low = صورة صغيرة. تستهلك بيانات قليلة.
learner-data-saver-help-audio = بدون صورة، صوت فقط. الأقل استهلاكًا.
learner-data-saver-mb-up-to = حتى { $mb } ميغابايت لهذا الفيديو
learner-data-saver-mb-about = حوالي { $mb } ميغابايت
learner-data-saver-save = حفظ
learner-data-saver-saved = تم الحفظ. هذا يسري الآن على كل الفيديوهات.
learner-data-saver-figures-for = الأرقام للدرس:
learner-data-saver-offline-hint = نصيحة: احفظ الدروس في شبكة الواي فاي، وشاهدها لاحقًا بدون إنترنت.
learner-data-saver-error-choice = من فضلك اختر واحدًا من الخيارات الثلاثة.

learner-offline-title = محفوظ بدون إنترنت
learner-offline-intro = هذه الدروس موجودة على هاتفك. تعمل أيضًا بدون إنترنت.
learner-offline-you-are-offline = أنت الآن بدون إنترنت.
learner-offline-none = لم يُحفظ شيء بعد. في الدرس اضغط على „احفظ للاستخدام بدون إنترنت“.
learner-offline-unsupported = هذا المتصفح لا يستطيع حفظ الدروس.
learner-offline-total = المجموع: { $mb } ميغابايت على الهاتف
learner-offline-save = احفظ للاستخدام بدون إنترنت
learner-offline-saving = جارٍ الحفظ …
learner-offline-save-failed = لم ينجح الحفظ. من فضلك حاول مرة أخرى.
learner-offline-saved = محفوظ بدون إنترنت
learner-offline-delete = حذف
learner-offline-deleted = تم الحذف.
