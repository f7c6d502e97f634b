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

trainer-title = Overview
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

admin-title = Administration
admin-new-user = New staff account
admin-role = Role
admin-create-user = Create account
admin-staff = Staff
admin-revoke-sessions = Log out everywhere
admin-audit-link = Audit log
admin-trainer-area-link = Trainer area
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
audit-event-login-succeeded = Login
audit-event-login-failed = Login failed
audit-event-code-login-succeeded = Code login
audit-event-code-login-failed = Code login failed
audit-event-logout = Logout
audit-event-sessions-revoked = Sessions ended
audit-event-user-created = Account created
audit-event-learner-created = Learner created
audit-event-access-code-issued = Access code issued
audit-event-learner-data-exported = Data downloaded
audit-event-learner-deleted = Learner deleted
audit-event-learners-purged = Inactive learners deleted

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
video-stage-starting = Starting
video-stage-probe = Checking the file
video-stage-encode = Converting the video
video-stage-package = Storing the files
video-stage-done = Done
video-progress = Progress
video-show-result = Show the result (reloads the page)
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

# Courses (trainer)
courses-title = Courses
courses-list = Your courses
courses-none = No courses yet.
courses-new = New course
courses-create = Create course
trainer-areas = Areas
course-field-title = Title
course-field-summary = Short description (optional)
course-field-language = Language of the lessons
course-field-topic = Topic
course-field-level = Level
course-level = Level { $level }
course-field-gated = Unlock modules one after another (a module opens when the one before is done)
course-state = Status
course-draft = Draft – learners cannot see it
course-published = Published
course-publish = Publish
course-unpublish = Unpublish
course-settings = Course details
course-modules = Modules
course-no-modules = No modules yet. Add the first one below.
topic-reading = Reading
topic-writing = Writing
topic-numbers = Maths
topic-digital = Digital basics
topic-everyday = Everyday life
topic-work = Work
course-error-title = The title must be one line, not empty and at most 120 characters long.
course-error-text = The text may have at most 4000 characters.
course-error-language = Please choose a language from the list.
course-error-topic = Please choose a topic from the list.
course-error-level = Please choose a level from 1 to 4.
course-error-empty = A course without lessons cannot be published. Please add a lesson first.
save = Save
move-up = Move up
move-down = Move down
module-add = Add module
module-field-title = Name of the module
module-rename = Rename module
module-no-lessons = No lessons in this module yet.

# Lessons (trainer)
lesson-add = Add lesson
lesson-needs-video = To add a lesson, you first need a video.
lesson-settings = Lesson details
lesson-field-title = Title of the lesson
lesson-field-video = Video
lesson-field-body = Short text in plain language (optional)
lesson-field-threshold = How much of the video must be watched? (percent, empty = automatic)
lesson-threshold-help = Automatic: 72% for a one-minute video, up to 95% for ten minutes or more.
lesson-field-pass = How many questions must be answered correctly? (empty = all)
lesson-pass-help = For example 3, if 3 of 4 questions are enough.
lesson-move-module = Move to another module
lesson-field-module = Module
lesson-move = Move
lesson-error-video = Please choose one of your videos.
lesson-error-threshold = Please enter a number from 5 to 100 or leave the field empty.
lesson-error-pass = Please enter a number from 1 to 100 or leave the field empty.

# Questions
questions-title = Questions about the lesson
questions-none = No questions yet. Questions are optional.
question-add = Add question
question-field-prompt = Question
question-field-kind = Type of question
question-single = One answer is correct
question-multiple = Several answers can be correct
question-field-choices = Answers (empty lines are left out)
question-choice = Answer { $number }
question-right = Correct
question-delete = Delete question
question-error-prompt = Please write a question (at most 500 characters).
question-error-choices = A question needs two to six answers, each with at most 300 characters.
question-error-correct = Please mark the correct answer: exactly one for “One answer is correct”, otherwise at least one.

# Groups
groups-title = Groups
groups-none = No groups yet.
groups-new = New group
groups-create = Create group
group-field-name = Name of the group
group-join-code = Code to join
group-members = Learners
group-no-members = Nobody in this group yet.
group-add-learner = Add a learner
group-add = Add
group-remove = Remove
group-courses = Courses of the group
group-no-courses = No courses assigned yet.
group-assign-course = Assign a course
group-assign = Assign
group-error-learner = This person does not exist or is not one of your learners.
group-error-course = This course does not exist or does not belong to you.
group-error-code = This group code does not exist. Please check it again.

# Learning
learner-continue = Continue learning
learner-next-is = Next:
learner-all-done = Great! You have finished all lessons.
learner-lessons-done = Lessons done: { $done } of { $total }
learner-module-locked = Opens after the module before
learner-join = Join a group
learner-join-code = Group code
learner-join-submit = Join
lesson-state-not_started = Not started yet
lesson-state-in_progress = Started: { $percent }%
lesson-state-checks_failed = Try the questions again
lesson-state-complete = Done
lesson-locked = This lesson is still locked. Please finish the lessons before it first.
lesson-video = Lesson video
lesson-video-done = Video done!
lesson-video-not-ready = The video is being prepared. Please look again later.
checks-title = Questions
checks-pick-all = (tick all correct answers)
checks-submit = Check answers
checks-passed = Well done! Correct answers: { $correct } of { $total }.
checks-failed = Correct answers: { $correct } of { $total }. Please watch the video again and try once more.
check-error-answers = The answers do not match the questions. Please reload the page.
check-error-none = This lesson has no questions.
progress-error-report = Your progress could not be saved: the report is faulty.
progress-error-not-opened = Please open the lesson first.
progress-error-not-ready = The video of this lesson is not ready yet.

# Watched together in the room
group-room-viewing = Watched together in the room
group-room-viewing-help = Choose the lesson you showed the group and who was there. This counts separately from watching on their own.
group-present = Who was there?
group-room-save = Save
group-error-lesson = This lesson is not part of any course of the group.

# Privacy
privacy-my-data = My data
privacy-my-data-help = Download everything Lernwerk stores about you: your account, groups, progress and answers. The file is in JSON format.
privacy-my-data-download = Download my data
privacy-download = Download data
privacy-admin-link = Delete learners
privacy-admin-title = Learners and privacy
privacy-admin-help = Deleting removes the account with all its data: progress, answers, groups and logins. This cannot be undone. Download the data first if the person wants it.
privacy-retention = Learners who were not active for { $days } days are deleted automatically, with all their data.
privacy-retention-off = Automatic deletion is switched off.
privacy-no-learners = There are no learners yet.
privacy-learner-number = No. { $number }
privacy-created = created on { $date }
privacy-last-seen = last active on { $date }
privacy-delete-confirm = Yes, really delete no. { $number }
privacy-delete-button = Delete for good
privacy-delete-not-confirmed = Nothing was deleted. Please tick the box “really delete” first.
privacy-deleted = No. { $number } has been deleted, with all data.

# Reports
report-link = See learning progress
report-learner-link = Progress
report-title = Group progress
report-intro = Here you see for every person and every lesson how far they are. "Watched together" counts separately and does not complete a lesson.
report-downloads = Download
report-download-csv = Table for Excel (CSV)
report-download-json = Data (JSON)
report-download-xapi = xAPI data for a learning record store (LRS)
report-summary = Overview
report-learner = Learner
report-learner-number = Number
report-lessons-done = Lessons done
report-done-of = { $done } of { $total }
report-module = Module
report-module-done = Module done
report-course = Course
report-lesson = Lesson
report-state = State
report-watched-percent = Video watched (%)
report-together = Watched together
report-together-count = Watched together: { $count } times
report-last-activity = Last active
report-never = Never
report-time-note = All times are German time.
report-no-members = This group has no learners yet.
report-no-courses = No courses assigned yet.
report-no-lessons = This course has no lessons yet.
report-state-not_started = Not started
report-state-in_progress = Started: { $percent }%
report-state-in_progress-short = Started
report-state-checks_failed = Questions not passed
report-state-complete = Done
report-learner-title = Progress: { $name }
report-courses = Courses
report-timeline = History
report-timeline-empty = Nothing has happened yet.
report-timeline-truncated = Only the newest { $count } entries are shown here. The CSV file has all of them.
report-when = Time
report-what = What
report-details = Details
report-timeline-opened = Opened the lesson
report-timeline-played = Watched the video
report-timeline-completed = Video done
report-timeline-answered = Answered the questions
report-timeline-watched_together = Watched together in the room
report-timeline-completed-detail = { $percent }% watched
report-timeline-answered-passed = { $correct } of { $total } right – passed
report-timeline-answered-failed = { $correct } of { $total } right – not passed
report-timeline-together-detail = Group: { $group }

# Preview and order
lesson-preview = Preview
lesson-preview-note = Preview: this is how learners see this lesson. Nothing is saved here.
course-drag-help = Tip: you can also drag modules and lessons into place with the mouse.
course-error-order = The new order does not match the course. Please reload the page.

# Pictures and reading aloud
read-aloud = Read aloud
read-aloud-stop = Stop
question-picture = Picture for answer { $number } (optional)
question-picture-help = You can add a picture to each answer: JPEG, PNG or WebP, at most 5 MB and at most 4096 pixels wide and high. The picture is made smaller. Location data and other camera details are removed.
picture-error-line = Picture for answer { $number }:
picture-error-not-picture = This file is not a picture. Please choose a photo in JPEG, PNG or WebP format.
picture-error-too-many-pixels = The picture is too large. It may be at most 4096 pixels wide and 4096 pixels high.
picture-error-broken = The picture is damaged or incomplete. Please choose it again or take another picture.
picture-error-file-too-big = A picture is too large. Each picture may be at most 5 MB.
picture-error-form-too-big = The form is too large. All pictures together may be at most 30 MB.
picture-error-needs-text = Every picture needs an answer text. Please write the answer in the field above the picture.

# Subtitles
subtitles-title = Subtitles
subtitles-none = This video has no subtitles yet.
subtitle-language = Language
subtitle-make-default = Default (shown first)
subtitle-file = Subtitle file (.srt or .vtt, at most { $limit } KB)
subtitle-upload = Upload subtitles
subtitle-remove = Remove
subtitle-download = View file
subtitle-default-mark = Default
subtitle-cues = { $count ->
    [one] one cue
   *[other] { $count } cues
}
subtitle-saved = The subtitles have been saved.
subtitle-warnings-title = Some cues were left out:
subtitle-refused = The subtitle file was not accepted. Please fix these places and upload the file again:
subtitle-not-ready = Subtitles can be added once the video has finished processing.
subtitle-unknown-language = Please choose a language from the list.
subtitle-no-file = Please choose a subtitle file.
subtitle-upload-too-large = The file is too large for a subtitle file.
subtitle-error-more = There are more errors. Please fix these first.
subtitle-error-file-too-large = The file has { $kilobytes } KB. At most { $limit } KB are allowed.
subtitle-error-encoding = The characters of the file do not match its encoding ({ $encoding }). Please save the file as UTF-8.
subtitle-error-format = The file is neither SRT nor WebVTT.
subtitle-error-timestamp = Line { $line }: the time “{ $found }” cannot be read.
subtitle-error-cue-duration = Line { $line }: the cue ends ({ $end }) before it starts ({ $start }).
subtitle-error-stray-text = Line { $line }: text outside any cue. Is a timing or an empty line missing?
subtitle-error-line-too-long = Line { $line }: { $length } characters, at most { $limit } are allowed.
subtitle-error-cue-too-many-lines = Line { $line }: the cue has { $count } lines, at most { $limit } are allowed. Is an empty line missing?
subtitle-error-too-many-cues = Line { $line }: more than { $limit } cues.
subtitle-error-no-cues = The file contains no cues.
subtitle-error-all-after-end = All { $count } cues start after the end of the video ({ $duration }). Does the file belong to another video?
subtitle-warning-after-end = Line { $line }: the cue starts at { $start }, after the end of the video ({ $duration }).
transcript-title = Transcript
transcript-hint = Tap a line to jump there in the video.
