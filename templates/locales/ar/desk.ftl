# The trainer's desk: printed sheets of access codes.
sheet-new = عدة مشاركين دفعة واحدة
sheet-new-help = لمجموعة جديدة: ينشئ Lernwerk المشاركين ويعرض ورقة فيها بطاقة لكل شخص للطباعة والقص.
sheet-count = كم عددهم؟
sheet-count-help = من 1 إلى { $max } أشخاص.
sheet-prefix = اسم مستعار للجميع (اختياري)
sheet-prefix-help = مثلاً «الاثنين». تُسمّى البطاقات عندها «الاثنين 1» و«الاثنين 2» وهكذا.
sheet-group = إلى هذه المجموعة مباشرة
sheet-no-group = بدون مجموعة
sheet-language = لغة البطاقات
sheet-create = إنشاء وعرض الورقة
sheet-print = طباعة
sheet-print-once = { $count ->
    [one] بطاقة واحدة. اطبعها الآن: لن يُعرض الرمز مرة أخرى.
   *[other] { $count } بطاقات. اطبعها الآن: لن تُعرض الرموز مرة أخرى.
}
sheet-qr-label = رمز QR لتسجيل الدخول
sheet-valid-until = صالح مرة واحدة، حتى { $date }.
sheet-count-invalid = يرجى إدخال رقم من 1 إلى 40.
sheet-prefix-too-long = الاسم المستعار طويل جداً: 60 حرفاً على الأكثر.
sheet-group-empty = لا يوجد في هذه المجموعة مشاركون تديرهم.
sheet-renew-group = رموز جديدة لكل من في المجموعة
sheet-renew-group-help = الرموز القديمة غير المستخدمة لن تعمل بعد ذلك. من سجّل الدخول يبقى مسجّلاً.
sheet-renew-group-submit = رموز جديدة وعرض الورقة
