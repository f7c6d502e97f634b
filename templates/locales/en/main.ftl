# Lernwerk — English interface.
skip-to-content = Skip to content
nav-label = Main menu
nav-account = My account
nav-logout = Log out
lang-switch-label = Choose language
back = Back

home-title = Welcome to Lernwerk
home-intro = Learn here with short videos.
home-learner-login = Log in with a code
home-staff-login = Staff login

login-title = Staff login
login-username = User name
login-password = Password
login-submit = Log in
login-failed = User name or password is wrong.
login-missing-fields = Please enter user name and password.

code-title = Log in with a code
code-help = Your trainer gives you your code.
code-label = Your code
code-submit = Let's go
code-missing = Please enter your code.
code-malformed = The code has 12 characters. Please check it.
code-wrong = This code does not fit. Please check it.
code-expired = This code has expired. Please ask for a new code.
code-used = This code was already used. Please ask for a new code.

account-title = My account
account-sessions = { $count ->
    [one] You are logged in on one device.
   *[other] You are logged in on { $count } devices.
}
account-logout-everywhere = Log out on all devices

learner-title = Learning
learner-hello = Hello!
learner-hello-name = Hello
learner-no-courses = You have no course yet. Your trainer will give you one soon.

trainer-title = Learners
trainer-new-learner = Add a learner
trainer-new-learner-help = No name needed. A nickname helps you find them again.
trainer-nickname = Nickname (optional)
trainer-create-learner = Add and show code
trainer-learners = Your learners
trainer-no-learners = No learners yet.
trainer-new-code = New code
learner-nickname-too-long = The nickname may have at most 64 characters.

code-sheet-title = Access code
code-sheet-scan = Type the code or scan the QR code with the phone.
code-sheet-valid = The code works for { $days } days and only once. Print or copy it now: it will not be shown again.

admin-title = Administration
admin-new-user = New staff account
admin-role = Role
admin-create-user = Create account
admin-staff = Staff
admin-revoke-sessions = Log out everywhere
admin-audit-link = Audit log
admin-audit-title = Audit log
admin-role-invalid = Please choose a role.
admin-username-invalid = The user name needs 3 to 64 characters: letters, digits, dot, dash or underscore.
admin-password-weak = The password must have at least 10 characters.
admin-username-taken = This user name already exists.
role-admin = Administrator
role-trainer = Trainer
role-learner = Learner
audit-when = Time
audit-action = Event
audit-actor = Who
audit-subject = Concerns

error-code = Error code
error-home = Go to the start page
error-not-found = This page does not exist.
error-forbidden = You may not see this page.
error-login-required = Please log in.
error-csrf = The form has expired. Please reload the page and try again.
error-bad-request = The request is faulty.
error-bad-form = The form is incomplete or faulty.
error-too-large = That is too much at once.
error-too-many = Too many attempts. Please wait a few minutes.
error-internal = Something went wrong. Please try again later.
