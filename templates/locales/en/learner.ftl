# The learner's phone: start page, player, data saver, offline lessons.
learner-read-page = Read this page aloud
learner-lesson-locked = Still locked
learner-next-lesson = Next lesson
learner-data-saver-link = Save data
learner-data-saver-auto = Automatic
learner-data-saver-low = Little data
learner-data-saver-audio = Sound only
learner-offline-link = Saved offline

learner-player-controls = Video controls
learner-player-play = Play
learner-player-pause = Pause
learner-player-back = Back 10 seconds
learner-player-subtitles = Subtitles
learner-player-subtitles-language = Subtitle language
learner-player-speed = Speed
learner-player-rate-slow = 0.75 ×
learner-player-rate-normal = 1 ×
learner-player-rate-fast = 1.25 ×
learner-player-audio-only = Sound only: the picture is not loaded.

learner-data-saver-title = Save data
learner-data-saver-intro = Videos use data. Here you choose how much. This counts for all lessons.
learner-data-saver-legend = How should videos load?
learner-data-saver-help-auto = The phone chooses the quality.
learner-data-saver-help-low = Small picture. Uses little data.
learner-data-saver-help-audio = No picture, only sound. Uses the least.
learner-data-saver-mb-up-to = Up to { $mb } MB for this video
learner-data-saver-mb-about = About { $mb } MB
learner-data-saver-save = Save
learner-data-saver-saved = Saved. This now counts for all videos.
learner-data-saver-figures-for = The numbers are for the lesson:
learner-data-saver-offline-hint = Tip: save lessons on Wi-Fi, watch them later without internet.
learner-data-saver-error-choice = Please choose one of the three options.

learner-offline-title = Saved offline
learner-offline-intro = These lessons are on your phone. They work without internet too.
learner-offline-you-are-offline = You are offline right now.
learner-offline-none = Nothing saved yet. In a lesson, tap “Save for offline”.
learner-offline-unsupported = This browser cannot save lessons.
learner-offline-total = Together: { $mb } MB on the phone
learner-offline-save = Save for offline
learner-offline-saving = Saving …
learner-offline-save-failed = Saving did not work. Please try again.
learner-offline-saved = Saved offline
learner-offline-delete = Delete
learner-offline-deleted = Deleted.
