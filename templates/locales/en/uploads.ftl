## Resumable uploads (tus): what the server answers, what the videos page shows.

uploads-error-not-found = This upload is no longer there. Please upload the file again.
uploads-error-expired = This upload was not continued for too long and has expired. Please upload the file again.
uploads-error-locked = This upload is being written right now. It continues in a moment.
uploads-error-offset = The upload is at another point than expected. It continues from where it is.
uploads-error-checksum = Part of the file arrived damaged. It is sent again.
uploads-error-checksum-header = The checksum could not be read.
uploads-error-checksum-algorithm = The server does not know this kind of checksum. It knows sha1 and sha256.
uploads-error-metadata = The file name or title could not be read.
uploads-error-no-filename = The file has no name.
uploads-error-filename = The file name is too long or contains control characters.
uploads-error-too-large = The file is too large. At most { $limit } MB are allowed.
uploads-error-beyond-length = More data came than the file is large.
uploads-error-quota = Your storage space is not enough: you use { $used } MB of { $quota } MB. Please ask the administration for more space.
uploads-error-disk-full = The server's storage is full. What has arrived is kept. The upload continues as soon as there is room again. Please tell the administration.
uploads-error-interrupted = The connection broke off. What has arrived is kept.
uploads-error-version = This upload program speaks another version of the protocol.
uploads-error-defer-length = The size of the file must be known at the start.
uploads-error-length = The size of the file is missing or not a number.
uploads-error-offset-header = The position in the upload is missing or not a number.
uploads-error-content-type = The data has the wrong type. Expected is application/offset+octet-stream.
uploads-error-encoding = Compressed data is not accepted. Please send the file unchanged.

uploads-progress-label = Upload progress
uploads-progress = { $percent } % · { $speed }/s · about { $left } left
uploads-progress-start = Upload starting …
uploads-time-seconds = { $count } s
uploads-time-minutes = { $count } min
uploads-time-hours = { $count } h
uploads-pause = Pause
uploads-resume = Continue
uploads-cancel = Cancel upload
uploads-paused = Paused. "Continue" goes on from the same point.
uploads-offline = No connection. The upload continues by itself as soon as you are online again.
uploads-retrying = Connection problem. Trying again …
uploads-done = Uploaded. The video's page opens …
uploads-failed = The upload did not work: { $reason }
uploads-failed-unknown = The server does not answer.
uploads-continue-offer = The upload of "{ $file }" was interrupted ({ $percent } % is already there).
uploads-continue = Continue the interrupted upload
uploads-start-over = Start again
uploads-interrupted-hint = An upload was interrupted: "{ $file }". Choose the same file again to continue it.
uploads-status-region = Upload status

uploads-subtitles-while-processing = You can add subtitles now. They go into the video as soon as it is ready.
uploads-subtitle-waiting = waiting for the video
