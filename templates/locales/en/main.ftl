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

# Video processing (jobs)
job-error-failed = The video could not be processed. Please upload it again or contact the administrator.
job-error-timeout = Processing took too long and was stopped. A shorter video will help.
job-error-resources = The video needs more computing time than this server allows. A shorter or smaller video will help.
job-error-lost = Processing was interrupted several times. Please contact the administrator.
job-error-cancelled = Processing was cancelled.
job-error-missing-original = The uploaded file is no longer there. Please upload the video again.

# Checking uploaded videos
media-error-unreadable = The file cannot be read. It may be damaged or not completely uploaded. Please upload it again.
media-error-not-video = This file is not a video.
media-error-format = This type of file is not supported. Please upload a video as MP4, MOV, MKV, WebM or AVI.
media-error-no-video = This file contains only sound, no picture. Please upload a video.
media-error-no-duration = The length of the video cannot be found out. Please save the video again and upload it again.
media-error-too-long = The video is too long ({ $minutes } minutes). The maximum is { $limit } minutes.
media-error-too-large-frame = The picture of the video is too large ({ $width } × { $height } pixels). Please save the video in a smaller size, for example Full HD (1920 × 1080).
media-error-frame-rate = The video has too many frames per second ({ $fps }). The maximum is { $limit }.
media-error-too-many-streams = The file contains too many picture, sound or subtitle tracks ({ $count }). The maximum is { $limit }.

# Videos
videos-title = Videos
videos-upload = Upload a video
videos-field-title = Title (optional)
videos-field-file = Video file
videos-file-help = MP4, MOV, MKV, WebM or AVI, at most { $mb } MB.
videos-upload-submit = Upload
videos-list = Your videos
videos-none = No videos yet.
video-status-queued = Waiting to be processed
video-status-processing = Being processed
video-status-ready = Ready
video-status-failed = Failed
video-status-cancelled = Cancelled
video-stage-queued = Waiting
video-stage-probe = Checking the file
video-stage-encode = Converting the video
video-stage-package = Storing the files
video-stage-done = Done
video-progress = Progress
video-cancel = Cancel processing
video-preview = Preview
video-renditions = Quality levels
video-rendition = Level
video-size = Picture size
video-bitrate = Data rate
video-megabytes = MB
upload-no-file = Please choose a video file.
upload-empty = The file is empty.
upload-bad-title = The title may have at most 120 characters, on one line.
upload-too-large = The file is too large.
upload-disk-full = The server's storage is full. Please tell the administration.
media-error-transcode = The video could not be converted. Please try again later.
